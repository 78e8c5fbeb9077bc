"""Admin screens of the jury: history, listing filters and exports, deliberation table."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from candidatures.jury.deliberation import record_decision, submit_evaluation
from candidatures.models import Evaluation
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, submit

pytestmark = pytest.mark.django_db


def to_evaluation(candidature, people):
    submit(candidature, people["applicant"])
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    candidature.refresh_from_db()


def evaluate_all(candidature, edition, people, level=4):
    domains = list(edition.criteria_domains.all())
    jurors = [a.juror for a in candidature.assignments.select_related("juror")]
    for juror, score in zip(jurors, (4, 2), strict=True):
        evaluation = Evaluation.objects.create(
            candidature=candidature,
            juror=juror,
            scores={str(d.pk): score for d in domains},
            proposed_level=edition.levels.get(number=level),
        )
        submit_evaluation(evaluation, juror)
    candidature.refresh_from_db()


def test_history_shows_who_did_each_step(client, edition, jury, people):
    candidature = make_candidature(edition, people["applicant"], name="Commune Historique")
    to_evaluation(candidature, people)
    evaluate_all(candidature, edition, people)
    record_decision(candidature, people["president"], edition.levels.get(number=4))
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(candidature.pk))
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "candidat") in actions
    assert ("wagtail.workflow.approve", "equipe") in actions
    assert ("tnl.assign", "equipe") in actions
    assert ("tnl.evaluate", "jure1") in actions and ("tnl.evaluate", "jure2") in actions
    assert ("tnl.decide", "president") in actions
    assert ("wagtail.publish", "president") in actions
    client.force_login(people["staff"])
    history = client.get(
        reverse("wagtailsnippets_candidatures_candidature:history", args=[candidature.pk])
    ).content.decode()
    for label in ("Dossier attribué à un juré", "Évaluation remise", "Décision enregistrée"):
        assert label in history


def test_staff_listing_filters_and_xlsx_export(client, edition, jury, people):
    a = make_candidature(edition, people["applicant"], name="Commune Filtrée")
    make_candidature(edition, people["applicant"], name="Commune Brouillon")
    submit(a, people["applicant"])
    client.force_login(people["staff"])
    url = reverse("wagtailsnippets_candidatures_candidature:list")
    page = client.get(url, {"status": "eligibility", "edition": edition.pk, "region": "Occitanie"})
    html = page.content.decode()
    assert "Commune Filtrée" in html and "Commune Brouillon" not in html
    export = client.get(url, {"export": "xlsx", "status": "eligibility"})
    assert export.status_code == 200
    assert export["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_deliberation_table_queries_do_not_grow(
    client, edition, jury, people, django_assert_max_num_queries
):
    client.force_login(people["staff"])
    url = reverse("candidatures_jury:table", args=[edition.year])
    for _ in range(2):
        c = make_candidature(edition, people["applicant"])
        to_evaluation(c, people)
        evaluate_all(c, edition, people)
    client.get(url)  # warm caches (content types, etc.)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for _ in range(6):
        c = make_candidature(edition, people["applicant"])
        to_evaluation(c, people)
        evaluate_all(c, edition, people)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("En délibération") >= 8


def test_staff_pages_render(client, edition, jury, people):
    candidature = make_candidature(edition, people["applicant"], name="Commune Rendue")
    to_evaluation(candidature, people)
    client.force_login(people["staff"])
    for url in (
        reverse("wagtailsnippets_candidatures_candidature:edit", args=[candidature.pk]),
        reverse("wagtailsnippets_candidatures_candidature:inspect", args=[candidature.pk]),
        reverse("candidatures_jury:assignments", args=[edition.year]),
        reverse("candidatures_jury:dossier", args=[candidature.pk]),
        reverse("candidatures_jury:decide", args=[candidature.pk]),
        reverse("candidatures_jury:dashboard"),
        "/admin/candidatures/evaluation/",
        "/admin/candidatures/conflictofinterest/",
        reverse("wagtailsnippets_candidatures_jury:list"),
        reverse("email_templates:index"),
    ):
        assert client.get(url).status_code == 200, url


def test_dossier_view_renders_answers_by_section(client, edition, jury, people):
    candidature = make_candidature(edition, people["applicant"], name="Commune Lue")
    to_evaluation(candidature, people)
    client.force_login(people["jure1"])
    html = client.get(reverse("candidatures_jury:dossier", args=[candidature.pk])).content.decode()
    assert "Stratégie et mutualisation" in html
    assert "Un schéma directeur du numérique libre voté en 2024." in html
    assert "GNU/Linux" in html and "Oui" in html
    assert 'href="https://example.org/politique"' in html


def test_auto_assignment_button(client, edition, jury, people):
    candidature = make_candidature(edition, people["applicant"])
    to_evaluation(candidature, people)
    candidature.assignments.all().delete()
    client.force_login(people["staff"])
    client.post(reverse("candidatures_jury:assignments", args=[edition.year]), {"action": "auto"})
    assert candidature.assignments.count() == 2


def test_staff_can_decide_from_the_editor_without_restarting_the_workflow(
    client, edition, jury, people
):
    """Only when the jury's settings let staff decide in the president's place (default: no,
    the editor then offers no "Valider la décision" and a forged POST changes nothing)."""
    candidature = make_candidature(edition, people["applicant"], name="Commune Éditée")
    to_evaluation(candidature, people)
    evaluate_all(candidature, edition, people)
    assert candidature.status == "deliberation"
    level3 = edition.levels.get(number=3)
    client.force_login(people["staff"])
    url = reverse("wagtailsnippets_candidatures_candidature:edit", args=[candidature.pk])
    data = {
        "action-workflow-action": "on",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": "{}",
        "decision_level": str(level3.pk),
        "public_comment": "Un bon niveau 3.",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
        "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000",
    }
    assert "Valider la décision" not in client.get(url).content.decode()
    client.post(url, data)
    candidature.refresh_from_db()
    assert candidature.status == "deliberation" and not candidature.live

    jury.staff_may_decide = True
    jury.save()
    assert "Valider la décision" in client.get(url).content.decode()
    response = client.post(url, data)
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.status == "decided"
    assert candidature.live and candidature.decision_level == level3
    assert candidature.public_comment == "Un bon niveau 3."


def test_jury_pages_are_valid_html(client, edition, jury, people):
    from tests.browser import html_errors

    candidature = make_candidature(edition, people["applicant"], name="Commune Valide")
    to_evaluation(candidature, people)
    evaluate_all(candidature, edition, people)
    client.force_login(people["president"])
    for url in (
        reverse("candidatures_jury:decide", args=[candidature.pk]),
        reverse("candidatures_jury:table", args=[edition.year]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert html_errors(response.content.decode()) == [], url

    # The evaluation form with errors, the conflict form, the assignments screen.
    other = make_candidature(edition, people["applicant"], name="Commune Formulaire")
    to_evaluation(other, people)
    juror = other.assignments.first().juror
    client.force_login(juror)
    response = client.post(reverse("candidatures_jury:evaluate", args=[other.pk]), {"submit": "1"})
    assert response.status_code == 400
    assert html_errors(response.content.decode()) == []
    response = client.get(reverse("candidatures_jury:declare_conflict"))
    assert html_errors(response.content.decode()) == []
    client.force_login(people["staff"])
    response = client.get(reverse("candidatures_jury:assignments", args=[edition.year]))
    assert html_errors(response.content.decode()) == []
    # The recevabilité screen, its refused form (400) and its confirmation step.
    instructed = make_candidature(edition, people["applicant"], name="Commune Instruite")
    submit(instructed, people["applicant"])
    url = reverse("candidatures_jury:instruct", args=[instructed.pk])
    for response in (
        client.get(url),
        client.post(url, {"action": "ineligible", "ineligible-comment": ""}),
        client.post(url, {"action": "ineligible", "ineligible-comment": "Hors champ."}),
    ):
        assert response.status_code in (200, 400)
        assert html_errors(response.content.decode()) == [], response.status_code


@pytest.mark.parametrize("who", ["jure1", "president", "staff"])
def test_listing_and_juror_dashboard_queries_do_not_grow(client, edition, jury, people, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from candidatures.models import Assignment

    def add(n):
        for _ in range(n):
            c = make_candidature(edition, people["applicant"])
            Assignment.objects.create(candidature=c, juror=people["jure1"])

    urls = [
        reverse("wagtailsnippets_candidatures_candidature:list"),
        reverse("candidatures_jury:dashboard"),
    ]
    client.force_login(people[who])
    add(2)
    for url in urls:
        client.get(url)
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    add(10)
    for url, before in zip(urls, counts, strict=True):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) <= before, url


def test_staff_can_create_a_candidature_in_the_admin(client, edition, people):
    from editions.models import Collectivite

    body = Collectivite.objects.create(name="Commune Saisie", kind="commune")
    client.force_login(people["staff"])
    response = client.post(
        reverse("wagtailsnippets_candidatures_candidature:add"),
        {
            "edition": str(edition.pk),
            "collectivite": str(body.pk),
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
            "mentions-MIN_NUM_FORMS": "0",
            "mentions-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    from candidatures.models import Candidature

    created = Candidature.objects.get(collectivite=body)
    assert created.edition == edition


def test_decision_screen_shows_the_mention_suggestions_of_the_record(client, edition, jury, people):
    """A body labelled at level 4 in the two previous éditions, proposed at level 4 again, is the
    editions app's "longest run" hint; the smallest body is the "smallest population" hint."""
    from editions.models import Edition, Result

    candidature = make_candidature(edition, people["applicant"], name="Commune Fidèle")
    tiny = make_candidature(edition, people["applicant"], name="Hameau", population=150)
    for year in (edition.year - 2, edition.year - 1):
        past = Edition.objects.create(year=year, ordinal=year - 2015)
        past.add_default_levels()
        Result.objects.create(
            edition=past, collectivite=candidature.collectivite, level=past.levels.get(number=4)
        )
    for dossier in (candidature, tiny):
        to_evaluation(dossier, people)
        evaluate_all(dossier, edition, people, level=4)
    client.force_login(people["president"])
    html = client.get(reverse("candidatures_jury:decide", args=[candidature.pk])).content.decode()
    assert "Meilleure continuité" in html
    assert "Plus petite collectivité" not in html
    html = client.get(reverse("candidatures_jury:decide", args=[tiny.pk])).content.decode()
    assert "Plus petite collectivité" in html
    assert "Meilleure continuité" not in html


@pytest.mark.parametrize("bad_id", ["abc", "", "1 OR 1=1"])
def test_removing_an_assignment_with_a_damaged_id_answers_400_in_french(
    client, edition, jury, people, bad_id
):
    candidature = make_candidature(edition, people["applicant"], name="Commune Attribuée")
    to_evaluation(candidature, people)
    before = candidature.assignments.count()
    client.force_login(people["staff"])
    response = client.post(
        reverse("candidatures_jury:assignments", args=[edition.year]),
        {"action": "remove", "assignment": bad_id},
    )
    assert response.status_code == 400
    assert "Attribution inconnue" in response.content.decode()
    assert candidature.assignments.count() == before


def test_removing_an_unknown_assignment_answers_404(client, edition, jury, people):
    client.force_login(people["staff"])
    response = client.post(
        reverse("candidatures_jury:assignments", args=[edition.year]),
        {"action": "remove", "assignment": "999999"},
    )
    assert response.status_code == 404


def test_decision_screen_says_why_no_mention_can_be_awarded(client, edition, jury, people):
    candidature = make_candidature(edition, people["applicant"], name="Commune Sans Mention")
    to_evaluation(candidature, people)
    evaluate_all(candidature, edition, people)
    edition.mention_types.all().delete()
    client.force_login(people["president"])
    html = client.get(reverse("candidatures_jury:decide", args=[candidature.pk])).content.decode()
    assert "Aucune mention ne peut être décernée" in html
    assert "l'édition 2027 n'a pas encore de type de mention" in html
    assert "Décerner la mention" not in html
