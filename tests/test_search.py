"""Site search (home.search): pages, the record's bodies and éditions, query counts that stay
flat, brief caching of identical anonymous queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editions.models import Collectivite, Result
from home.factories import NewsPageFactory
from home.models import NewsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, demo):
    return demo


def search_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    full_text = [q["sql"] for q in queries.captured_queries if "wagtailsearch" in q["sql"]]
    return response, len(queries.captured_queries), full_text


def test_a_labelled_body_is_found_by_its_name(client, site):
    body = Collectivite.objects.get(
        pk=Result.objects.public().laureates().values("collectivite")[:1]
    )
    response = client.get("/recherche/", {"q": body.name})
    assert body.get_absolute_url() in [hit["url"] for hit in response.context["record_hits"]]
    assert body.get_absolute_url() in response.content.decode()


def test_abbeville_finds_its_page(client, site):
    abbeville = Collectivite.objects.filter(name="Abbeville").first()
    assert abbeville is not None and Result.objects.public().filter(collectivite=abbeville)
    response = client.get("/recherche/?q=abbeville")
    assert abbeville.get_absolute_url() in [h["url"] for h in response.context["record_hits"]]


def test_an_edition_is_found_by_its_year(client, site):
    response = client.get(f"/recherche/?q=label+{site.year}")
    assert f"/editions/{site.year}/" in [hit["url"] for hit in response.context["record_hits"]]


def test_query_count_stays_flat_with_more_results(client, site):
    index = NewsIndexPage.objects.get()
    NewsPageFactory(parent=index, title="Mutualisation seule")
    _r, few, _ft = search_queries(client, "/recherche/?q=Mutualisation")
    for number in range(30):
        NewsPageFactory(parent=index, title=f"Mutualisation exemplaire {number}")
    cache.clear()  # the first answer is cached for anonymous visitors
    response, many, full_text = search_queries(client, "/recherche/?q=Mutualisation")
    assert len(response.context["page_obj"].object_list) == 10
    # One query per page type shown (specific()), never one per result: no growth.
    assert many <= few
    # One full-text query over the pages, one over the bodies: never one per result or count.
    assert len(full_text) <= 2


def test_identical_anonymous_query_is_served_from_cache(client, site):
    _r, first, first_text = search_queries(client, "/recherche/?q=libre")
    response, again, again_text = search_queries(client, "/recherche/?q=libre")
    assert again_text == [] and again < first
    assert response["Cache-Control"].startswith("public")


def test_accents_are_folded(client, site):
    # PostgreSQL: french_unaccent (home migration 0009); SQLite: FTS5's unicode61 tokenizer.
    response = client.get("/recherche/?q=criteres+evaluation")
    assert "/criteres/" in [page.url for page in response.context["page_obj"].object_list]
