"""The reverse proxy's purge lists (home.purge, editions.purge), one per kind of change, and
the purge requests Wagtail's HTTP backend really sends when a news item is published."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.test import override_settings
from django.utils.encoding import iri_to_uri

from editions.models import Edition
from editions.purge import decision_urls, palmares_urls, purge_palmares
from home.models import NewsPage, PressReleasePage
from home.purge import purge_urls

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    seen = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        PurgeRecorder.seen.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    """A real HTTP server on a free port standing in for nginx's purge location."""
    PurgeRecorder.seen = []
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    location = f"http://127.0.0.1:{server.server_port}"
    backends = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=backends):
        yield PurgeRecorder.seen
    server.shutdown()


def test_news_item_purges_item_index_home_and_feeds(home_page):
    news = NewsPage.objects.live().order_by("-date").first()
    index = news.get_parent().url
    urls = purge_urls(news)
    assert urls[0] == news.url
    assert index in urls
    assert f"{index}?annee={news.date.year}" in urls
    assert [u for u in urls if "?tag=" in u] == [
        f"{index}?tag={tag.slug}" for tag in news.tags.all()
    ]
    assert "/" in urls
    assert {"/flux/actualites.rss", "/flux/actualites.atom", "/sitemap.xml"} <= set(urls)
    assert not any("communiques" in u for u in urls)
    assert len(urls) == len(set(urls))


def test_press_release_purges_its_index_home_and_press_feeds(home_page):
    release = PressReleasePage.objects.live().first()
    urls = purge_urls(release)
    assert urls[:2] == [release.url, release.get_parent().url]
    assert {"/", "/flux/communiques.rss", "/flux/communiques.atom"} <= set(urls)
    assert "/flux/actualites.rss" not in urls


def test_standard_page_purges_itself_and_the_sitemap(home_page):
    from home.models import StandardPage

    page = StandardPage.objects.live().first()
    assert purge_urls(page) == [page.url, "/sitemap.xml"]


def test_publishing_a_news_item_sends_purge_requests_for_its_list(
    home_page, proxy, django_capture_on_commit_callbacks
):
    news = NewsPage.objects.live().first()
    news.title = "Titre corrigé"
    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()
    purged = {path for _host, path in proxy}
    assert {iri_to_uri(url) for url in purge_urls(news)} <= purged
    assert "testserver" in {host for host, _path in proxy}  # WAGTAILADMIN_BASE_URL


def test_palmares_going_live_purges_edition_exports_directory_bodies_badges_home(home_page, demo):
    edition = demo  # the 2021 édition, published
    urls = palmares_urls(edition)
    year = edition.year
    assert urls[:4] == [
        f"/editions/{year}/",
        f"/editions/{year}/resultats.json",
        f"/editions/{year}/resultats.csv",
        "/editions/",
    ]
    assert {"/collectivites/", "/collectivites/carte/", "/donnees/"} <= set(urls)
    assert {"/donnees/resultats.csv", "/donnees/resultats.json", "/"} <= set(urls)
    laureates = edition.results.laureates().select_related("collectivite")
    assert laureates.exists()
    for result in laureates:
        body = result.collectivite
        assert body.get_absolute_url() in urls
        assert f"{body.get_absolute_url()}badge-{year}.svg" in urls
        if body.departement_code:
            assert f"/collectivites/carte/{body.departement_code}/" in urls
    assert len(urls) == len(set(urls))


def test_a_corrected_decision_purges_that_body_even_when_no_longer_laureate(home_page, demo):
    edition = demo
    result = edition.results.laureates().select_related("collectivite").first()
    slug = result.collectivite.slug
    result.level = None
    result.save()
    urls = decision_urls(edition, slug)
    assert f"/collectivites/{slug}/" in urls
    assert f"/collectivites/{slug}/badge-{edition.year}.svg" in urls
    assert f"/editions/{edition.year}/" in urls and "/" in urls


def test_purge_palmares_sends_every_url_to_the_proxy(
    home_page, demo, proxy, django_capture_on_commit_callbacks
):
    edition = Edition.objects.get(pk=demo.pk)
    with django_capture_on_commit_callbacks(execute=True):
        urls = purge_palmares(edition)
    assert {iri_to_uri(url) for url in urls} <= {path for _host, path in proxy}
