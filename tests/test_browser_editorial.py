"""The editorial pages in real Chromium: axe finds nothing at 320 px and 1280 px, valid HTML."""

import re

import pytest

from tests.browser import axe_violations, html_errors
from tests.committed_demo import load_committed

PAGES = [
    "/",
    "/reglement/",
    "/faq/",
    "/actualites/",
    "/actualites/ceremonie-2021/",
    "/communiques/resultats-territoire-numerique-libre-2021/",
    "/recherche/?q=label",
    "/contact/",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [320, 1280])
def test_editorial_pages_pass_axe_without_console_errors(live_server, page, width):
    load_committed("home")
    page.set_viewport_size({"width": width, "height": 900})
    for url in PAGES:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert axe_violations(page) == [], url
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways at {width} px"
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mobile_menu_toggle_opens_and_closes(live_server, page):
    load_committed("home")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    menu_link = page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Actualités"
    )
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu_link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu_link.is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    # Wide screens: no toggle, the menu is there.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert not toggle.is_visible()
    assert menu_link.is_visible()
    assert page.console_errors == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_menu_is_shown_without_javascript(live_server, browser):
    load_committed("home")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        nav = page.get_by_role("navigation", name="Menu principal")
        assert nav.get_by_role("link", name="Actualités").is_visible()
        assert not page.locator(".nav-toggle").is_visible()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
    finally:
        context.close()


@pytest.mark.django_db
def test_editorial_pages_are_valid_html(client, home_page):
    for url in [*PAGES, "/criteres/", "/communiques/", "/actualites/?annee=2021&page=x"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_errors(response.content.decode()) == [], url


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("demo-tnl")
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url(base_url + "/admin/")


def open_actions(page):
    """The drop-up next to the editor's main button (Soumettre, Approuver...)."""
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_communication_approves_from_the_editor_and_the_dashboard(live_server, page):
    """A rédacteur submits; communication approves from the editor (it publishes: the form is no
    longer "changed" by the date's default) and from the dashboard, then edits the site identity.
    """
    import datetime

    from django.contrib.auth import get_user_model
    from playwright.sync_api import expect

    from home.models import NewsIndexPage, NewsPage

    load_committed("home")
    url = live_server.url
    page.set_default_timeout(15000)
    index = NewsIndexPage.objects.get()
    redacteur = get_user_model().objects.get(username="redacteur")
    second = index.add_child(
        instance=NewsPage(
            title="Le jury 2027 est composé",
            slug="jury-2027",
            date=datetime.date(2027, 3, 1),
            intro="Huit membres.",
            live=False,
        )
    )
    second.save_revision(user=redacteur)
    second.get_workflow().start(second, redacteur)

    # The rédacteur writes a news item (dated today by default) and submits it.
    log_in(page, url, "redacteur")
    page.goto(url + f"/admin/pages/add/home/newspage/{index.pk}/")
    page.get_by_placeholder("Titre de la page*").fill("Les candidatures 2027 sont ouvertes")
    page.get_by_role("textbox", name="Chapô*").fill("Dépôt des dossiers jusqu'au 15 février.")
    open_actions(page)
    page.get_by_role("button", name="Soumettre à Relecture éditoriale").click()
    expect(page.get_by_text("créée et soumise pour modération", exact=False)).to_be_visible()
    first = NewsPage.objects.get(title="Les candidatures 2027 sont ouvertes")
    assert not first.live and first.date == datetime.date.today()

    # Communication: dashboard > the page > Approuver, in the editor.
    log_in(page, url, "communication")
    review = page.get_by_role("region", name="En attente de votre vérification").or_(
        page.locator("section", has_text="En attente de votre vérification")
    )
    review.first.get_by_role("link", name="Les candidatures 2027 sont ouvertes").click()
    page.wait_for_url(f"**/admin/pages/{first.pk}/edit/")
    open_actions(page)
    page.get_by_role("button", name="Approuver", exact=True).click()
    page.wait_for_load_state()
    first.refresh_from_db()
    assert first.live, "approving from the editor must publish"
    assert first.current_workflow_state is None
    assert first.revisions.count() == 1  # approving saved no new revision
    response = page.goto(url + first.url)
    assert response.status == 200
    expect(page.get_by_role("heading", name="Les candidatures 2027 sont ouvertes")).to_be_visible()

    # From the dashboard: the row's menu > Approuver.
    page.goto(url + "/admin/")
    row = page.locator("tr", has_text="Le jury 2027 est composé")
    row.locator("[data-w-dropdown-target='toggle']").click()
    row.get_by_role("button", name="Approuver", exact=True).click()
    expect(page.locator("tr", has_text="Le jury 2027 est composé")).to_have_count(0)
    second.refresh_from_db()
    assert second.live

    # Paramètres > Identité du site: a new contact address shows in every footer.
    page.get_by_role("button", name="Paramètres").click()
    page.get_by_role("link", name="Identité du site").click()
    new_address = "presse@territoire-numerique-libre.org"
    page.get_by_role("textbox", name="Adresse de contact").fill(new_address)
    page.get_by_role("button", name=re.compile("^(Enregistrer|Sauvegarder)$")).click()
    expect(page.get_by_role("status").get_by_text("identité du site", exact=False)).to_be_visible()
    page.goto(url + "/")
    expect(page.get_by_role("link", name=new_address)).to_be_visible()
    assert page.console_errors == []
