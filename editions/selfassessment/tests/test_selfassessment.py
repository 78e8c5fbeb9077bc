"""The public self-assessment: one form without JavaScript, a result per domain and an
indicative level, nothing stored unless the visitor starts a dossier."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editions.models import Edition
from editions.selfassessment.demo import QUESTIONS
from editions.selfassessment.demo import load as load_demo
from editions.selfassessment.forms import field_name
from editions.selfassessment.models import SelfAssessment, SelfAssessmentQuestion
from editions.selfassessment.services import SESSION_KEY, questionnaire_prefill
from tests.browser import html_errors

pytestmark = pytest.mark.django_db
URL = "/auto-evaluation/"


def all_answers(assessment, index):
    return {field_name(q): str(index) for q in assessment.questions.all()}


def test_the_form_shows_each_domain_as_a_fieldset_with_its_questions(client, assessment):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for domain in QUESTIONS:
        assert f"<legend><h2>{domain}</h2></legend>" in html
    question = assessment.questions.first()
    assert f"<legend>{question.label}</legend>" in html
    assert f'<label for="id_{field_name(question)}_0">Non</label>' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert html_errors(html) == []


def test_the_form_and_the_result_take_a_fixed_number_of_queries(client, assessment):
    """Warm, the page needs the site, the assessment with its édition and the questions (the
    result adds the levels); the shared layout's lookups depend on what else the site holds, so
    the test checks a small bound and that ten more questions change nothing."""

    def queries(data=None):
        with CaptureQueriesContext(connection) as captured:
            if data is None:
                client.get(URL)
            else:
                client.post(URL, data)
        return len(captured.captured_queries)

    client.get(URL)  # warm the site-wide caches
    client.post(URL, all_answers(assessment, 2))
    form, result = queries(), queries(all_answers(assessment, 2))
    assert form <= 10 and result <= 11
    domain = assessment.edition.criteria_domains.first()
    for n in range(10):
        SelfAssessmentQuestion.objects.create(
            assessment=assessment, domain=domain, label=f"Q{n}", choices="a\nb"
        )
    client.get(URL)  # the new questions dropped nothing but the page's own data
    client.post(URL, all_answers(assessment, 1))
    assert queries() == form
    assert queries(all_answers(assessment, 1)) == result


def test_the_result_shows_each_domain_what_would_raise_it_and_an_indicative_level(
    client, assessment
):
    data = all_answers(assessment, 3)
    first = assessment.questions.get(questionnaire_key="formats-ouverts")
    data[field_name(first)] = "1"  # "En projet" on open formats
    sessions = Session.objects.count()
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niveau indicatif" in html
    # Bonnes pratiques at (1/3 + 1)/2 = 67 %: every other domain full; the top level (Or) needs
    # every domain at 75 %, so the indicative level is the one below.
    assert "<strong>Argent</strong>" in html
    assert "Pratique régulière</strong> (67 %)" in html
    assert "Pratique exemplaire</strong> (100 %)" in html
    assert "l'étape suivante : « Oui, en partie »" in html
    assert "Suivez le Référentiel général d&#x27;interopérabilité" in html
    assert "seul le jury décide du niveau" in html
    assert html_errors(html) == []
    # Nothing stored: no session, no row.
    assert Session.objects.count() == sessions
    assert SESSION_KEY not in client.session


def test_no_answer_above_the_first_reaches_no_level(client, assessment):
    html = client.post(URL, all_answers(assessment, 0)).content.decode()
    assert "ne correspondent encore à aucun niveau" in html
    assert "Pas encore engagé" in html
    assert "Badge" in html  # the next level to aim at


def test_missing_answers_are_listed_and_linked_to_their_fields(client, assessment):
    data = all_answers(assessment, 2)
    question = assessment.questions.order_by("sort_order").first()
    del data[field_name(question)]
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    anchor = f"id_{field_name(question)}_0"
    assert f'<a href="#{anchor}">{question.label} : Choisissez une réponse' in html
    assert f'id="{anchor}"' in html
    assert re.search(rf'aria-describedby="id_{field_name(question)}_errors"', html)
    assert 'aria-invalid="true"' in html
    # The other answers are kept.
    other = assessment.questions.order_by("sort_order")[1]
    assert re.search(rf'name="{field_name(other)}" value="2" id="[^"]+" checked', html)
    assert html_errors(html) == []


@pytest.mark.parametrize("value", ["9", "abc", "-1", "1" * 40])
def test_a_tampered_answer_is_refused_in_french(client, assessment, value):
    data = all_answers(assessment, 1)
    data[field_name(assessment.questions.first())] = value
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "ne fait pas partie des choix proposés" in response.content.decode()


def test_other_methods_are_refused(client, assessment):
    assert client.put(URL).status_code == 405
    assert client.get(reverse("selfassessment:start")).status_code == 405


def test_without_a_published_self_assessment_the_page_says_so(client, assessment):
    SelfAssessment.objects.update(is_published=False)
    response = client.get(URL)
    assert response.status_code == 404
    assert "Aucune auto-évaluation n'est proposée" in response.content.decode()


def test_starting_a_dossier_keeps_the_answers_in_the_session_only(client, assessment):
    data = all_answers(assessment, 2)
    response = client.post(reverse("selfassessment:start"), data)
    assert response.status_code == 302
    assert response["Location"] == "/espace-candidat/"
    kept = client.session[SESSION_KEY]
    assert kept["year"] == 2027
    assert set(kept["answers"].values()) == {2}
    assert len(kept["answers"]) == assessment.questions.count()


def test_starting_with_bad_answers_is_refused(client, assessment):
    response = client.post(reverse("selfassessment:start"), {})
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_the_kept_answers_prefill_the_matching_questionnaire_questions(assessment):
    q = {q.questionnaire_key: q for q in assessment.questions.exclude(questionnaire_key="")}
    session = {
        SESSION_KEY: {
            "year": 2027,
            "answers": {
                str(q["strategie-logiciel-libre"].pk): 3,
                str(q["formats-ouverts"].pk): 0,
                str(q["postes-de-travail"].pk): 2,
                str(q["contributions"].pk): 1,
                str(q["donnees-ouvertes"].pk): 1,
            },
        }
    }
    frozen = [
        {
            "key": "s",
            "questions": [
                {"key": "strategie-logiciel-libre", "type": "long_text", "choices": []},
                {"key": "formats-ouverts", "type": "yes_no", "choices": []},
                {
                    "key": "postes-de-travail",
                    "type": "single_choice",
                    "choices": ["Non", "Oui, en partie"],
                },  # fmt: skip
                {"key": "contributions", "type": "single_choice", "choices": ["Jamais"]},
                {"key": "donnees-ouvertes", "type": "file", "choices": []},
            ],
        }
    ]
    edition = Edition.objects.get(year=2027)
    assert questionnaire_prefill(session, edition, frozen) == {
        "strategie-logiciel-libre": "Oui, de manière généralisée",
        "formats-ouverts": "non",
        "postes-de-travail": "Oui, en partie",
    }
    other = Edition.objects.get(year=2025)
    assert questionnaire_prefill(session, other, frozen) == {}
    assert questionnaire_prefill({}, edition, frozen) == {}


def test_the_demo_loader_is_idempotent_and_keeps_edits(assessment):
    count = assessment.questions.count()
    assert count == sum(len(q) for q in QUESTIONS.values())
    assessment.intro = "Modifié"
    assessment.save()
    again = load_demo()
    assert again.pk == assessment.pk
    assert again.questions.count() == count
    assert SelfAssessment.objects.get().intro == "Modifié"
