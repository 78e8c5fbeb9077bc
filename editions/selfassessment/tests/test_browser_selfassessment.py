"""A visitor fills the self-assessment in Chromium and reads the result; axe finds nothing."""

import pytest

from tests.browser import axe_violations


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_visitor_fills_the_self_assessment_and_reads_the_result(live_server, page):
    from editions.demo import load as load_editions
    from editions.selfassessment.demo import load

    load_editions()
    assessment = load()
    page.goto(live_server.url + "/auto-evaluation/")
    assert page.locator("h1").inner_text() == "Auto-évaluation — édition 2027"
    assert axe_violations(page) == []
    # Submitting with one question unanswered: the summary links to it.
    questions = list(assessment.questions.order_by("sort_order"))
    for question in questions[1:]:
        page.get_by_role("group", name=question.label).get_by_label("Oui, en partie").check()
    page.get_by_role("button", name="Voir mon résultat").click()
    summary = page.get_by_role("alert")
    assert "1 question sans réponse valide" in summary.inner_text()
    summary.get_by_role("link").click()
    first = page.get_by_role("group", name=questions[0].label)
    first.get_by_label("Oui, de manière généralisée").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Voir mon résultat").click()
    assert page.locator("h1").inner_text() == "Votre auto-évaluation — édition 2027"
    level = page.locator(".selfassessment__level").inner_text()
    assert "Argent" in level
    assert "seul le jury décide du niveau" in level
    stratégie = page.get_by_role("region", name="Stratégie").inner_text()
    assert "Pratique avancée (83 %)" in stratégie
    assert "Nommez un élu référent" in stratégie
    assert axe_violations(page) == []
    # The unanswered submission answered 400 on purpose (bad input is a 4xx): Chromium logs it.
    errors = [e for e in page.console_errors if "status of 400" not in e]
    assert errors == []
