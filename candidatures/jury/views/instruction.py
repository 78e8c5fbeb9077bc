"""The recevabilité screen of label staff: the dossier read-only and the Recevabilité task's
three actions, each confirmed, each followed by a message saying what happened and who is told."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from candidatures.access import is_label_staff
from candidatures.answers import answer_sections, attachments_for
from candidatures.jury import instruction
from candidatures.jury.views.common import get_visible_candidature

LISTING = "wagtailsnippets_candidatures_candidature:list"


def instruct(request, pk):
    user = request.user
    if not is_label_staff(user):
        raise Http404  # the president sees dossiers, never instructs them: no trace of a screen
    candidature = get_visible_candidature(request, pk)
    task_state = instruction.eligibility_task_state(candidature)
    actions = dict(instruction.instruction_actions(candidature, user, task_state))
    status, confirm, chosen = 200, None, None
    forms = {name: instruction.comment_form(task_state, name) for name in actions}
    if request.method == "POST":
        chosen = request.POST.get("action", "")
        if chosen not in actions:
            messages.error(
                request,
                _("Cette action n'est pas possible : le dossier n'est plus en recevabilité.")
                if not actions
                else _("Action inconnue : rechargez la page et réessayez."),
            )
            return redirect("candidatures_jury:instruct", pk=candidature.pk)
        form = instruction.comment_form(task_state, chosen, request.POST)
        forms[chosen] = form
        if not form.is_valid():
            messages.error(request, _("Rien n'a été fait : corrigez le formulaire."))
            status = 400
        elif "confirm" not in request.POST:
            confirm = {
                "action": chosen,
                "title": instruction.ACTION_TEXTS[chosen]["title"],
                "explain": instruction.ACTION_TEXTS[chosen]["explain"],
                "comment": form.cleaned_data.get("comment", ""),
                "form": form,
                "told": instruction.who_is_told(candidature, chosen) if chosen != "approve" else [],
            }
        else:
            comment = (form.cleaned_data.get("comment") or "").strip()
            candidature = instruction.run(task_state, user, chosen, comment)
            if not instruction.action_done(candidature, chosen):
                messages.error(request, _("L'action n'a pas abouti : le dossier est inchangé."))
                return redirect("candidatures_jury:instruct", pk=candidature.pk)
            messages.success(request, instruction.success_message(candidature, chosen))
            return redirect(reverse(LISTING) + "?status=eligibility")
    panels = [
        {
            "name": name,
            "label": label,
            "explain": instruction.ACTION_TEXTS[name]["explain"],
            "form": forms[name],
            "primary": name == "approve",
        }
        for name, label in actions.items()
    ]
    return TemplateResponse(
        request,
        "candidatures/admin/instruction.html",
        {
            "page_title": _("Recevabilité : %(name)s") % {"name": candidature.collectivite},
            "header_title": _("Recevabilité : %(name)s") % {"name": candidature.collectivite},
            "header_icon": "tasks",
            "candidature": candidature,
            "sections": answer_sections(candidature),
            "attachments": attachments_for(candidature, user),
            "panels": panels,
            "confirm": confirm,
            "editor_url": reverse(
                "wagtailsnippets_candidatures_candidature:edit", args=[candidature.pk]
            )
            + "?editeur=1",
            "listing_url": reverse(LISTING) + "?status=eligibility",
        },
        status=status,
    )
