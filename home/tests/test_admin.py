"""The admin screens of the editorial side open for the people who use them."""

import pytest
from django.urls import reverse

from home import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    return client


def test_add_forms_of_every_page_type_open(admin_client, home_page, news_index, press_index):
    for model, parent in [
        ("standardpage", home_page),
        ("newsindexpage", home_page),
        ("newspage", news_index),
        ("pressreleasepage", press_index),
    ]:
        url = reverse("wagtailadmin_pages:add", args=("home", model, parent.pk))
        response = admin_client.get(url)
        # Index pages are limited to one: the add form refuses a second one.
        assert response.status_code in (200, 302, 403), model
    for page in [home_page, news_index.get_children().first(), press_index.get_children().first()]:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200


def test_settings_and_snippets_screens_open(admin_client, home_page):
    site_id = home_page.get_site().pk
    for model in ["siteidentity", "navigation"]:
        url = reverse("wagtailsettings:edit", args=("home", model, site_id))
        response = admin_client.get(url)
        assert response.status_code == 200, model
    response = admin_client.get(reverse("wagtailsnippets_home_presscontact:list"))
    assert response.status_code == 200
    assert "Camille TILLATTE" in response.content.decode()


def test_applicants_have_no_admin_access(client, home_page, django_user_model):
    candidate = django_user_model.objects.get(username="candidat")
    assert candidate.groups.filter(name=roles.APPLICANTS).exists()
    client.force_login(candidate)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_editor_cannot_change_site_settings(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.get(username="redacteur"))
    assert client.get("/admin/").status_code == 200
    url = reverse("wagtailsettings:edit", args=("home", "siteidentity", home_page.get_site().pk))
    response = client.get(url)
    assert response.status_code in (302, 403)
