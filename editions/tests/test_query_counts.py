"""The results page, the exports and the directory cost the same number of queries whatever the
number of candidatures (10 or 300): no per-row query."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editions.factories import edition_with_results

pytestmark = pytest.mark.django_db

URLS = [
    "/editions/{year}/",
    "/editions/{year}/resultats.json",
    "/editions/{year}/resultats.csv",
    "/editions/",
    "/collectivites/",
    "/collectivites/?edition={year}&niveau=Niveau+3&type=commune&region=Occitanie&q=Org",
    "/collectivites/carte/",
    "/collectivites/carte/?edition={year}&niveau=Niveau+3",
    "/collectivites/carte/34/",
    "/donnees/",
    "/donnees/resultats.csv",
    "/donnees/resultats.json",
]


def count_queries(client, url):
    cache.clear()  # measure the uncached path, the one that could grow with data
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_candidatures(client):
    client.get("/editions/")  # the site's settings rows are created once, by the first page
    edition_with_results(2040, 10)
    small = {url: count_queries(client, url.format(year=2040)) for url in URLS}
    edition_with_results(2041, 300)
    large = {url: count_queries(client, url.format(year=2041)) for url in URLS}
    assert small == large
    # And they stay small (5 of them are the site chrome: site, menus, settings, all uncached here).
    assert max(small.values()) <= 15, small


def test_cached_results_cost_one_query(client, django_assert_num_queries):
    edition_with_results(2040, 30)
    client.get("/editions/2040/resultats.json")
    with django_assert_num_queries(1):  # the édition itself (its embargo date is always read)
        client.get("/editions/2040/resultats.json")
