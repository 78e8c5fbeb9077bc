import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_approve_from_editor(live_server, page):
    import datetime
    from django.contrib.auth import get_user_model
    from home.demo import load
    from home.models import NewsIndexPage, NewsPage

    load()
    redacteur = get_user_model().objects.get(username="redacteur")
    index = NewsIndexPage.objects.get()
    news = index.add_child(instance=NewsPage(title="Une nouvelle à valider", slug="a-valider",
        date=datetime.date(2026, 3, 2), intro="Chapô.", live=False))
    news.save_revision(user=redacteur)
    news.get_workflow().start(news, redacteur)

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "communication")
    page.fill("#id_password", "demo-tnl")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + f"/admin/pages/{news.pk}/edit/")
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.screenshot(path="/tmp/comms/editor.png")
    page.get_by_role("button", name="Approuver", exact=True).click()
    page.wait_for_load_state()
    news.refresh_from_db()
    assert news.live
