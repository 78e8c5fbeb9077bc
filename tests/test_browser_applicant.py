"""The applicant's path in real Chromium: registration to submission, axe on every page."""

import re

import pytest
from django.core import mail

from tests.browser import axe_violations, html_errors

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def setup_data():
    from candidatures.tests.applicant_helpers import (
        ensure_workflow,
        make_edition,
        make_questionnaire,
        make_territory,
    )

    edition = make_edition()
    make_questionnaire(edition)
    make_territory()
    ensure_workflow()
    return edition


def no_violations(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}: {violations}"


@pytest.mark.browser
def test_from_registration_to_submission_in_chromium(live_server, page, tmp_path):
    from candidatures.models import Candidature, CandidatureStatus
    from candidatures.tests.applicant_helpers import PASSWORD, PDF

    setup_data()
    url = live_server.url
    page.set_default_timeout(10000)

    # Sign up, first with a mistake: errors next to fields, nothing lost.
    page.goto(url + "/compte/inscription/")
    no_violations(page)
    page.get_by_label("Prénom").fill("Claire")
    page.locator("#id_last_name").fill("Agent")
    page.get_by_label("Adresse électronique professionnelle").fill("claire@lettret.example")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill("autre chose")
    page.get_by_role("button", name="Créer mon compte").click()
    assert page.locator("#id_password2_errors").is_visible()
    assert page.get_by_label("Prénom").input_value() == "Claire"
    no_violations(page)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url(url + "/compte/inscription/envoyee/")
    no_violations(page)

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(url + link.split("testserver", 1)[-1].replace(live_server.url, ""))
    page.wait_for_url(url + "/espace-candidat/")
    no_violations(page)

    # Register the commune with the combobox.
    page.get_by_role("link", name="Inscrire une collectivité").click()
    no_violations(page)
    combobox = page.get_by_role("combobox")
    combobox.press_sequentially("Lettr", delay=30)
    page.get_by_role("option").first.wait_for()
    no_violations(page)
    combobox.press("ArrowDown")
    combobox.press("Enter")
    page.locator("#territory-choice").get_by_role("button").click()
    # The first account of a body says its function to label staff, who confirm it.
    page.wait_for_url(re.compile(r"/espace-candidat/collectivites/\d+/demande/$"))
    no_violations(page)
    page.get_by_label("Votre fonction dans l'organisme").fill("Secrétaire de mairie")
    page.get_by_role("button", name="Envoyer à l'équipe du label").click()
    page.wait_for_url(url + "/espace-candidat/")
    assert "Lettret" in page.locator("h2").first.inner_text()

    # Start and fill the dossier.
    page.get_by_role("button", name="Commencer le dossier 2027").click()
    page.locator("#id_elected_name").wait_for()
    no_violations(page)
    page.locator("#id_elected_name").fill("Alice Élue")
    page.locator("#id_elected_role").fill("Maire")
    page.locator("#id_elected_email").fill("maire@lettret.example")
    page.locator("#id_technical_name").fill("Claire Agent")
    page.locator("#id_technical_role").fill("Secrétaire de mairie")
    page.locator("#id_technical_email").fill("claire@lettret.example")
    page.get_by_role("button", name="Enregistrer et continuer").click()

    page.get_by_label("Décrivez votre stratégie").fill("Tout en logiciel libre depuis 2020.")
    page.get_by_text("Brouillon enregistré à").wait_for(timeout=10000)  # autosave
    no_violations(page)
    page.get_by_role("group", name="Avez-vous une délibération ?").get_by_label("Oui").check()
    page.get_by_label("ODF").check()
    page.get_by_role("button", name="Enregistrer et continuer").click()

    page.get_by_label("Nombre de postes").fill("12")
    pdf = tmp_path / "deliberation.pdf"
    pdf.write_bytes(PDF)
    page.get_by_label("Délibération (PDF)").set_input_files(str(pdf))
    no_violations(page)
    page.get_by_role("button", name="Enregistrer et voir le récapitulatif").click()

    # Recap, then submit (once label staff confirmed the first account: tests/test_body_claims.py).
    page.get_by_role("heading", name="Déposer le dossier").wait_for()
    from candidatures.applicant.bodies import confirm_claim
    from candidatures.models import BodyClaim

    confirm_claim(BodyClaim.objects.get(), by=None)
    page.reload()
    page.get_by_role("heading", name="Déposer le dossier").wait_for()
    assert "deliberation.pdf" in page.content()
    assert page.locator("progress").get_attribute("value") == page.locator(
        "progress"
    ).get_attribute("max")
    no_violations(page)
    page.get_by_label("Je confirme que ces réponses sont exactes").check()
    page.get_by_role("button", name="Déposer le dossier").click()
    page.wait_for_url(url + "/espace-candidat/")
    assert "Déposé" in page.content() or "En instruction" in page.content()
    no_violations(page)
    candidature = Candidature.objects.get()
    assert candidature.status in {CandidatureStatus.SUBMITTED, CandidatureStatus.ELIGIBILITY}
    assert any("Accusé de réception" in m.subject for m in mail.outbox)

    # The other applicant pages pass axe too.
    body_id = candidature.collectivite_id
    for path in [
        f"/espace-candidat/collectivites/{body_id}/membres/",
        "/compte/profil/",
        "/espace-candidat/collectivites/inscrire/autre/",
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/strategie/",
    ]:
        page.goto(url + path)
        no_violations(page)
    page.get_by_role("button", name="Se déconnecter").click()
    for path in ["/compte/connexion/", "/compte/mot-de-passe/"]:
        page.goto(url + path)
        no_violations(page)
    # The only console line is the deliberate 400 of the sign-up form sent with a mistake.
    assert [e for e in page.console_errors if "status of 400" not in e] == []


@pytest.mark.django_db
def test_main_applicant_pages_are_valid_html(client):
    from candidatures.applicant.drafts import start_dossier
    from candidatures.tests.applicant_helpers import make_body, make_user

    edition = setup_data()
    user = make_user()
    body = make_body(user)
    candidature = start_dossier(user, body, edition)
    pages = [client.post("/compte/inscription/", {"email": "x"}).content.decode()]
    client.force_login(user)
    for path in [
        "/espace-candidat/",
        "/espace-candidat/collectivites/inscrire/?q=lettret",
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/referents/",
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/strategie/",
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/logiciels/",
        f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        pages.append(response.content.decode())
    for html in pages:
        assert html_errors(html) == []
