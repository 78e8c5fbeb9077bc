"""The demo applicant starts a 2027 dossier on the Badge track in Chromium and gets the short
questionnaire (2025 scheme: Badge beside Label)."""

import pytest

from candidatures.demo.applicant import DEMO_SECOND_BODY
from home.demo.accounts import DEMO_PASSWORD
from tests.browser import axe_violations
from tests.committed_demo import load_committed, same_worker

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    same_worker("site"),
]


@pytest.mark.browser
def test_the_demo_applicant_starts_a_badge_dossier_and_sees_the_short_questionnaire(
    live_server, page
):
    from candidatures.models import Candidature

    load_committed("site")
    url = live_server.url
    page.goto(url + "/compte/connexion/")
    page.get_by_label("Adresse électronique").fill("candidat")
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(url + "/espace-candidat/")
    assert axe_violations(page) == []

    # The body without a 2027 dossier: both tracks on offer, the Badge chosen.
    body = page.get_by_role("region", name=DEMO_SECOND_BODY)
    choice = body.get_by_role("group", name="Parcours de candidature 2027")
    assert choice.get_by_role("radio").count() == 2
    choice.get_by_role("radio", name="Badge").check()
    body.get_by_role("button", name="Commencer le dossier 2027").click()

    page.get_by_role("heading", name="Étape 1 sur 3 : Référents").wait_for()
    assert "parcours Badge" in page.content()
    steps = page.get_by_role("navigation", name="Étapes du dossier")
    assert "Vos premiers pas" in steps.inner_text()
    assert "Gestion des données publiques" not in steps.inner_text()  # a Label section
    steps.get_by_role("link", name="Vos premiers pas").click()
    page.get_by_text("Quel est votre prochain projet libre ?").first.wait_for()
    assert page.console_errors == []

    dossier = Candidature.objects.get(collectivite__name=DEMO_SECOND_BODY, edition__year=2027)
    assert dossier.track.slug == "badge"
    assert sum(len(s["questions"]) for s in dossier.questions) == 10
