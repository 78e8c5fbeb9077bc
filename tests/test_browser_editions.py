"""The generated public pages of the record pass axe in Chromium and the Nu HTML checker."""

import re

import pytest
from django.core.cache import cache

from tests.browser import axe_violations, html_errors
from tests.committed_demo import load_committed

PAGES = [
    "/editions/",
    "/editions/2021/",
    "/editions/2027/",
    "/collectivites/",
    "/collectivites/?type=planete&q=Ly",
    "/collectivites/mions/",
    "/collectivites/carte/",
    "/collectivites/carte/?edition=2025&niveau=Or",
    "/collectivites/carte/38/",
    "/collectivites/carte/?edition=1999",
    "/donnees/",
    "/editions/2025/",
    "/collectivites/collectivite-de-demonstration-60/",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_record_pages_pass_axe(live_server, page):
    cache.clear()
    load_committed("editions")
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("h1").first.is_visible()
        violations = axe_violations(page)
        assert violations == [], (path, violations)
    assert page.console_errors == [], page.console_errors


@pytest.mark.django_db
def test_public_record_pages_are_valid_html(client):
    from editions.demo import load

    cache.clear()
    load()
    for path in PAGES:
        errors = html_errors(client.get(path).content.decode())
        assert errors == [], (path, errors)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_visitor_finds_laureates_on_the_map(live_server, page):
    """Filter by clicking links, open a body from its point, a département from its shape."""
    cache.clear()
    load_committed("editions")
    page.goto(live_server.url + "/collectivites/")
    page.get_by_role("link", name="Voir les lauréats sur la carte").click()
    page.get_by_role("navigation", name="Filtrer par édition").get_by_role(
        "link", name="2025"
    ).click()
    page.get_by_role("navigation", name="Filtrer par niveau").get_by_role("link", name="Or").click()
    assert page.url.endswith("/collectivites/carte/?edition=2025&niveau=Or")
    assert page.get_by_role("status").first.inner_text().startswith("3 organismes labellisés")
    page.get_by_role("link", name="Boé : Or en 2025 (Lot-et-Garonne)").click()
    assert page.url.endswith("/collectivites/boe/")
    assert page.get_by_role("heading", level=1).inner_text() == "Boé"
    page.go_back()
    page.get_by_role("link", name=re.compile(r"^Isère : \d+ lauréats?$")).click()
    assert "/collectivites/carte/38/?edition=2025&niveau=Or" in page.url
    table = page.get_by_role("table")
    assert "Échirolles" in table.inner_text() and "La Tronche" not in table.inner_text()
    page.get_by_role("link", name="Retour à la carte").click()
    assert page.url.endswith("/collectivites/carte/?edition=2025&niveau=Or")
    # The keyboard reaches the points: a focused point shows its focus ring.
    point = page.get_by_role("link", name="Échirolles : Or en 2025 (Isère)")
    point.focus()
    assert point.evaluate("el => el.matches(':focus')")
    assert page.console_errors == [], page.console_errors
