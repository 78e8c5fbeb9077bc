"""A journalist's visit in Chromium, by clicks only: the press release, the palmarès, a
laureate's page and badge, the open data, a search; nothing embargoed on the way."""

import re

import pytest

from tests.committed_demo import load_committed, same_worker

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    same_worker("site"),
]


@pytest.mark.browser
def test_a_journalist_finds_the_results_and_their_press_release(live_server, page):
    load_committed("site")
    page.goto(live_server.url + "/")
    main = page.locator("main")
    menu = page.get_by_role("navigation", name=re.compile("principal", re.I))

    menu.get_by_role("link", name="Communiqués").click()
    main.get_by_role("link", name=re.compile("2021, les résultats sont là")).click()
    assert "Abbeville" in main.inner_text()

    menu.get_by_role("link", name="Éditions").click()
    main.get_by_role("link", name=re.compile(r"\b2021\b")).first.click()
    assert page.url.endswith("/editions/2021/")
    main.get_by_role("link", name="Abbeville").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Abbeville"
    with page.expect_download() as download:
        main.get_by_role("link", name="Télécharger le badge 2021 (SVG)").click()
    assert download.value.suggested_filename.endswith(".svg")

    page.get_by_role("contentinfo").get_by_role("link", name="Données ouvertes").click()
    with page.expect_download() as download:
        main.get_by_role("link", name=re.compile("CSV")).first.click()
    assert download.value.suggested_filename.endswith(".csv")

    search = page.get_by_role("search").get_by_role("searchbox")
    search.fill("Open Source Experience")
    search.press("Enter")
    main.get_by_role("link", name="Remise des labels à l'Open Source Experience").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Remise des labels")

    # The open édition shows no decision before its results date.
    menu.get_by_role("link", name="Éditions").click()
    main.get_by_role("link", name=re.compile(r"\b2027\b")).first.click()
    assert page.url.endswith("/editions/2027/")
    text = main.inner_text()
    assert "Lauréats" not in text and "Niveau" not in text.replace("Niveaux", "")
    assert page.console_errors == []
