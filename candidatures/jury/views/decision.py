"""Deliberation screens: the table per édition, the decision per dossier, hand assignment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from candidatures.access import (
    can_decide,
    is_label_staff,
    is_president_for,
    sees_other_evaluations,
    visible_candidatures,
)
from candidatures.jury.assignment import add_juror, assign_edition, remove_juror
from candidatures.jury.deliberation import (
    current_task_is,
    dossier_figures,
    earlier_levels,
    earlier_results,
    mention_suggestions,
    record_decision,
    table_rights,
)
from candidatures.jury.forms import AddJurorForm, DecisionForm
from candidatures.jury.views.common import get_visible_candidature, require
from candidatures.lifecycle.states import DECIDED_STATUSES
from candidatures.models import Assignment, CandidatureStatus, DeliberationTask, Jury
from candidatures.models.jury import person_name
from editions.models import Edition

TABLE_STATUSES = [
    CandidatureStatus.EVALUATION,
    CandidatureStatus.DELIBERATION,
    CandidatureStatus.DECIDED,
    CandidatureStatus.PUBLISHED,
]


def table(request, year):
    edition = get_object_or_404(Edition, year=year)
    user = request.user
    require(is_label_staff(user) or is_president_for(user, edition.pk))
    jury = Jury.objects.filter(edition=edition).first()
    jurors = [m.user for m in jury.members.select_related("user")] if jury else []
    domains = list(edition.criteria_domains.all())
    candidatures = list(
        visible_candidatures(user)
        .filter(edition=edition, status__in=TABLE_STATUSES)
        .select_related("collectivite", "decision_level", "track")
        .prefetch_related("evaluations__proposed_level")
        .order_by("collectivite__name")
    )
    rights = table_rights(user, edition, candidatures)
    history = earlier_levels([c.collectivite_id for c in candidatures], edition.year)
    rows = []
    for candidature in candidatures:
        submitted = [e for e in candidature.evaluations.all() if e.is_submitted]
        if not rights[candidature.pk]["sees_others"]:
            submitted = [e for e in submitted if e.juror_id == user.pk]
        by_juror = {e.juror_id: e for e in submitted}
        figures = dossier_figures(candidature, submitted, domains)
        rows.append(
            {
                "candidature": candidature,
                "cells": [by_juror.get(j.pk) for j in jurors],
                "mean": figures["mean"],
                "spread": figures["spread"],
                "proposed": [str(level or _("non labellisé")) for level in figures["proposed"]],
                "earlier": [
                    (r.edition.year, str(r.level) if r.level else _("non labellisée"))
                    for r in history.get(candidature.collectivite_id, [])
                ],
                "final_level": final_level(candidature),
                "may_decide": rights[candidature.pk]["decide"],
            }
        )
    return TemplateResponse(
        request,
        "candidatures/admin/deliberation_table.html",
        {
            "page_title": _("Délibération %(year)s") % {"year": year},
            "header_title": _("Délibération %(year)s") % {"year": year},
            "header_icon": "table",
            "edition": edition,
            "jurors": [person_name(j) for j in jurors],
            "rows": rows,
        },
    )


def final_level(candidature):
    """The level decided, once there is a decision ("—" before)."""
    if candidature.status not in DECIDED_STATUSES:
        return "—"
    return str(candidature.decision_level or _("non labellisée"))


def decide(request, pk):
    candidature = get_visible_candidature(request, pk)
    may_decide = can_decide(request.user, candidature)
    # Staff follow the deliberation; they decide only when the jury's settings let them.
    require(may_decide or is_label_staff(request.user))
    in_deliberation = current_task_is(candidature, DeliberationTask)
    open_for_decision = in_deliberation and may_decide
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        candidature=candidature,
        initial={
            "level": candidature.decision_level_id,
            "public_comment": candidature.public_comment,
        },
    )
    status = 200
    if request.method == "POST":
        require(may_decide)
        if not open_for_decision:
            messages.error(request, _("Ce dossier n'est pas en délibération."))
            return redirect("candidatures_jury:decide", pk=candidature.pk)
        if form.is_valid():
            record_decision(
                candidature,
                request.user,
                form.cleaned_data["level"],
                form.cleaned_data["public_comment"],
                form.mentions(),
            )
            messages.success(
                request,
                _(
                    "Décision enregistrée. Elle restera confidentielle jusqu'à la "
                    "publication des résultats."
                ),
            )
            return redirect("candidatures_jury:table", year=candidature.edition.year)
        messages.error(request, _("La décision n'a pas été enregistrée : corrigez les erreurs."))
        status = 400
    evaluations = candidature.evaluations.submitted().select_related("juror", "proposed_level")
    if not sees_other_evaluations(request.user, candidature):
        evaluations = evaluations.filter(juror=request.user)
    evaluations = list(evaluations)
    domains = list(candidature.edition.criteria_domains.all())
    return TemplateResponse(
        request,
        "candidatures/admin/decide.html",
        {
            "page_title": _("Décision : %(name)s") % {"name": candidature.collectivite},
            "header_title": _("Décision : %(name)s") % {"name": candidature.collectivite},
            "header_icon": "success",
            "candidature": candidature,
            "evaluations": evaluations,
            "figures": dossier_figures(candidature, evaluations, domains),
            "history": earlier_results(candidature),
            "suggestions": mention_suggestions(candidature),
            "form": form,
            "open_for_decision": open_for_decision,
            "closed_reason": closed_reason(candidature, in_deliberation, may_decide),
        },
        status=status,
    )


def closed_reason(candidature, in_deliberation, may_decide):
    """Why the decision form is not shown (empty when it is)."""
    if not may_decide:
        return _(
            "Le président du jury décide : les paramètres du jury %(year)s ne permettent pas à "
            "l'équipe du label de décider à sa place."
        ) % {"year": candidature.edition.year}
    if not in_deliberation:
        return _("Ce dossier n'est pas en délibération (état : %(status)s).") % {
            "status": candidature.get_status_display()
        }
    return ""


def assignments(request, year):
    if not is_label_staff(request.user):
        raise PermissionDenied
    edition = get_object_or_404(Edition, year=year)
    jury = Jury.objects.filter(edition=edition).first()
    status = 200
    if request.method == "POST" and jury:
        action = request.POST.get("action")
        assignment_id = request.POST.get("assignment", "")
        if action == "remove" and not assignment_id.isdigit():
            # A forged or damaged form: say so on the page (400) rather than crash on the id.
            messages.error(request, _("Attribution inconnue : rechargez la page et réessayez."))
            action, status = None, 400
        try:
            if action == "auto":
                created = assign_edition(edition, by=request.user)
                messages.success(request, _("%(n)d attribution(s) créée(s).") % {"n": len(created)})
            elif action == "add":
                form = AddJurorForm(request.POST, jury=jury)
                if form.is_valid():
                    candidature = get_visible_candidature(request, form.cleaned_data["candidature"])
                    add_juror(candidature, form.cleaned_data["juror"], by=request.user)
                    messages.success(request, _("Juré ajouté."))
                else:
                    messages.error(request, _("Choisissez un juré."))
            elif action == "remove":
                assignment = get_object_or_404(
                    Assignment, pk=int(assignment_id), candidature__edition=edition
                )
                remove_juror(assignment, by=request.user)
                messages.success(request, _("Attribution retirée."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        if status == 200:
            return redirect("candidatures_jury:assignments", year=year)
    candidatures = (
        visible_candidatures(request.user)
        .filter(edition=edition, status=CandidatureStatus.EVALUATION)
        .select_related("collectivite")
        .prefetch_related("assignments__juror", "evaluations")
    )
    members = list(jury.members.select_related("user")) if jury else []
    evaluators = [m.user for m in jury.evaluators(members)] if jury else []
    counts = {}
    for juror_id in Assignment.objects.filter(candidature__edition=edition).values_list(
        "juror_id", flat=True
    ):
        counts[juror_id] = counts.get(juror_id, 0) + 1
    loads = sorted(
        ((person_name(u), counts.get(u.pk, 0)) for u in evaluators), key=lambda item: item[0]
    )
    per_dossier = jury.jurors_per_dossier if jury else 0
    rows = [
        {
            "candidature": c,
            "assignments": list(c.assignments.all()),
            "missing": max(per_dossier - len(c.assignments.all()), 0),
            "submitted": {e.juror_id for e in c.evaluations.all() if e.is_submitted},
            "form": AddJurorForm(initial={"candidature": c.pk}, jury=jury, auto_id=f"id_c{c.pk}_%s")
            if jury
            else None,
        }
        for c in candidatures
    ]
    return TemplateResponse(
        request,
        "candidatures/admin/assignments.html",
        {
            "page_title": _("Attributions %(year)s") % {"year": year},
            "header_title": _("Attributions %(year)s") % {"year": year},
            "header_icon": "group",
            "edition": edition,
            "jury": jury,
            "rows": rows,
            "loads": loads,
            "short": [row for row in rows if row["missing"]],
        },
        status=status,
    )
