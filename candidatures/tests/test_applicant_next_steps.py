"""After submission the dashboard says what comes next, with the édition's dates."""

import datetime

import pytest
from django.utils import timezone

from candidatures.applicant.drafts import start_dossier
from candidatures.models import Candidature, CandidatureStatus
from candidatures.tests.applicant_helpers import (
    make_body,
    make_edition,
    make_questionnaire,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier():
    results = timezone.make_aware(datetime.datetime(2027, 4, 6, 18, 0))
    edition = make_edition(jury_date=datetime.date(2027, 3, 15), results_published_at=results)
    make_questionnaire(edition)
    user = make_user()
    return start_dossier(user, make_body(user), edition), user


def next_steps_html(client, user):
    client.force_login(user)
    html = client.get("/espace-candidat/").content.decode()
    if "Et ensuite ?" not in html:
        return ""
    return html[html.index("Et ensuite ?") : html.index("</ol>", html.index("Et ensuite ?"))]


@pytest.mark.parametrize(
    ("status", "current"),
    [
        (CandidatureStatus.SUBMITTED, "Recevabilité"),
        (CandidatureStatus.ELIGIBILITY, "Recevabilité"),
        (CandidatureStatus.EVALUATION, "Jury"),
        (CandidatureStatus.DELIBERATION, "Jury"),
        (CandidatureStatus.DECIDED, "Résultats"),
    ],
)
def test_a_submitted_dossier_shows_the_steps_ahead_with_their_dates(
    client, dossier, status, current
):
    candidature, user = dossier
    Candidature.objects.filter(pk=candidature.pk).update(status=status)
    html = next_steps_html(client, user)
    assert "le jury se réunit le 15 mars 2027" in html
    assert "publiés le 6 avril 2027" in html
    assert f'<li aria-current="step" class="next-steps__current">{current}' in html
    assert html.count('aria-current="step"') == 1


def test_a_draft_or_a_dossier_needing_changes_shows_no_next_steps(client, dossier):
    candidature, user = dossier
    assert next_steps_html(client, user) == ""
    Candidature.objects.filter(pk=candidature.pk).update(status=CandidatureStatus.CHANGES_REQUESTED)
    assert next_steps_html(client, user) == ""


def test_the_dossiers_table_is_named_in_good_french(client):
    edition = make_edition()
    make_questionnaire(edition)
    user = make_user()
    start_dossier(user, make_body(user, name="Erdeven", insee="56054"), edition)
    client.force_login(user)
    html = client.get("/espace-candidat/").content.decode()
    assert "<caption>Dossiers d&#x27;Erdeven</caption>" in html
