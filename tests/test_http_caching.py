"""Cache headers per kind of page (home.caching): public for anonymous readers, never shared
for anything personal; an anonymous visit neither creates nor reads a session."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.test import override_settings

from editions.models import Collectivite, Result
from home.models import NewsPage
from home.roles import APPLICANTS, EDITORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, demo):
    return home_page


def labelled_body():
    return Collectivite.objects.get(
        pk=Result.objects.public().laureates().values("collectivite")[:1]
    )


def public_urls():
    news = NewsPage.objects.live().first()
    year = Result.objects.public().values_list("edition__year", flat=True).first()
    return [
        "/",
        "/actualites/",
        news.url,
        "/editions/",
        f"/editions/{year}/",
        f"/editions/{year}/resultats.json",
        f"/editions/{year}/resultats.csv",
        "/collectivites/",
        labelled_body().get_absolute_url(),
        "/recherche/?q=libre",
        "/flux/actualites.rss",
        "/donnees/",
    ]


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="pw-test-123456")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def assert_never_shared(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control, cache_control
    assert "public" not in cache_control and "s-maxage" not in cache_control


def test_anonymous_public_pages_and_exports_are_shared_cacheable(client, site):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert cache_control.startswith("public"), (url, cache_control)
        assert "max-age=60" in cache_control and "s-maxage=600" in cache_control, url
        assert response.has_header("ETag"), url
        assert "Cookie" not in response.get("Vary", ""), (url, response.get("Vary"))
        assert "Accept-Language" not in response.get("Vary", ""), url
        assert not response.cookies, (url, list(response.cookies))


def test_anonymous_visits_neither_create_nor_read_a_session(client, site):
    before = Session.objects.count()
    for url in public_urls():
        response = client.get(url)
        assert response.wsgi_request.session.accessed is False, url
    assert Session.objects.count() == before
    assert "sessionid" not in client.cookies


def test_if_none_match_answers_304_without_body(client, site):
    for url in ["/", "/editions/", "/collectivites/"]:
        etag = client.get(url)["ETag"]
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304, url
        assert again.content == b""
        assert client.get(url, headers={"If-None-Match": '"autre"'}).status_code == 200


def test_html_is_gzipped_for_browsers_that_accept_it(client, site):
    response = client.get("/", headers={"Accept-Encoding": "gzip, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    # A 304 still matches the compressed copy's (weak) ETag.
    etag = response["ETag"]
    again = client.get("/", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304


def test_a_logged_in_reader_gets_private_pages(client, site, django_user_model):
    client.force_login(user_in(django_user_model, APPLICANTS, "candidate"))
    for url in ["/", "/editions/", labelled_body().get_absolute_url()]:
        response = client.get(url)
        assert_never_shared(response)
        assert "Cookie" in response["Vary"]


def test_applicant_space_accounts_admin_never_shared(client, site, django_user_model):
    for url in ["/espace-candidat/", "/compte/connexion/", "/compte/inscription/", "/admin/"]:
        assert_never_shared(client.get(url))
    client.force_login(user_in(django_user_model, APPLICANTS, "candidate"))
    assert_never_shared(client.get("/espace-candidat/"))


def test_editor_admin_and_preview_never_shared(client, site, django_user_model):
    client.force_login(user_in(django_user_model, EDITORS, "writer"))
    news = NewsPage.objects.live().first()
    assert_never_shared(client.get(f"/admin/pages/{news.pk}/edit/"))
    preview = f"/admin/pages/{news.pk}/edit/preview/"
    assert_never_shared(client.get(preview))


def test_forms_with_csrf_tokens_and_posts_never_shared(client, site):
    contact = client.get("/contact/")
    assert contact.status_code == 200
    assert_never_shared(contact)
    assert "csrftoken" in contact.cookies
    posted = client.post("/contact/", {})
    assert_never_shared(posted)


def test_health_check_is_never_cached(client, db):
    assert_never_shared(client.get("/sante/"))


def test_only_the_stylesheet_blocks_the_first_paint(client, site):
    """The menu folds by CSS (``@media (scripting: enabled)``), so no blocking script is needed
    in <head> to set a ``js`` class before the first paint (Lighthouse's render-blocking)."""
    html = client.get("/").content.decode()
    head = html.split("</head>", 1)[0]
    scripts = re.findall(r"<script\b[^>]*>", head)
    assert scripts and all(" defer" in tag or " async" in tag for tag in scripts), scripts
    assert "<script>" not in head  # nothing inline: the public CSP is 'self' only
    assert len(re.findall(r'rel="stylesheet"', head)) == 1


@override_settings(
    SECURITY_2FA_REQUIRED=True,
    SECURITY_ADMIN_SESSION_IDLE=2 * 3600,
    SECURITY_ADMIN_SESSION_MAX_AGE=12 * 3600,
    AXES_ENABLED=True,
)
def test_production_security_middleware_keeps_anonymous_pages_public(client, site):
    """The second factor and admin session limits ask request.user on every request: without a
    session cookie that reads no session, so pages stay public (production settings)."""
    for url in public_urls():
        response = client.get(url)
        assert response["Cache-Control"].startswith("public"), url
        assert "Cookie" not in response.get("Vary", ""), url
        assert response.wsgi_request.session.accessed is False, url
