"""The editorial pages in real Chromium: axe finds nothing at 320 px and 1280 px, valid HTML."""

import pytest

from tests.browser import axe_violations, html_errors

PAGES = [
    "/",
    "/reglement/",
    "/faq/",
    "/actualites/",
    "/actualites/ceremonie-2021/",
    "/communiques/resultats-territoire-numerique-libre-2021/",
    "/recherche/?q=label",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [320, 1280])
def test_editorial_pages_pass_axe_without_console_errors(live_server, page, width):
    from home.demo import load

    load()
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
    from home.demo import load

    load()
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
    from home.demo import load

    load()
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
