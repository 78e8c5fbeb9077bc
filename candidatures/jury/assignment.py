"""Balanced assignment of dossiers to jurors.

Each dossier gets N jurors of its édition's jury (``Jury.jurors_per_dossier``, 2 by default),
among its evaluators (the president only when the jury's settings say he evaluates); a juror is
never given a body they declared a link with; the most constrained dossiers are served
first and each picks the least loaded jurors, so loads stay within one of each other whenever
conflicts allow it. Staff adjust the result by hand until evaluations start.
"""

from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from candidatures import notifications
from candidatures.jury.deliberation import complete_evaluation_if_done, current_task_is
from candidatures.lifecycle.history import log_candidature
from candidatures.models import (
    Assignment,
    Candidature,
    CandidatureStatus,
    ConflictOfInterest,
    Jury,
    JuryEvaluationTask,
)
from candidatures.models.jury import person_name


def _jury_for(edition_id):
    return Jury.objects.filter(edition_id=edition_id).prefetch_related("members__user").first()


def _conflicts(user_ids):
    pairs = ConflictOfInterest.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "collectivite_id"
    )
    return set(pairs)


@transaction.atomic
def assign(candidatures, jury, per_dossier=None, by=None):
    """Complete the assignments of ``candidatures`` (same édition as ``jury``).

    Returns the list of created Assignment rows. Existing assignments are kept.
    """
    per_dossier = per_dossier or jury.jurors_per_dossier
    members = {m.user_id: m.user for m in jury.evaluators()}
    juror_ids = sorted(members)
    conflicts = _conflicts(juror_ids)
    loads = Counter(
        Assignment.objects.filter(
            juror_id__in=juror_ids, candidature__edition_id=jury.edition_id
        ).values_list("juror_id", flat=True)
    )
    for juror_id in juror_ids:
        loads.setdefault(juror_id, 0)
    current = {}
    for cand_id, juror_id in Assignment.objects.filter(candidature__in=candidatures).values_list(
        "candidature_id", "juror_id"
    ):
        current.setdefault(cand_id, set()).add(juror_id)

    def eligible(cand):
        return [
            j
            for j in juror_ids
            if (j, cand.collectivite_id) not in conflicts and j not in current.get(cand.pk, ())
        ]

    created = []
    # Most constrained dossiers first, then by id for a stable result.
    for cand in sorted(candidatures, key=lambda c: (len(eligible(c)), c.pk)):
        need = per_dossier - len(current.get(cand.pk, ()))
        if need <= 0:
            continue
        picks = sorted(eligible(cand), key=lambda j: (loads[j], j))[:need]
        for juror_id in picks:
            created.append(_create(cand, members[juror_id], by))
            loads[juror_id] += 1
            current.setdefault(cand.pk, set()).add(juror_id)
    return created


def _create(candidature, juror, by):
    assignment = Assignment.objects.create(candidature=candidature, juror=juror)
    log_candidature(candidature, "tnl.assign", by, {"juror": person_name(juror)})
    notifications.notify_juror_assigned(candidature, juror)
    return assignment


def assign_edition(edition, by=None):
    """Assign every dossier of the édition that is in evaluation."""
    jury = _jury_for(edition.pk)
    if jury is None:
        return []
    candidatures = list(
        Candidature.objects.filter(edition=edition, status=CandidatureStatus.EVALUATION)
    )
    return assign(candidatures, jury, by=by)


def assign_candidature(candidature, by=None):
    """Called when a dossier reaches the evaluation task."""
    jury = _jury_for(candidature.edition_id)
    if jury is None:
        return []
    return assign([candidature], jury, by=by)


def evaluations_started(candidature):
    return candidature.evaluations.filter(submitted_at__isnull=False).exists()


@transaction.atomic
def add_juror(candidature, juror, by=None):
    """Hand adjustment: refused for a non-member, a conflicted juror or a duplicate."""
    jury = _jury_for(candidature.edition_id)
    if jury is None or not jury.members.filter(user=juror).exists():
        raise ValidationError(_("Cette personne n'est pas membre du jury de l'édition."))
    if ConflictOfInterest.objects.filter(
        user=juror, collectivite_id=candidature.collectivite_id
    ).exists():
        raise ValidationError(_("Ce juré a déclaré un lien avec cette collectivité."))
    if Assignment.objects.filter(candidature=candidature, juror=juror).exists():
        raise ValidationError(_("Ce dossier est déjà attribué à ce juré."))
    return _create(candidature, juror, by)


@transaction.atomic
def remove_juror(assignment, by=None):
    """Hand adjustment: only before this juror has submitted an evaluation of the dossier."""
    if assignment.candidature.evaluations.filter(
        juror=assignment.juror, submitted_at__isnull=False
    ).exists():
        raise ValidationError(_("Ce juré a déjà remis son évaluation : l'attribution est gardée."))
    log_candidature(
        assignment.candidature, "tnl.unassign", by, {"juror": person_name(assignment.juror)}
    )
    candidature = assignment.candidature
    candidature.evaluations.filter(juror=assignment.juror).delete()
    assignment.delete()
    # The remaining jurors may all have submitted already: the evaluation task then ends.

    if current_task_is(candidature, JuryEvaluationTask):
        complete_evaluation_if_done(candidature, by)


# A declared conflict -------------------------------------------------------------------------


def replacement_for(assignment, jury):
    """The evaluator who takes over ``assignment``'s dossier: a member of the jury who evaluates,
    is not yet on the dossier, has no declared link with the body, and has the fewest dossiers of
    the édition (then the lowest id, for a stable choice). None when nobody can."""
    candidature = assignment.candidature
    members = {m.user_id: m.user for m in jury.evaluators()}
    on_dossier = set(candidature.assignments.values_list("juror_id", flat=True))
    conflicted = set(
        ConflictOfInterest.objects.filter(
            user_id__in=members, collectivite_id=candidature.collectivite_id
        ).values_list("user_id", flat=True)
    )
    candidates = [j for j in members if j not in on_dossier | conflicted]
    if not candidates:
        return None
    loads = Counter(
        Assignment.objects.filter(
            juror_id__in=candidates, candidature__edition_id=jury.edition_id
        ).values_list("juror_id", flat=True)
    )
    return members[min(candidates, key=lambda j: (loads[j], j))]


@transaction.atomic
def replace_after_conflict(conflict, by=None):
    """A juror declared a link with a body: each of their assignments on its dossiers that is
    not yet submitted goes to a replacement (``replacement_for``), and label staff are told by
    email. Returns a list of (candidature, replacement or None), for the screen's message."""
    outcome = []
    assignments = Assignment.objects.filter(
        juror_id=conflict.user_id, candidature__collectivite_id=conflict.collectivite_id
    ).select_related("candidature__edition", "candidature__collectivite", "juror")
    for assignment in assignments:
        candidature = assignment.candidature
        if evaluations_started_by(candidature, assignment.juror_id):
            continue  # a submitted evaluation stays (and so does its assignment)
        jury = _jury_for(candidature.edition_id)
        replacement = replacement_for(assignment, jury) if jury else None
        if replacement is not None:
            # Assign first: removing first could end the evaluation task on the others' work.
            _create(candidature, replacement, by)
        remove_juror(assignment, by=by)
        outcome.append((candidature, replacement))
        _tell_staff(candidature, conflict.user, replacement)
    return outcome


def evaluations_started_by(candidature, juror_id):
    return candidature.evaluations.filter(juror_id=juror_id, submitted_at__isnull=False).exists()


def replacement_message(candidature, juror, replacement):
    """The sentence that says what happened (screens and the staff email)."""
    values = {
        "juror": person_name(juror),
        "body": candidature.collectivite.name,
        "replacement": person_name(replacement),
    }
    if replacement is None:
        return (
            _(
                "%(juror)s a déclaré un lien d'intérêts avec %(body)s : son attribution est "
                "retirée et aucun juré ne peut le remplacer. Ajoutez un juré au jury ou "
                "attribuez le dossier à la main."
            )
            % values
        )
    return (
        _(
            "%(juror)s a déclaré un lien d'intérêts avec %(body)s : le dossier est confié à "
            "%(replacement)s."
        )
        % values
    )


def _tell_staff(candidature, juror, replacement):
    path = reverse("candidatures_jury:assignments", args=[candidature.edition.year])
    notifications.send(
        "staff_conflict_declared",
        notifications.staff_recipients(),
        {
            **notifications.base_context(candidature),
            "message": replacement_message(candidature, juror, replacement),
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        },
    )
