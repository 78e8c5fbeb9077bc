"""The dashboard: plain-French states, the staff message, the decision only after publication."""

from datetime import timedelta

import pytest
from django.utils import timezone

from candidatures.applicant.drafts import start_dossier
from candidatures.models import (
    Candidature,
    CandidatureMention,
    CandidatureStatus,
    Evaluation,
    Membership,
)
from candidatures.tests.applicant_helpers import (
    make_body,
    make_edition,
    make_questionnaire,
    make_user,
)
from editions.models import Level, MentionType

pytestmark = pytest.mark.django_db


def decided_dossier(user, results_in, edition=None, body=None):
    """A dossier whose decision the jury published (live), with jurors' evaluations."""
    if edition is None:
        edition = make_edition(
            year=2026,
            is_open=False,
            results_published_at=timezone.now() + results_in,
        )
        make_questionnaire(edition)
        Level.objects.create(edition=edition, number=4, name="Niveau 4", sort_order=4)
        MentionType.objects.create(edition=edition, name="Meilleure continuité")
    candidature = start_dossier(user, body or make_body(user), edition)
    Candidature.objects.filter(pk=candidature.pk).update(
        status=CandidatureStatus.DECIDED,
        live=True,
        decision_level=edition.levels.get(),
        public_comment="Une politique exemplaire.",
    )
    CandidatureMention.objects.create(
        candidature=candidature,
        mention_type=edition.mention_types.get(),
        citation="Six ans de suite.",
    )
    n = Evaluation.objects.count()
    jurors = [make_user(f"jure{n + i}@jury.example") for i in range(3)]
    Evaluation.objects.create(
        candidature=candidature,
        juror=jurors[0],
        submitted_at=timezone.now(),
        applicant_feedback="Ouvrez vos données budgétaires.",
        jury_comment="Note interne du jury.",
    )
    Evaluation.objects.create(
        candidature=candidature,
        juror=jurors[1],
        submitted_at=timezone.now(),
        applicant_feedback="Mutualisez avec vos voisins.",
    )
    Evaluation.objects.create(  # not handed in: its feedback is not the jury's word yet
        candidature=candidature, juror=jurors[2], applicant_feedback="Brouillon de juré."
    )
    candidature.refresh_from_db()
    return candidature


def test_the_decision_stays_hidden_until_the_results_are_public(client):
    user = make_user()
    decided_dossier(user, results_in=timedelta(days=3))
    client.force_login(user)
    html = client.get("/espace-candidat/").content.decode()
    assert "En délibération" in html
    assert "Niveau 4" not in html and "exemplaire" not in html and "badge-2026" not in html
    assert "Ouvrez vos données" not in html and "Mutualisez" not in html
    assert "Retours du jury" not in html


def test_after_publication_the_dashboard_shows_level_mention_feedback_and_badge(client):
    user = make_user()
    candidature = decided_dossier(user, results_in=-timedelta(days=1))
    client.force_login(user)
    html = client.get("/espace-candidat/").content.decode()
    assert "Résultat publié" in html
    assert "Niveau 4" in html
    assert "Meilleure continuité" in html and "Six ans de suite." in html
    assert "Une politique exemplaire." in html
    assert f"/collectivites/{candidature.collectivite.slug}/badge-2026.svg" in html
    assert "Retours du jury" in html
    assert "Ouvrez vos données budgétaires." in html and "Mutualisez avec vos voisins." in html
    # Neither the jury's internal notes nor an evaluation not handed in, nor who wrote what.
    assert "Note interne du jury." not in html and "Brouillon de juré." not in html
    assert "@jury.example" not in html


def test_an_unpublished_decision_disappears_from_the_dashboard(client):
    user = make_user()
    candidature = decided_dossier(user, results_in=-timedelta(days=1))
    Candidature.objects.filter(pk=candidature.pk).update(status=CandidatureStatus.PUBLISHED)
    candidature.refresh_from_db()
    candidature.unpublish()  # staff withdraw the decision (the public record goes too)
    client.force_login(user)
    html = client.get("/espace-candidat/").content.decode()
    assert "Résultat publié" not in html
    assert "Niveau 4" not in html and "Six ans de suite." not in html
    assert "exemplaire" not in html and "badge-2026" not in html
    assert "Ouvrez vos données" not in html


def test_dashboard_queries_do_not_grow_with_published_decisions(
    client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = make_user()
    first = decided_dossier(user, results_in=-timedelta(days=1))
    client.force_login(user)
    with CaptureQueriesContext(connection) as one:
        assert client.get("/espace-candidat/").status_code == 200
    for n in range(2, 6):
        body = make_body(user, name=f"Collectivité de démonstration {n}", insee=f"97{n:03d}")
        decided_dossier(user, None, edition=first.edition, body=body)
    with django_assert_max_num_queries(len(one)):
        html = client.get("/espace-candidat/").content.decode()
    assert html.count("Mutualisez avec vos voisins.") == 5


def test_a_member_without_dossier_is_offered_to_start_one(client):
    edition = make_edition()
    make_questionnaire(edition)
    user = make_user()
    make_body(user)
    client.force_login(user)
    html = client.get("/espace-candidat/").content.decode()
    assert "Commencer le dossier 2027" in html


def test_dashboard_queries_do_not_grow_with_bodies_and_dossiers(
    client, django_assert_max_num_queries
):
    edition = make_edition()
    make_questionnaire(edition)
    user = make_user()
    client.force_login(user)

    def add_body(n):
        body = make_body(name=f"Collectivité de démonstration {n}", insee=f"98{n:03d}")
        Membership.objects.create(user=user, collectivite=body)
        start_dossier(user, body, edition)

    add_body(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get("/espace-candidat/").status_code == 200
    for n in range(2, 8):
        add_body(n)
    with django_assert_max_num_queries(len(one)):
        html = client.get("/espace-candidat/").content.decode()
    assert html.count("Continuer le dossier 2027") == 7
