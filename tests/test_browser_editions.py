"""The generated public pages of the record pass axe in Chromium and the Nu HTML checker."""

import pytest
from django.core.cache import cache

from tests.browser import axe_violations, html_errors

PAGES = [
    "/editions/",
    "/editions/2021/",
    "/editions/2027/",
    "/collectivites/",
    "/collectivites/?type=planete&q=Ly",
    "/collectivites/mions/",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_record_pages_pass_axe(live_server, page):
    from editions.demo import load

    cache.clear()
    load()
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
