"""The label staff's édition journey in Chromium, as the demo account of "Équipe label"
(``equipe``, no superuser): create 2028 from 2027, fix a date error, publish the 2027 palmarès
from the édition's action. Pages loaded and clicks are counted for the closing note."""

import re

import pytest
from django.core import mail

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


def test_label_staff_create_2028_fix_a_date_and_publish_the_palmares(live_server, page):
    from playwright.sync_api import expect

    from candidatures.models import Candidature, CandidatureStatus
    from editions.demo import load as load_editions
    from editions.models import Collectivite, Edition, Result
    from home.demo import load as load_home
    from home.models import PressReleasePage

    load_home()
    load_editions()
    e2027 = Edition.objects.get(year=2027)
    body = Collectivite.objects.create(name="Commune de démonstration Erdeven", kind="commune")
    level = e2027.levels.get(name="Argent")
    Candidature.objects.create(
        edition=e2027,
        collectivite=body,
        status=CandidatureStatus.DECIDED,
        decision_level=level,
        technical_email="erdeven@example.org",
    )
    Result.objects.create(edition=e2027, collectivite=body, level=level)
    Candidature.objects.create(
        edition=e2027,
        collectivite=Collectivite.objects.create(name="Commune en attente", kind="commune"),
        status=CandidatureStatus.EVALUATION,
    )

    url = live_server.url
    page.set_default_timeout(15000)
    journey = Journey(page)
    page.goto(url + "/admin/login/")
    page.locator("#id_username").fill("equipe")
    page.locator("#id_password").fill("demo-tnl")
    journey.click(page.get_by_role("button", name="S'identifier"))
    page.wait_for_url(url + "/admin/")

    # Label > Éditions > 2027 > Créer l'édition suivante.
    journey.click(page.get_by_role("button", name="Label"), False)
    journey.click(page.get_by_role("link", name="Éditions", exact=True))
    journey.click(page.get_by_role("link", name="2027", exact=True))
    journey.click(page.locator("footer [data-w-dropdown-target='toggle']").last, False)
    journey.click(page.get_by_role("link", name="Créer l'édition suivante"))
    expect(page.locator("#id_year")).to_have_value("2028")
    journey.click(page.get_by_role("button", name="Créer l'édition"))
    expect(page.get_by_text("L'édition 2028 est créée à partir de 2027")).to_be_visible()
    e2028 = Edition.objects.get(year=2028)
    assert e2028.mention_types.count() == 4 and e2028.levels.count() == 4

    # A results date typed before the deadline is refused on its field, then corrected.
    field = page.locator("#id_results_published_at")
    field.fill("01/02/2028 18:00")
    journey.click(page.get_by_role("button", name="Enregistrer"))
    expect(page.get_by_text("doit suivre la date limite de dépôt")).to_be_visible()
    field = page.locator("#id_results_published_at")
    field.fill("")
    field.press_sequentially("11/04/2028 18:00")
    field.press("Tab")  # the date picker (French format) takes the typed value on blur
    expect(field).to_have_value("11/04/2028 18:00")
    journey.click(page.get_by_role("button", name="Enregistrer"))
    expect(page.get_by_text("doit suivre la date limite de dépôt")).to_have_count(0)
    e2028.refresh_from_db()
    assert e2028.results_published_at.date().isoformat() == "2028-04-11"

    # Back to 2027: Publier le palmarès, with the preview and the undecided dossier.
    journey.click(page.get_by_role("link", name="Éditions").first)
    journey.click(page.get_by_role("link", name="2027", exact=True))
    journey.click(page.locator("footer [data-w-dropdown-target='toggle']").last, False)
    journey.click(page.get_by_role("link", name="Publier le palmarès"))
    expect(page.get_by_text("Attention : 1 dossier n'est pas encore décidé")).to_be_visible()
    expect(page.get_by_role("link", name="Commune en attente")).to_be_visible()
    preview = page.frame_locator("iframe[title='Aperçu du palmarès 2027']")
    expect(preview.get_by_role("link", name="Commune de démonstration Erdeven")).to_be_visible()
    expect(
        page.get_by_role("button", name=re.compile("Programmer à la date des résultats"))
    ).to_be_visible()
    mail.outbox.clear()
    journey.click(page.get_by_role("button", name="Publier maintenant"))
    expect(page.get_by_text("Le palmarès 2027 est public")).to_be_visible()
    expect(page.get_by_text(re.compile("Publié et annoncé aux candidats le"))).to_be_visible()
    e2027.refresh_from_db()
    assert e2027.results_are_public() and e2027.palmares_announced_at
    assert PressReleasePage.objects.filter(results_year=2027).exists()
    assert Candidature.objects.get(collectivite=body).status == CandidatureStatus.PUBLISHED

    # The public sees it.
    page.goto(url + "/editions/2027/")
    expect(page.get_by_role("link", name="Commune de démonstration Erdeven")).to_be_visible()
    print(f"\nJOURNEY label staff: {journey.pages} pages, {journey.clicks} clicks")
    assert page.console_errors == [], page.console_errors
