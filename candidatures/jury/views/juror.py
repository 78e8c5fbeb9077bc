"""Screens of a juror: dashboard, dossier reading, evaluation form, conflict declaration."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from candidatures.access import can_evaluate, is_label_staff, sees_other_evaluations
from candidatures.answers import answer_sections, attachments_for
from candidatures.jury.assignment import replace_after_conflict
from candidatures.jury.deliberation import current_task_is, dossier_figures, submit_evaluation
from candidatures.jury.forms import ConflictForm, EvaluationForm
from candidatures.jury.views.common import get_visible_candidature, require
from candidatures.models import (
    Assignment,
    Candidature,
    ConflictOfInterest,
    Evaluation,
    Jury,
    JuryEvaluationTask,
    JuryMember,
)
from candidatures.models.jury import person_name
from editions.models import Collectivite
from home import readlog


def dashboard(request):
    user = request.user
    conflicts = ConflictOfInterest.objects.filter(user=user).values("collectivite_id")
    assignments = (
        Assignment.objects.filter(juror=user)
        .exclude(candidature__collectivite_id__in=conflicts)
        .select_related("candidature__collectivite", "candidature__edition")
        .order_by("-candidature__edition__year", "candidature__collectivite__name")
    )
    evaluations = {
        e.candidature_id: e
        for e in Evaluation.objects.filter(
            juror=user, candidature__in=[a.candidature_id for a in assignments]
        )
    }
    rows = []
    for assignment in assignments:
        evaluation = evaluations.get(assignment.candidature_id)
        rows.append(
            {
                "candidature": assignment.candidature,
                "done": bool(evaluation and evaluation.is_submitted),
                "started": evaluation is not None,
            }
        )
    presided = JuryMember.objects.filter(user=user, is_president=True).select_related(
        "jury__edition"
    )
    return TemplateResponse(
        request,
        "candidatures/admin/juror_dashboard.html",
        {
            "page_title": _("Espace du jury"),
            "header_title": _("Espace du jury"),
            "header_icon": "folder-open-inverse",
            "todo": [r for r in rows if not r["done"]],
            "done": [r for r in rows if r["done"]],
            "tables": [m.jury.edition for m in presided]
            if not is_label_staff(user)
            else [j.edition for j in Jury.objects.select_related("edition")],
            "is_staff": is_label_staff(user),
            "is_juror": user.jury_memberships.exists(),
        },
    )


def dossier(request, pk):
    candidature = get_visible_candidature(request, pk)
    readlog.record_read(request, candidature, readlog.Action.VIEW, "dossier du jury")
    user = request.user
    sees_others = sees_other_evaluations(user, candidature)
    return TemplateResponse(
        request,
        "candidatures/admin/dossier.html",
        {
            "page_title": str(candidature),
            "header_title": str(candidature),
            "header_icon": "doc-full",
            "candidature": candidature,
            "sections": answer_sections(candidature),
            "attachments": attachments_for(candidature, user),
            "can_evaluate": can_evaluate(user, candidature),
            "sees_others": sees_others,
        },
    )


def evaluate(request, pk):
    candidature = get_visible_candidature(request, pk)
    user = request.user
    require(can_evaluate(user, candidature))
    readlog.record_read(request, candidature, readlog.Action.VIEW, "évaluation du jury")
    evaluation = Evaluation.objects.filter(candidature=candidature, juror=user).first()
    open_for_evaluation = current_task_is(candidature, JuryEvaluationTask)
    editable = open_for_evaluation and not (evaluation and evaluation.is_submitted)
    final = request.method == "POST" and "submit" in request.POST
    form = EvaluationForm(
        request.POST if request.method == "POST" and editable else None,
        candidature=candidature,
        evaluation=evaluation,
        final=final,
    )
    if request.method == "POST":
        if not editable:
            messages.error(request, _("Cette évaluation ne peut plus être modifiée."))
            return redirect("candidatures_jury:evaluate", pk=candidature.pk)
        if form.is_valid():
            with transaction.atomic():
                evaluation = evaluation or Evaluation(candidature=candidature, juror=user)
                evaluation.scores = form.scores()
                evaluation.proposed_level, evaluation.level_chosen = form.proposal()
                evaluation.jury_comment = form.cleaned_data["jury_comment"]
                evaluation.applicant_feedback = form.cleaned_data["applicant_feedback"]
                evaluation.full_clean()
                evaluation.save()
                if final:
                    submit_evaluation(evaluation, user)
            if final:
                messages.success(request, _("Votre évaluation est remise. Merci !"))
                return redirect("candidatures_jury:dashboard")
            messages.success(request, _("Brouillon de l'évaluation enregistré."))
            return redirect("candidatures_jury:evaluate", pk=candidature.pk)
        messages.error(request, _("L'évaluation n'a pas été enregistrée : corrigez les erreurs."))
        status = 400
    else:
        status = 200
    others = []
    figures = None
    if evaluation and evaluation.is_submitted:
        others = list(
            candidature.evaluations.submitted()
            .exclude(juror=user)
            .select_related("juror", "proposed_level")
        )
        domains = list(candidature.edition.criteria_domains.all())
        figures = dossier_figures(candidature, [evaluation, *others], domains)
    return TemplateResponse(
        request,
        "candidatures/admin/evaluate.html",
        {
            "page_title": _("Évaluer : %(name)s") % {"name": candidature.collectivite},
            "header_title": _("Évaluer : %(name)s") % {"name": candidature.collectivite},
            "header_icon": "form",
            "candidature": candidature,
            "form": form,
            "evaluation": evaluation,
            "editable": editable,
            "open_for_evaluation": open_for_evaluation,
            "others": others,
            "figures": figures,
            "sections": answer_sections(candidature),
            "attachments": attachments_for(candidature, user),
        },
        status=status,
    )


def conflict_message(conflict, outcome):
    """What the declaring person reads: what became of each dossier and who is told."""
    if not outcome:
        return _(
            "Lien d'intérêts avec %(body)s enregistré : ses dossiers ne vous seront pas confiés."
        ) % {"body": conflict.collectivite}
    parts = []
    for candidature, replacement in outcome:
        if replacement is None:
            parts.append(
                _("%(body)s : aucun juré ne peut vous remplacer pour l'instant")
                % {"body": candidature.collectivite}
            )
        else:
            parts.append(
                _("%(body)s est confié à %(name)s")
                % {"body": candidature.collectivite, "name": person_name(replacement)}
            )
    return _(
        "Lien d'intérêts enregistré, votre attribution est retirée. %(what)s. "
        "L'équipe du label est prévenue par courriel."
    ) % {"what": " ; ".join(parts)}


def declare_conflict(request):
    user = request.user
    editions = JuryMember.objects.filter(user=user).values("jury__edition_id")
    require(editions.exists() or is_label_staff(user))

    collectivites = (
        Collectivite.objects.filter(candidatures__edition_id__in=editions)
        .distinct()
        .order_by("name")
    )
    form = ConflictForm(request.POST or None, collectivites=collectivites)
    if request.method == "POST":
        if form.is_valid():
            conflict, _created = ConflictOfInterest.objects.get_or_create(
                user=user,
                collectivite=form.cleaned_data["collectivite"],
                defaults={"reason": form.cleaned_data["reason"]},
            )
            outcome = replace_after_conflict(conflict, by=user)
            messages.success(request, conflict_message(conflict, outcome))
            return redirect("candidatures_jury:dashboard")
        status = 400
    else:
        status = 200
    return TemplateResponse(
        request,
        "candidatures/admin/conflict_form.html",
        {
            "page_title": _("Déclarer un lien d'intérêts"),
            "header_title": _("Déclarer un lien d'intérêts"),
            "header_icon": "warning",
            "form": form,
            "conflicts": ConflictOfInterest.objects.filter(user=user).select_related(
                "collectivite"
            ),
        },
        status=status,
    )


__all__ = ["Candidature", "dashboard", "declare_conflict", "dossier", "evaluate"]
