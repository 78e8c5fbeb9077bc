"""Balanced assignment: N jurors per dossier, loads within one, conflicts respected."""

import random
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from candidatures.jury.assignment import add_juror, assign, remove_juror
from candidatures.models import Assignment, ConflictOfInterest, Evaluation
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, make_jury, make_user

pytestmark = pytest.mark.django_db


def build(edition, n_jurors, n_dossiers):
    jurors = [make_user(f"j{i}", "Jury") for i in range(n_jurors)]
    jury = make_jury(edition, jurors)
    dossiers = [make_candidature(edition) for _ in range(n_dossiers)]
    return jury, jurors, dossiers


@pytest.mark.parametrize(
    ("n_jurors", "n_dossiers", "per_dossier"), [(3, 7, 2), (5, 12, 2), (6, 10, 3), (4, 3, 2)]
)
def test_each_dossier_gets_n_distinct_jurors_and_loads_are_balanced(
    edition, n_jurors, n_dossiers, per_dossier
):
    jury, jurors, dossiers = build(edition, n_jurors, n_dossiers)
    assign(dossiers, jury, per_dossier=per_dossier)
    for dossier in dossiers:
        assert dossier.assignments.count() == per_dossier
    loads = Counter(Assignment.objects.values_list("juror_id", flat=True))
    values = [loads.get(j.pk, 0) for j in jurors]
    assert max(values) - min(values) <= 1
    assert sum(values) == n_dossiers * per_dossier


def test_conflicts_are_never_assigned_and_balance_holds(edition):
    rng = random.Random(7)
    jury, jurors, dossiers = build(edition, 5, 15)
    conflicts = set()
    for dossier in rng.sample(dossiers, 5):
        juror = rng.choice(jurors)
        ConflictOfInterest.objects.create(user=juror, collectivite=dossier.collectivite)
        conflicts.add((juror.pk, dossier.pk))
    assign(dossiers, jury)
    pairs = set(Assignment.objects.values_list("juror_id", "candidature_id"))
    assert not pairs & conflicts
    assert all(d.assignments.count() == 2 for d in dossiers)
    loads = Counter(j for j, _ in pairs)
    assert max(loads.values()) - min(loads.values()) <= 1


def test_running_again_keeps_existing_assignments(edition):
    jury, jurors, dossiers = build(edition, 3, 4)
    first = assign(dossiers, jury)
    assert len(first) == 8
    assert assign(dossiers, jury) == []
    assert Assignment.objects.count() == 8


def test_hand_adjustment_rules(edition):
    jury, jurors, dossiers = build(edition, 3, 1)
    dossier = dossiers[0]
    outsider = make_user("outsider", "Jury")
    with pytest.raises(ValidationError):
        add_juror(dossier, outsider)
    ConflictOfInterest.objects.create(user=jurors[0], collectivite=dossier.collectivite)
    with pytest.raises(ValidationError):
        add_juror(dossier, jurors[0])
    assignment = add_juror(dossier, jurors[1])
    with pytest.raises(ValidationError):
        add_juror(dossier, jurors[1])
    Evaluation.objects.create(
        candidature=dossier, juror=jurors[1], submitted_at="2026-01-01T00:00:00Z"
    )
    with pytest.raises(ValidationError):
        remove_juror(assignment)
    other = add_juror(dossier, jurors[2])
    remove_juror(other)
    assert list(dossier.assignments.values_list("juror", flat=True)) == [jurors[1].pk]


def test_removing_the_last_missing_juror_ends_the_evaluation(edition, people):
    from candidatures.jury.deliberation import submit_evaluation
    from candidatures.models import CandidatureStatus
    from candidatures.tests.jury_fixtures import submit

    jury = make_jury(edition, [people["jure1"], people["jure2"]])
    assert jury.members.count() == 2
    dossier = make_candidature(edition, people["applicant"])
    submit(dossier, people["applicant"])
    state = dossier.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    evaluation = Evaluation.objects.create(candidature=dossier, juror=people["jure1"])
    submit_evaluation(evaluation, people["jure1"])
    dossier.refresh_from_db()
    assert dossier.status == CandidatureStatus.EVALUATION
    remove_juror(dossier.assignments.get(juror=people["jure2"]), by=people["staff"])
    dossier.refresh_from_db()
    assert dossier.status == CandidatureStatus.DELIBERATION


def test_staff_cancelling_the_workflow_leaves_the_dossier_submitted(edition, people):
    from candidatures.models import CandidatureStatus
    from candidatures.tests.jury_fixtures import submit

    dossier = make_candidature(edition, people["applicant"])
    submit(dossier, people["applicant"])
    dossier.current_workflow_state.cancel(user=people["staff"])
    dossier.refresh_from_db()
    assert dossier.status == CandidatureStatus.SUBMITTED
