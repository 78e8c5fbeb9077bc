"""Jury work on a dossier: submitting an evaluation, the figures of the deliberation, and
recording the decision that ends the workflow."""

from statistics import mean

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from candidatures.access import can_decide, can_evaluate, is_label_staff
from candidatures.lifecycle.history import log_candidature
from candidatures.models import (
    Assignment,
    Candidature,
    CandidatureMention,
    CandidatureStatus,
    DeliberationTask,
    JuryEvaluationTask,
)
from candidatures.models.jury import person_name
from editions.models import Result
from editions.suggestions import Entry, suggestions_for


def current_task_is(candidature, task_class):
    task = candidature.current_workflow_task
    return task is not None and isinstance(task.specific, task_class)


@transaction.atomic
def submit_evaluation(evaluation, user):
    """Mark an evaluation submitted; the evaluation task ends when the last one is in."""
    candidature = evaluation.candidature
    if evaluation.juror_id != user.pk or not can_evaluate(user, candidature):
        raise PermissionDenied
    if not current_task_is(candidature, JuryEvaluationTask):
        raise PermissionDenied
    if not evaluation.level_chosen:
        message = _("Choisissez un niveau, ou « Ne pas labelliser », avant de remettre.")
        raise ValidationError({"proposed_level": message})
    evaluation.submitted_at = timezone.now()
    evaluation.save()
    log_candidature(
        candidature,
        "tnl.evaluate",
        user,
        {"juror": person_name(user), "level": str(evaluation.proposed_level or "—")},
    )
    complete_evaluation_if_done(candidature, user)
    return evaluation


def complete_evaluation_if_done(candidature, user=None):
    assigned = set(candidature.assignments.values_list("juror_id", flat=True))
    if not assigned:
        return False
    submitted = set(
        candidature.evaluations.submitted()
        .filter(juror_id__in=assigned)
        .values_list("juror_id", flat=True)
    )
    if assigned - submitted:
        return False
    task_state = candidature.current_workflow_task_state
    task = task_state.task.specific
    task.approve(task_state, user)
    return True


@transaction.atomic
def record_decision(candidature, user, level, public_comment="", mentions=()):
    """Save the decision as a new revision and approve the Délibération task.

    The workflow then finishes and publishes the dossier as ``user`` (who needs the publish
    permission: staff and the president's group have it). The public record stays hidden until
    the édition's results date (``Result.objects.public()``).
    """
    if not can_decide(user, candidature):
        raise PermissionDenied
    if not current_task_is(candidature, DeliberationTask):
        raise PermissionDenied
    if level is not None and not candidature.reachable_levels().filter(pk=level.pk).exists():
        raise PermissionDenied  # another édition's level, or one its track cannot reach
    candidature = Candidature.objects.get(pk=candidature.pk)
    candidature.decision_level = level
    candidature.public_comment = public_comment
    candidature.mentions = [
        CandidatureMention(mention_type=mention_type, citation=citation)
        for mention_type, citation in mentions
    ]
    candidature.save_revision(user=user, log_action=True)
    finish_deliberation(candidature.current_workflow_task_state, user)
    return candidature


def finish_deliberation(task_state, user):
    revision = task_state.workflow_state.content_object.get_latest_revision()
    decided = revision.as_object()
    log_candidature(
        decided,
        "tnl.decide",
        user,
        {
            "level": str(decided.decision_level or "non labellisé"),
            "mentions": [str(m.mention_type) for m in decided.mentions.all()],
        },
    )
    task_state.task.specific.approve(task_state, user)


# Figures ------------------------------------------------------------------------------------


def spread(values):
    return max(values) - min(values) if values else None


def dossier_figures(candidature, evaluations, domains):
    """Per domain: scores of each evaluation, mean and spread; overall mean and spread."""
    rows = []
    for domain in domains:
        values = [
            e.scores.get(str(domain.pk))
            for e in evaluations
            if isinstance(e.scores.get(str(domain.pk)), int)
        ]
        rows.append(
            {
                "domain": domain,
                "scores": [e.scores.get(str(domain.pk), "—") for e in evaluations],
                "mean": round(mean(values), 2) if values else None,
                "spread": spread(values),
            }
        )
    means = [m for m in (e.mean_score() for e in evaluations) if m is not None]
    return {
        "domains": rows,
        "mean": round(mean(means), 2) if means else None,
        "spread": round(spread(means), 2) if means else None,
        "proposed": [e.proposed_level for e in evaluations],
        "evaluations": list(evaluations),
    }


def earlier_results(candidature):
    return (
        Result.objects.filter(
            collectivite_id=candidature.collectivite_id,
            edition__year__lt=candidature.edition.year,
        )
        .select_related("edition", "level")
        .prefetch_related("mentions__mention_type")
        .order_by("-edition__year")
    )


def mention_suggestions(candidature):
    """The editions app's mention hints, computed on the dossiers of the édition being decided
    (each at its recorded level, else the highest level its jurors proposed). Returns the titles
    of the hints that point to ``candidature``'s body."""
    dossiers = (
        Candidature.objects.filter(edition_id=candidature.edition_id)
        .exclude(status__in=["draft", "ineligible", "withdrawn", "changes_requested"])
        .select_related("collectivite", "decision_level", "track")
        .prefetch_related("evaluations__proposed_level")
    )
    entries = []
    for dossier in dossiers:
        proposed = [e.proposed_level for e in dossier.evaluations.all() if e.proposed_level]
        level = dossier.decision_level or max(proposed, key=lambda lv: lv.number, default=None)
        if level is not None:
            entries.append(Entry(dossier.collectivite, level))
    return [
        suggestion.title
        for suggestion in suggestions_for(candidature.edition, entries)
        if any(body.pk == candidature.collectivite_id for body, _detail in suggestion.bodies)
    ]


# The deliberation table -----------------------------------------------------------------------


def earlier_levels(collectivite_ids, year):
    """{body id: [Result of an earlier édition, newest first]}, from the public record, in one
    query whatever the number of bodies."""
    by_body = {}
    results = (
        Result.objects.public()
        .filter(collectivite_id__in=collectivite_ids, edition__year__lt=year)
        .select_related("edition", "level")
        .order_by("-edition__year")
    )
    for result in results:
        by_body.setdefault(result.collectivite_id, []).append(result)
    return by_body


def table_rights(user, edition, candidatures):
    """For each dossier of the table: may ``user`` decide it now, and see the other jurors'
    evaluations? The same answers as ``access.can_decide`` / ``access.sees_other_evaluations``
    row by row (tested), in a fixed number of queries: the table lists only dossiers the user
    may see (``visible_candidatures`` leaves out declared conflicts), and the jury settings and
    the presidency are per édition. ``candidatures`` have their evaluations prefetched."""
    rights = {}
    if not candidatures:
        return rights
    staff = is_label_staff(user)
    decides = can_decide(user, candidatures[0])  # per édition: staff setting or presidency
    assigned = set(
        Assignment.objects.filter(juror=user, candidature__edition=edition).values_list(
            "candidature_id", flat=True
        )
    )
    for candidature in candidatures:
        own_submitted = any(
            e.juror_id == user.pk and e.is_submitted for e in candidature.evaluations.all()
        )
        if staff:
            sees = True
        elif candidature.pk in assigned:
            sees = own_submitted
        else:
            sees = decides
        rights[candidature.pk] = {
            "decide": decides and candidature.status == CandidatureStatus.DELIBERATION,
            "sees_others": sees,
        }
    return rights
