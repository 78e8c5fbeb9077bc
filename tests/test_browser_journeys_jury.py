"""Three journeys of ROLES.md in Chromium, each with its demo account (no superuser), in one
test to pay the live server and the demo once:

(a) label staff (``equipe``) instructs a dossier on the recevabilité screen: déclarer recevable;
(b) a juror (``jure2``) declares a conflict on an assigned dossier (a replacement is named),
    reads an assigned dossier and its attachment, records and submits an evaluation (after a
    refused submission without a level, which keeps what was typed), then sees the other juror's
    evaluation;
(c) the president (``president``) reads the deliberation table, clicks "Décider", decides a
    level and a mention.

Pages loaded and clicks are counted per journey and printed for the closing note; axe-core checks
the recevabilité screen, the evaluation screen, the juror's dashboard and the deliberation table.
(This replaces the former ``test_browser_jury.py``, whose evaluation path it covers.)
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Journey:
    """Counts the documents the browser loads (main frame) and the clicks made."""

    def __init__(self, page):
        self.page, self.clicks, self.pages = page, 0, 0
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.pages += 1

    def click(self, locator, navigates=True):
        self.clicks += 1
        if not navigates:
            return locator.click()
        with self.page.expect_navigation():
            locator.click()

    def stop(self):
        self.page.remove_listener("framenavigated", self._navigated)
        return self.pages, self.clicks


def log_in(page, url, journey, username):
    page.context.clear_cookies()
    page.goto(url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("demo-tnl")
    journey.click(page.get_by_role("button", name="S'identifier"))
    page.wait_for_url(url + "/admin/")


def test_staff_juror_and_president_journeys(live_server, page):
    from candidatures.demo import jury as jury_demo
    from candidatures.models import Assignment, Candidature, CandidatureStatus, Evaluation
    from home.demo.accounts import create_demo_accounts

    create_demo_accounts()
    jury_demo.load()
    url = live_server.url
    page.set_default_timeout(15000)
    dossier = {
        n: Candidature.objects.get(collectivite__name=f"Collectivité de démonstration {n}")
        for n in (101, 103, 104, 105)
    }
    figures = {}

    # (a) Label staff: Candidatures > 101 (opens on the recevabilité screen) > recevable.
    journey = Journey(page)
    log_in(page, url, journey, "equipe")
    journey.click(page.get_by_role("link", name="Candidatures", exact=True).first)
    journey.click(page.get_by_role("link", name="Collectivité de démonstration 101"))
    page.wait_for_url(f"**/admin/jury/dossier/{dossier[101].pk}/recevabilite/")
    expect(page.get_by_role("button", name="Demander des compléments…")).to_be_visible()
    expect(page.get_by_role("button", name="Déclarer irrecevable…")).to_be_visible()
    expect(page.get_by_text("Enregistrer le brouillon")).to_have_count(0)
    assert axe_violations(page) == []
    journey.click(page.get_by_role("button", name="Déclarer recevable…"))
    journey.click(page.get_by_role("button", name="Confirmer : Déclarer recevable"))
    expect(
        page.get_by_text(
            re.compile("Dossier de Collectivité de démonstration 101 déclaré recevable")
        )
    ).to_be_visible()
    dossier[101].refresh_from_db()
    assert dossier[101].status == CandidatureStatus.EVALUATION
    figures["a"] = journey.stop()

    # (b) Juror: conflict on 104 (replaced), reads 103 and its attachment, evaluates, compares.
    journey = Journey(page)
    log_in(page, url, journey, "jure2")
    journey.click(page.get_by_role("link", name="Espace du jury").first)
    journey.click(
        page.get_by_role("link", name="Déclarer un lien d'intérêts avec une collectivité")
    )
    page.locator("#id_collectivite").select_option(label="Collectivité de démonstration 104")
    page.locator("#id_reason").fill("Ancien agent de la commune")
    journey.clicks += 2  # choosing in the list, typing the reason
    journey.click(page.get_by_role("button", name="Déclarer"))
    expect(page.get_by_text(re.compile("confié à Lucie Marchand"))).to_be_visible()
    assert not Assignment.objects.filter(candidature=dossier[104], juror__username="jure2")
    assert Assignment.objects.filter(candidature=dossier[104], juror__username="jure3")

    journey.click(page.get_by_role("link", name="Évaluer Collectivité de démonstration 103"))
    page.wait_for_url(f"**/admin/jury/dossier/{dossier[103].pk}/evaluation/")
    expect(
        page.get_by_text("Démonstration 103 : un schéma directeur du numérique libre.")
    ).to_be_visible()
    with page.expect_download() as download:
        journey.click(
            page.get_by_role("link", name="deliberation-demonstration-103.pdf").first, False
        )
    assert download.value.suggested_filename == "deliberation-demonstration-103.pdf"
    level = page.get_by_label("Niveau proposé")
    assert level.input_value() == ""  # no default level
    assert axe_violations(page) == []
    for select in page.locator("select[name^=score_]").all():
        select.select_option("3")
        journey.clicks += 1
    page.get_by_label("Commentaire pour le jury").fill("Stratégie votée, données ouvertes.")
    journey.clicks += 1
    # Detour (not counted): submitting without a level says so in French, nothing typed is lost.
    detour = (journey.pages, journey.clicks)
    journey.click(page.get_by_role("button", name="Remettre l'évaluation"))
    expect(
        page.get_by_text("Choisissez un niveau, ou « Ne pas labelliser », avant de remettre.")
    ).to_be_visible()
    assert page.get_by_label("Commentaire pour le jury").input_value() == (
        "Stratégie votée, données ouvertes."
    )
    assert [e for e in page.console_errors if "status of 400" not in e] == []
    page.console_errors.clear()  # the refused form answers 400 on purpose; Chromium logs it
    journey.pages, journey.clicks = detour
    page.get_by_label("Niveau proposé").select_option(label="Niveau 3")
    journey.clicks += 1
    journey.click(page.get_by_role("button", name="Remettre l'évaluation"))
    expect(page.get_by_text("Votre évaluation est remise.")).to_be_visible()
    page.wait_for_timeout(1000)  # let Wagtail's message banner finish fading in before axe
    assert axe_violations(page) == []
    assert Evaluation.objects.get(candidature=dossier[103], juror__username="jure2").is_submitted
    journey.click(page.get_by_role("link", name="Collectivité de démonstration 103 (2027)"))
    expect(page.get_by_text("Évaluations remises, côte à côte")).to_be_visible()
    other = Evaluation.objects.get(candidature=dossier[103], juror__username="jure1").juror
    expect(page.locator(".tnl-figures th", has_text=other.get_full_name())).to_be_visible()
    figures["b"] = journey.stop()

    # (c) President: deliberation table > Décider (105) > level and a mention.
    journey = Journey(page)
    log_in(page, url, journey, "president")
    journey.click(page.get_by_role("link", name="Espace du jury").first)
    journey.click(page.get_by_role("link", name="Tableau de délibération 2027"))
    expect(
        page.get_by_role("columnheader", name="Niveaux des éditions précédentes")
    ).to_be_visible()
    assert axe_violations(page) == []
    journey.click(page.get_by_role("link", name="Décider Collectivité de démonstration 105"))
    page.get_by_label("Niveau attribué").select_option(label="Niveau 4")
    page.get_by_label("Décerner", exact=True).first.check()
    page.get_by_label(re.compile("Citation pour")).first.fill(
        "Une première candidature remarquable."
    )
    journey.clicks += 3
    journey.click(page.get_by_role("button", name="Enregistrer la décision"))
    expect(page.get_by_text(re.compile("Décision enregistrée"))).to_be_visible()
    dossier[105].refresh_from_db()
    assert dossier[105].status == CandidatureStatus.DECIDED
    assert dossier[105].decision_level.number == 4 and dossier[105].mentions.count() == 1
    figures["c"] = journey.stop()

    for key, name in (("a", "label staff recevabilité"), ("b", "juror"), ("c", "president")):
        print(f"\nJOURNEY {name}: {figures[key][0]} pages, {figures[key][1]} clicks")
    assert page.console_errors == [], page.console_errors
