"""Cached results never go stale: a change bumps the version and purges the proxy's URLs."""

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from editions.factories import CollectiviteFactory, edition_with_results
from editions.models import Level, Result

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A front-end cache backend that notes what it is asked to purge (a stand-in proxy)."""

    def purge(self, url):
        PURGED.append(url)


def test_a_new_result_purges_the_edition_urls(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "editions.tests.test_cache.RecordingBackend"}
    }
    PURGED.clear()
    edition = edition_with_results(2034, 2)
    with django_capture_on_commit_callbacks(execute=True):
        Result.objects.create(
            edition=edition,
            collectivite=CollectiviteFactory(slug="nouvelle"),
            level=Level.objects.get(edition=edition, number=3),
        )
    for path in [
        "/editions/",
        "/editions/2034/",
        "/editions/2034/resultats.json",
        "/editions/2034/resultats.csv",
        "/collectivites/",
        "/collectivites/nouvelle/",
    ]:
        assert "http://testserver" + path in PURGED


def test_without_a_proxy_nothing_breaks(client, django_capture_on_commit_callbacks):
    edition = edition_with_results(2035, 2)
    client.get("/editions/2035/")
    with django_capture_on_commit_callbacks(execute=True):
        Result.objects.filter(edition=edition).first().delete()
    assert "1 candidature a été déposée" in client.get("/editions/2035/").content.decode()


def test_changing_a_level_name_shows_on_the_cached_page(client):
    edition = edition_with_results(2036, 3)
    assert "Niveau 3" in client.get("/editions/2036/").content.decode()
    level = Level.objects.get(edition=edition, number=3)
    level.name = "Argent"
    level.save()
    assert "Argent" in client.get("/editions/2036/").content.decode()
