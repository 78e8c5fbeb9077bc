"""A juror logs into the Wagtail admin in real Chromium and records an evaluation."""

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations, html_errors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_juror_records_an_evaluation(live_server, page, client):
    from candidatures.demo import jury as jury_demo
    from candidatures.models import Candidature, Evaluation

    jury_demo.load()
    dossier = Candidature.objects.get(collectivite__name="Collectivité de démonstration 104")

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "jure2")
    page.fill("#id_password", "demo-tnl")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    page.get_by_role("link", name="Espace du jury").first.click()
    page.wait_for_url("**/admin/jury/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Évaluer Collectivité de démonstration 104").click()
    page.wait_for_url(f"**/admin/jury/dossier/{dossier.pk}/evaluation/")

    # Submitting with a missing score keeps what was typed and says what is wrong.
    page.get_by_label("Commentaire pour le jury").fill("Une politique très complète.")
    page.get_by_role("button", name="Remettre l'évaluation").click()
    expect(page.get_by_text("Notez ce domaine de 0 à 5 avant de remettre.").first).to_be_visible()
    assert page.get_by_label("Commentaire pour le jury").input_value() == (
        "Une politique très complète."
    )
    # The refused form answers 400 on purpose (bad input gets a 4xx); Chromium logs that.
    assert len(page.console_errors) == 1
    assert page.console_errors[0].startswith(
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    )
    page.console_errors.clear()
    page.wait_for_timeout(1000)  # let Wagtail's message banner finish fading in before axe
    assert axe_violations(page) == []

    for select in page.locator("select[name^=score_]").all():
        select.select_option("4")
    page.get_by_label("Niveau proposé").select_option(label="Niveau 4")
    page.get_by_label("Retour pour le candidat").fill("Bravo pour la mutualisation.")
    page.get_by_role("button", name="Remettre l'évaluation").click()
    page.wait_for_url("**/admin/jury/")
    expect(page.get_by_text("Votre évaluation est remise.")).to_be_visible()
    assert page.console_errors == []

    evaluation = Evaluation.objects.get(candidature=dossier, juror__username="jure2")
    assert evaluation.is_submitted
    assert evaluation.proposed_level.number == 4
    assert set(evaluation.scores.values()) == {4}

    # Having submitted, the juror now sees the other evaluations side by side.
    page.goto(live_server.url + f"/admin/jury/dossier/{dossier.pk}/evaluation/")
    expect(page.get_by_text("Évaluations remises, côte à côte")).to_be_visible()
    assert axe_violations(page) == []
    client.login(username="jure2", password="demo-tnl")
    html = client.get(f"/admin/jury/dossier/{dossier.pk}/").content.decode()
    assert html_errors(html) == []
