"""Two application tracks in one édition (2025 scheme): the applicant chooses and switches while
in draft, the jury sees the track and decides among its levels only. Each from the role's side."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from candidatures.applicant.submission import submit_dossier
from candidatures.jury.deliberation import record_decision
from candidatures.models import Candidature, Questionnaire
from candidatures.tests.applicant_helpers import (
    fill_dossier,
    make_body,
    make_edition,
    make_questionnaire,
    make_user,
    question,
)
from editions.models import ApplicationTrack
from home.roles import APPLICANTS
from tests.people import build_cast

pytestmark = pytest.mark.django_db


def add_tracks(edition, badge_levels=(1,), label_levels=(2, 3, 4, 5)):
    if not edition.levels.exists():
        edition.add_default_levels()
    levels = {level.number: level for level in edition.levels.all()}
    tracks = {}
    for order, (slug, name, numbers) in enumerate(
        [("badge", "Badge", badge_levels), ("label", "Label", label_levels)]
    ):
        track = ApplicationTrack(edition=edition, slug=slug, name=name, sort_order=order)
        track.levels = [levels[n] for n in numbers]
        track.save()
        tracks[slug] = track
    return tracks


def badge_questionnaire(edition, track):
    """Three questions; ``strategie-description`` is shared with the full questionnaire."""
    questionnaire = Questionnaire(edition=edition, track=track, intro="Badge")
    questionnaire.sections = [
        {
            "type": "section",
            "value": {
                "title": "Votre démarche",
                "key": "demarche",
                "intro": "",
                "questions": [
                    question(
                        "Décrivez votre stratégie", "long_text", "strategie-description", True
                    ),
                    question("Votre prochain projet libre", "long_text", "prochain-projet", True),
                    question("Adresse de votre site", "url", "site"),
                ],
            },
        }
    ]
    questionnaire.save()
    return questionnaire


@pytest.fixture
def two_tracks():
    edition = make_edition()
    tracks = add_tracks(edition)
    full = make_questionnaire(edition)
    full.track = tracks["label"]
    full.save()
    badge_questionnaire(edition, tracks["badge"])
    owner = make_user("owner@ville.example")
    owner.groups.add(Group.objects.get(name=APPLICANTS))
    body = make_body(owner)
    client = Client()
    client.force_login(owner)
    return edition, tracks, owner, body, client


def test_the_applicant_chooses_the_track_then_switches_keeping_shared_answers(two_tracks):
    edition, tracks, owner, body, client = two_tracks
    dashboard = client.get("/espace-candidat/").content.decode()
    assert 'name="track" value="badge"' in dashboard and 'name="track" value="label"' in dashboard
    assert "Niveaux accessibles : Niveau 2, Niveau 3, Niveau 4, Niveau 5." in dashboard
    start = f"/espace-candidat/collectivites/{body.pk}/dossier/"

    # No track, or one the édition does not offer: French message, 400, nothing created.
    for data in ({}, {"track": "or-massif"}):
        response = client.post(start, data)
        assert response.status_code == 400
        assert "Choisissez le parcours de candidature (Badge, Label)" in response.content.decode()
    assert not Candidature.objects.exists()

    response = client.post(start, {"track": "badge"})
    candidature = Candidature.objects.get()
    assert response["Location"] == f"/espace-candidat/dossiers/{candidature.pk}/etapes/referents/"
    assert candidature.track == tracks["badge"]
    assert [q["key"] for s in candidature.questions for q in s["questions"]] == [
        "strategie-description",
        "prochain-projet",
        "site",
    ]
    step = client.get(response["Location"]).content.decode()
    assert "Étape 1 sur 2" in step and "parcours Badge" in step
    candidature.answers = {"strategie-description": "Commune", "prochain-projet": "Badge seul"}
    candidature.save()

    recap = f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/"
    page = client.get(recap).content.decode()
    assert "Parcours :" in page and 'name="track" value="label"' in page
    assert 'name="track" value="badge"' not in page  # the current one is not offered

    switch = f"/espace-candidat/dossiers/{candidature.pk}/parcours/"
    response = client.post(switch, {"track": "label"})
    assert response.status_code == 400
    assert "Cochez la case de confirmation pour changer de parcours." in response.content.decode()
    response = client.post(switch, {"track": "nulle-part", "confirm": "1"})
    assert response.status_code == 400
    candidature.refresh_from_db()
    assert candidature.track == tracks["badge"]

    response = client.post(switch, {"track": "label", "confirm": "1"}, follow=True)
    assert "1 réponse propre à l&#x27;ancien parcours a été retirée" in response.content.decode()
    candidature.refresh_from_db()
    assert candidature.track == tracks["label"]
    assert len([q for s in candidature.questions for q in s["questions"]]) == 6
    assert candidature.answers == {"strategie-description": "Commune"}  # shared answer kept

    # Once submitted, the track is fixed.
    candidature = submit_dossier(fill_dossier(candidature, owner), owner)
    response = client.post(switch, {"track": "badge", "confirm": "1"})
    assert response.status_code == 409
    assert "Seul un brouillon peut changer de parcours." in response.content.decode()
    assert "switch_track" not in client.get(recap).content.decode()
    candidature.refresh_from_db()
    assert candidature.track == tracks["label"]

    # Another applicant cannot even find the dossier.
    other = Client()
    other.force_login(make_user("autre@ailleurs.example"))
    assert other.post(switch, {"track": "badge", "confirm": "1"}).status_code == 404


def test_the_jury_sees_the_track_and_decides_among_its_levels_only():
    cast = build_cast()
    users, edition = cast["users"], cast["edition"]
    tracks = add_tracks(edition)
    dossier = cast["dossiers"]["deliberation"]
    Candidature.objects.filter(pk=dossier.pk).update(track=tracks["badge"])
    dossier.refresh_from_db()

    president = Client()
    president.force_login(users["president"])
    decide = reverse("candidatures_jury:decide", args=[dossier.pk])
    page = president.get(decide).content.decode()
    assert "Parcours Badge : seuls ses niveaux peuvent être attribués." in page
    assert ">Niveau 1</option>" in page and ">Niveau 4</option>" not in page
    table = president.get(reverse("candidatures_jury:table", args=[edition.year])).content
    assert "(parcours Badge)" in table.decode()

    level_4 = edition.levels.get(number=4)
    response = president.post(decide, {"level": level_4.pk, "public_comment": "Non"})
    assert response.status_code == 400
    with pytest.raises(PermissionDenied):
        record_decision(dossier, users["president"], level_4)
    dossier.refresh_from_db()
    assert dossier.decision_level is None

    juror = Client()
    juror.force_login(users["juror"])
    reading = juror.get(reverse("candidatures_jury:dossier", args=[dossier.pk])).content.decode()
    assert "<dt>Parcours</dt><dd>Badge</dd>" in reading
    evaluation_form = juror.get(reverse("candidatures_jury:evaluate", args=[dossier.pk]))
    if evaluation_form.status_code == 200:  # the evaluation is submitted: read-only
        assert ">Niveau 4</option>" not in evaluation_form.content.decode()

    response = president.post(
        decide, {"level": edition.levels.get(number=1).pk, "public_comment": "Badge mérité"}
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.decision_level.number == 1
