"""The dossier: dashboard, steps with drafts and autosave, recap, submission, withdrawal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidatures.applicant import drafts as svc
from candidatures.applicant.dashboard import dashboard_rows
from candidatures.applicant.forms.steps import ReferentsForm, SectionForm
from candidatures.applicant.recap_pdf import can_download_recap, filename, render_recap_pdf
from candidatures.applicant.submission import (
    SubmissionRefused,
    can_withdraw,
    submission_problems,
    submit_dossier,
    withdraw_dossier,
)
from candidatures.lifecycle.states import applicant_label
from candidatures.models import Attachment, Candidature, CandidatureStatus
from candidatures.models.questionnaire import questionnaire_for
from editions.models import Collectivite
from editions.selfassessment.services import SESSION_KEY as SELF_ASSESSMENT_KEY
from home import readlog

STALE_MESSAGE = _(
    "Quelqu'un d'autre a modifié cette étape pendant que vous la remplissiez. Vos saisies sont "
    "conservées ci-dessous, mais n'ont pas été enregistrées : rechargez la page dans un autre "
    "onglet pour voir la version enregistrée, puis reportez vos changements."
)


def render_dashboard(request, status=200):
    edition = svc.open_edition()
    rows = dashboard_rows(request.user)
    context = {
        "rows": rows,
        "open_edition": edition,
        # Only asked when a dossier can be started (the start form offers them).
        "tracks": svc.tracks_on_offer(edition) if any(r["can_start"] for r in rows) else [],
    }
    return render(request, "candidatures/applicant/dashboard.html", context, status=status)


@login_required
@require_GET
def dashboard(request):
    return render_dashboard(request)


def chosen_track(request, tracks):
    """The track named by the form (its slug), among those on offer; None if none matches."""
    slug = request.POST.get("track", "")
    return next((track for track in tracks if track.slug == slug), None)


@login_required
@require_POST
def start(request, pk):
    collectivite = get_object_or_404(
        Collectivite.objects.filter(memberships__user=request.user), pk=pk
    )
    edition = svc.open_edition()
    tracks = svc.tracks_on_offer(edition) if edition else []
    if edition is None or not (tracks or questionnaire_for(edition)):
        messages.error(request, _("Aucune édition n'accepte de candidature en ce moment."))
        return redirect("candidatures:dashboard")
    track = chosen_track(request, tracks)
    existing = Candidature.objects.filter(collectivite=collectivite, edition=edition).first()
    if existing is None and tracks and track is None:
        messages.error(
            request,
            _("Choisissez le parcours de candidature (%(names)s) avant de commencer le dossier.")
            % {"names": ", ".join(t.name for t in tracks)},
        )
        return render_dashboard(request, status=400)
    if existing is None:
        try:
            existing = svc.start_dossier(
                request.user,
                collectivite,
                edition,
                prefill=bool(request.POST.get("prefill")),
                session=request.session,
                track=track,
            )
            request.session.pop(SELF_ASSESSMENT_KEY, None)
        except IntegrityError:  # a colleague started it at the same moment
            existing = Candidature.objects.get(collectivite=collectivite, edition=edition)
    return redirect("candidatures:step", pk=existing.pk, step=svc.REFERENTS_STEP)


@login_required
@require_POST
def switch_track_view(request, pk):
    """A draft moves to another track of its édition; shared answers are kept."""
    candidature = svc.get_candidature_for_user(request.user, pk)
    tracks = [t for t in svc.tracks_on_offer(candidature.edition) if t.pk != candidature.track_id]
    track = chosen_track(request, tracks)
    if track is None:
        messages.error(request, _("Choisissez un autre parcours de cette édition."))
        return render_recap(request, candidature, status=400)
    if not request.POST.get("confirm"):
        messages.error(request, _("Cochez la case de confirmation pour changer de parcours."))
        return render_recap(request, candidature, status=400)
    try:
        candidature, removed = svc.switch_track(candidature, request.user, track)
    except svc.NotEditable:
        messages.error(request, _("Seul un brouillon peut changer de parcours."))
        return render_recap(request, candidature, status=409)
    messages.success(
        request,
        ngettext(
            "Le dossier suit maintenant le parcours « %(track)s ». %(n)s réponse propre à "
            "l'ancien parcours a été retirée ; les réponses communes sont conservées.",
            "Le dossier suit maintenant le parcours « %(track)s ». %(n)s réponses propres à "
            "l'ancien parcours ont été retirées ; les réponses communes sont conservées.",
            removed,
        )
        % {"track": track.name, "n": removed},
    )
    return redirect("candidatures:step", pk=candidature.pk, step=svc.REFERENTS_STEP)


def build_form(candidature, step, data=None, files=None):
    version = candidature.latest_revision_id or ""
    if step == svc.REFERENTS_STEP:
        initial = {**svc.step_values(candidature, step), "version": version}
        return ReferentsForm(data, files, initial=initial)
    section = svc.get_section(candidature, step)
    if section is None:
        raise Http404
    initial = {**SectionForm.initial_for(section, candidature.answers), "version": version}
    return SectionForm(data, files, initial=initial, section=section)


def form_values(form):
    return form.values() if isinstance(form, ReferentsForm) else form.answer_values()


def step_context(candidature, step, form):
    all_steps = svc.steps(candidature)
    files = list(candidature.attachments.order_by("uploaded_at"))
    done, total = svc.progress(candidature, {a.question_key for a in files})
    titles = dict(all_steps)
    return {
        "candidature": candidature,
        "form": form,
        "step": step,
        "step_title": titles[step],
        "section": svc.get_section(candidature, step),
        "steps": all_steps,
        "step_number": [k for k, _t in all_steps].index(step) + 1,
        "next_step": svc.next_step(candidature, step),
        "attachments": files,
        "done": done,
        "total": total,
        "editable": svc.is_editable(candidature),
        "closed_reason": "" if svc.is_editable(candidature) else svc.closed_reason(candidature),
    }


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk, step):
    candidature = svc.get_candidature_for_user(request.user, pk)
    if step not in dict(svc.steps(candidature)):
        raise Http404
    if request.method == "GET":
        form = build_form(candidature, step)
        return render(
            request,
            "candidatures/applicant/step.html",
            step_context(candidature, step, form),
        )
    form = build_form(candidature, step, request.POST, request.FILES)
    status = 400
    if not svc.is_editable(candidature):
        form.is_valid()
        form.add_error(None, svc.closed_reason(candidature))
        status = 409
    elif form.is_valid():
        try:
            candidature = svc.save_step(
                candidature,
                request.user,
                step,
                form_values(form),
                form.cleaned_data.get("version"),
            )
        except svc.StaleDossier:
            form.add_error(None, STALE_MESSAGE)
            status = 409
        except svc.NotEditable:
            form.add_error(None, svc.closed_reason(candidature))
            status = 409
        else:
            for key, upload in getattr(form, "uploads", list)():
                Attachment.objects.create(
                    candidature=candidature,
                    question_key=key,
                    file=upload,
                    original_name=upload.name[:255],
                    content_type=upload.checked_content_type,
                    size=upload.size,
                    uploaded_by=request.user,
                )
            messages.success(request, _("Brouillon enregistré."))
            following = svc.next_step(candidature, step)
            if "stay" in request.POST or (following is None and "next" not in request.POST):
                return redirect("candidatures:step", pk=candidature.pk, step=step)
            if following is None:
                return redirect("candidatures:recap", pk=candidature.pk)
            return redirect("candidatures:step", pk=candidature.pk, step=following)
    return render(
        request,
        "candidatures/applicant/step.html",
        step_context(candidature, step, form),
        status=status,
    )


@login_required
@require_POST
def autosave(request, pk, step):
    """The step form posted by dossier.js while typing; JSON in return, files ignored."""
    candidature = svc.get_candidature_for_user(request.user, pk)
    if step not in dict(svc.steps(candidature)):
        raise Http404
    form = build_form(candidature, step, request.POST)
    if not svc.is_editable(candidature):
        return JsonResponse(
            {"ok": False, "message": str(svc.closed_reason(candidature))}, status=409
        )
    if not form.is_valid():
        errors = {k: [str(e) for e in v] for k, v in form.errors.items() if k != "__all__"}
        return JsonResponse(
            {"ok": False, "message": _("Certaines réponses sont à corriger."), "errors": errors},
            status=400,
        )
    try:
        candidature = svc.save_step(
            candidature,
            request.user,
            step,
            form_values(form),
            form.cleaned_data.get("version"),
            log=False,
        )
    except svc.StaleDossier:
        return JsonResponse({"ok": False, "message": str(STALE_MESSAGE)}, status=409)
    except svc.NotEditable:
        return JsonResponse(
            {"ok": False, "message": str(svc.closed_reason(candidature))}, status=409
        )
    saved_at = time_format(timezone.localtime(), "H:i")
    done, total = svc.progress(candidature)
    return JsonResponse(
        {
            "ok": True,
            "version": candidature.latest_revision_id,
            "message": _("Brouillon enregistré à %(time)s") % {"time": saved_at},
            "done": done,
            "total": total,
        }
    )


@login_required
@require_GET
def recap(request, pk):
    candidature = svc.get_candidature_for_user(request.user, pk)
    return render_recap(request, candidature)


@login_required
@require_GET
def recap_pdf(request, pk):
    """The recap as a PDF: the body's members and label staff; anyone else 404."""
    candidature = get_object_or_404(
        Candidature.objects.select_related("edition", "collectivite"), pk=pk
    )
    if not can_download_recap(request.user, candidature):
        raise Http404
    readlog.record_read(request, candidature, readlog.Action.DOWNLOAD, filename(candidature))
    response = HttpResponse(render_recap_pdf(candidature), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename(candidature)}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def render_recap(request, candidature, status=200):
    """The recap page; refused submissions and withdrawals show it again with their status."""
    files = list(candidature.attachments.order_by("uploaded_at"))
    file_keys = {a.question_key for a in files}
    done, total = svc.progress(candidature, file_keys)
    referents = [(label, getattr(candidature, name)) for name, label in svc.referent_labels()]
    sections = [
        {
            **section,
            "rows": [
                {
                    **q,
                    "answer": candidature.answers.get(q["key"]),
                    "files": [a for a in files if a.question_key == q["key"]],
                }
                for q in section["questions"]
            ],
        }
        for section in candidature.questions
    ]
    context = {
        "candidature": candidature,
        "status_label": applicant_label(candidature),
        "referents": referents,
        "sections": sections,
        "missing": svc.missing_answers(candidature, file_keys),
        "problems": submission_problems(candidature)
        if candidature.status in svc.EDITABLE_STATUSES
        else [],
        "editable": svc.is_editable(candidature),
        "closed_reason": "" if svc.is_editable(candidature) else svc.closed_reason(candidature),
        "can_withdraw": can_withdraw(candidature),
        "done": done,
        "total": total,
        "steps": svc.steps(candidature),
        "other_tracks": [
            t for t in svc.tracks_on_offer(candidature.edition) if t.pk != candidature.track_id
        ]
        if candidature.status == CandidatureStatus.DRAFT and svc.is_editable(candidature)
        else [],
    }
    return render(request, "candidatures/applicant/recap.html", context, status=status)


def confirmed_action(request, pk, action, unconfirmed, done):
    """Submission and withdrawal: confirmed by a checkbox, refused with the recap and its
    messages (400), else the dashboard with what happened."""
    candidature = svc.get_candidature_for_user(request.user, pk)
    if not request.POST.get("confirm"):
        messages.error(request, unconfirmed)
        return render_recap(request, candidature, status=400)
    try:
        action(candidature, request.user)
    except SubmissionRefused as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return render_recap(request, candidature, status=400)
    messages.success(request, done)
    return redirect("candidatures:dashboard")


@login_required
@require_POST
def submit_view(request, pk):
    return confirmed_action(
        request,
        pk,
        submit_dossier,
        _("Cochez la case de confirmation pour déposer le dossier."),
        _("Votre dossier est déposé. Un accusé de réception vous a été envoyé par courriel."),
    )


@login_required
@require_POST
def withdraw_view(request, pk):
    return confirmed_action(
        request,
        pk,
        withdraw_dossier,
        _("Cochez la case de confirmation pour retirer le dossier."),
        _("Votre dossier est retiré."),
    )
