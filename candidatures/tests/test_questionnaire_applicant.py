"""The questionnaire: keys, freezing into a dossier, copy to the next édition (admin action)."""

import pytest
from django.contrib.auth import get_user_model

from candidatures.applicant.drafts import start_dossier
from candidatures.models import Questionnaire
from candidatures.tests.applicant_helpers import (
    make_body,
    make_edition,
    make_questionnaire,
    make_user,
    question,
)
from editions.models import CriteriaDomain

pytestmark = pytest.mark.django_db


def test_missing_keys_are_filled_from_labels_and_stay_unique():
    edition = make_edition()
    questionnaire = Questionnaire(edition=edition)
    questionnaire.sections = [
        {
            "type": "section",
            "value": {
                "title": "Écosystème libre",
                "key": "",
                "intro": "",
                "questions": [
                    question("Contribuez-vous ?", "yes_no", ""),
                    question("Contribuez-vous ?", "long_text", ""),
                ],
            },
        }
    ]
    questionnaire.save()
    frozen = questionnaire.freeze()
    assert frozen[0]["key"] == "ecosysteme-libre"
    assert [q["key"] for q in frozen[0]["questions"]] == ["contribuez-vous", "contribuez-vous-2"]


def test_a_started_dossier_keeps_its_questions_when_the_questionnaire_changes(client):
    edition = make_edition()
    questionnaire = make_questionnaire(edition)
    user = make_user()
    candidature = start_dossier(user, make_body(user), edition)
    strategie = CriteriaDomain.objects.get(edition=edition, name="Stratégie")
    assert candidature.questions[0]["questions"][0]["criteria_domain"] == "Stratégie"
    assert candidature.questions[0]["questions"][0]["criteria_domain_id"] == strategie.pk

    # Staff rename, delete and add questions afterwards.
    raw = questionnaire.sections.raw_data
    raw[0]["value"]["questions"][0]["value"]["label"] = "Nouvel intitulé"
    del raw[0]["value"]["questions"][1]
    raw[1]["value"]["questions"].append(
        question("Nouvelle question", "short_text", "nouvelle", True)
    )
    questionnaire.sections = list(raw)
    questionnaire.save()

    client.force_login(user)
    url = f"/espace-candidat/dossiers/{candidature.pk}/etapes/strategie/"
    page = client.get(url).content.decode()
    assert "Décrivez votre stratégie" in page and "Nouvel intitulé" not in page
    assert "Avez-vous une délibération ?" in page
    response = client.post(
        url, {"version": candidature.latest_revision_id, "deliberation": "oui", "stay": "1"}
    )
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.answers["deliberation"] == "oui"
    assert (
        "Nouvelle question"
        not in client.get(
            f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/"
        ).content.decode()
    )


def test_answers_are_prefilled_from_the_previous_edition_by_question_key(client):
    old_edition = make_edition(year=2026, is_open=False)
    make_questionnaire(old_edition)
    user = make_user()
    body = make_body(user)
    old = start_dossier(user, body, old_edition)
    old.answers = {"strategie-description": "Notre stratégie 2026", "formats": ["ODF", "XLS"]}
    old.elected_name = "Alice Élue"
    old.save()
    edition = make_edition(year=2027)
    make_questionnaire(edition)
    client.force_login(user)
    response = client.post(f"/espace-candidat/collectivites/{body.pk}/dossier/", {"prefill": "1"})
    assert response.status_code == 302
    new = body.candidatures.get(edition=edition)
    assert new.answers["strategie-description"] == "Notre stratégie 2026"
    assert new.answers["formats"] == ["ODF"]  # a choice no longer offered is dropped
    assert new.elected_name == "Alice Élue"


def test_staff_copy_the_previous_questionnaire_from_the_admin(client):
    old_edition = make_edition(year=2026, is_open=False)
    make_questionnaire(old_edition)
    edition = make_edition(year=2027)
    staff = get_user_model().objects.create_superuser("staff", "s@label.example", "x")
    client.force_login(staff)
    index = client.get("/admin/questionnaires/")
    assert "Copier depuis l&#x27;édition précédente" in index.content.decode()
    assert client.get("/admin/questionnaires/copy/").status_code == 200
    response = client.post("/admin/questionnaires/copy/", {"edition": edition.pk})
    copy = Questionnaire.objects.get(edition=edition)
    assert response["Location"] == f"/admin/questionnaires/edit/{copy.pk}/"
    frozen = copy.freeze()
    assert [q["key"] for s in frozen for q in s["questions"]] == [
        q["key"] for s in old_edition.questionnaires.get().freeze() for q in s["questions"]
    ]
    # The criteria domain points to the new édition's domain of the same name.
    new_domain = CriteriaDomain.objects.get(edition=edition, name="Stratégie")
    assert frozen[0]["questions"][0]["criteria_domain_id"] == new_domain.pk
    assert client.get(f"/admin/questionnaires/edit/{copy.pk}/").status_code == 200
    # Nothing left to copy into: a clear error.
    assert (
        client.post("/admin/questionnaires/copy/", {"edition": old_edition.pk}).status_code == 400
    )


def test_applicants_cannot_reach_the_questionnaire_admin(client):
    client.force_login(make_user())
    assert client.get("/admin/questionnaires/copy/").status_code in (302, 403)


def test_a_question_cannot_feed_another_editions_criteria_domain():
    from django.core.exceptions import ValidationError

    old_edition = make_edition(year=2026, is_open=False)
    edition = make_edition(year=2027)
    other_domain = CriteriaDomain.objects.filter(edition=old_edition).first()
    questionnaire = Questionnaire(edition=edition)
    questionnaire.sections = [
        {
            "type": "section",
            "value": {
                "title": "Stratégie",
                "key": "",
                "intro": "",
                "questions": [question("Q", "yes_no", "q", domain=str(other_domain.pk))],
            },
        }
    ]
    with pytest.raises(ValidationError):
        questionnaire.full_clean()


def test_staff_open_the_questionnaire_creation_form(client):
    make_edition()
    staff = get_user_model().objects.create_superuser("staff", "s@label.example", "x")
    client.force_login(staff)
    response = client.get("/admin/questionnaires/new/")
    assert response.status_code == 200
    assert "Domaine de crit" in response.content.decode()
