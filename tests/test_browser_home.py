import pytest

from tests.browser import axe_violations
from tests.committed_demo import load_committed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_loads_without_console_error_and_passes_axe(live_server, page):
    load_committed("home")
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").first.is_visible()
    assert page.console_errors == []
    assert axe_violations(page) == []


@pytest.mark.django_db
def test_home_page_is_valid_html(client, home_page):
    from tests.browser import html_errors

    response = client.get("/")
    assert response.status_code == 200
    assert html_errors(response.content.decode()) == []
