"""Attachments are streamed through these views only: members (and staff) or 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from candidatures.applicant import drafts as svc
from candidatures.models import Attachment
from home import readlog


def visible_attachment(user, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("candidature"), pk=pk)
    if not attachment.can_be_seen_by(user):
        raise Http404
    return attachment


@login_required
@require_GET
def download(request, pk):
    attachment = visible_attachment(request.user, pk)
    readlog.record_read(
        request, attachment.candidature, readlog.Action.DOWNLOAD, attachment.original_name
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def delete(request, pk):
    attachment = get_object_or_404(
        Attachment.objects.filter(candidature__in=svc.user_candidatures(request.user)), pk=pk
    )
    candidature = attachment.candidature
    if not svc.is_editable(candidature):
        messages.error(request, svc.closed_reason(candidature))
    else:
        attachment.file.delete(save=False)
        attachment.delete()
        messages.success(request, _("Le fichier a été supprimé."))
    step = request.POST.get("step") or svc.REFERENTS_STEP
    if step not in dict(svc.steps(candidature)):
        step = svc.REFERENTS_STEP
    return redirect("candidatures:step", pk=candidature.pk, step=step)
