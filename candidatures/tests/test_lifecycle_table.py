"""The declared table of transitions: every status change goes through it."""

import pytest

from candidatures.lifecycle.states import ALLOWED, TRANSITIONS, TransitionRefused, transition_for
from candidatures.lifecycle.workflow import set_status
from candidatures.models import CandidatureStatus as S
from candidatures.tests.jury_fixtures import make_candidature, make_edition


def test_a_move_not_in_the_table_is_refused_in_french():
    with pytest.raises(TransitionRefused) as refused:
        transition_for(S.DRAFT, S.DECIDED)
    assert "ne peut pas passer à « Décision prise »" in str(refused.value.message)


def test_every_state_but_the_final_ones_has_a_way_out():
    sources = {source for source, _target in ALLOWED}
    assert set(S.values) - sources == {S.INELIGIBLE, S.PUBLISHED, S.WITHDRAWN}
    assert TRANSITIONS["decide"].sources == {S.DELIBERATION}


@pytest.mark.django_db
def test_set_status_refuses_a_submitted_dossier_jumping_to_a_decision():
    dossier = make_candidature(make_edition(year=2032))
    with pytest.raises(TransitionRefused):
        set_status(dossier, S.DECIDED)
    dossier.refresh_from_db()
    assert dossier.status == S.SUBMITTED
