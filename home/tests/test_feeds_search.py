"""Feeds (parsed with feedparser), search, robots.txt."""

import feedparser
import pytest

from home.demo import press_release_2021
from home.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return feedparser.parse(response.content)


@pytest.mark.parametrize("url", ["/flux/actualites.rss", "/flux/actualites.atom"])
def test_news_feeds_list_the_news(client, home_page, url):
    feed = parse(client, url)
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Une grille d'évaluation plus juste en 2024"
    assert "Les candidatures 2021 sont ouvertes" in titles
    assert feed.entries[0].link == "http://testserver/actualites/nouvelle-grille-2024/"
    assert feed.feed.link.endswith("/actualites/")


@pytest.mark.parametrize("url", ["/flux/communiques.rss", "/flux/communiques.atom"])
def test_press_release_feeds_list_the_press_releases(client, home_page, url):
    feed = parse(client, url)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == [press_release_2021.TITLE]
    assert "Territoires Numériques Libres" in press_release_2021.TITLE
    assert feed.entries[0].published_parsed.tm_year == 2021


def test_feeds_leave_out_drafts(client, news_index):
    NewsPageFactory(parent=news_index, title="Brouillon pas encore publié", live=False)
    feed = parse(client, "/flux/actualites.rss")
    assert "Brouillon pas encore publié" not in [e.title for e in feed.entries]


def test_every_page_announces_the_feeds(client, home_page):
    for url in ["/", "/faq/", "/actualites/", "/recherche/?q=label"]:
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/flux/communiques.atom"' in html


def test_search_finds_the_press_release_by_a_word_of_its_body(client, home_page):
    response = client.get("/recherche/?q=Lettret")
    assert response.status_code == 200
    results = list(response.context["page_obj"].object_list)
    assert "/communiques/resultats-territoire-numerique-libre-2021/" in [r.url for r in results]


def test_search_without_query_explains_what_to_do(client, home_page):
    for url in ["/recherche/", "/recherche/?q=", "/recherche/?q=%20%20"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Saisissez un ou plusieurs mots" in response.content.decode()


def test_search_with_no_result_and_odd_input_does_not_fail(client, home_page):
    for query in ["zzzyyyxxx", "a" * 1000, '"unbalanced', "AND OR NOT", "(*)"]:
        response = client.get("/recherche/", {"q": query, "page": "abc"})
        assert response.status_code == 200


def test_search_paginates(client, news_index):
    for number in range(12):
        NewsPageFactory(parent=news_index, title=f"Mutualisation exemplaire {number}")
    first = client.get("/recherche/?q=Mutualisation")
    assert first.context["page_obj"].paginator.count >= 12
    assert len(first.context["page_obj"].object_list) == 10
    assert "q=Mutualisation&amp;page=2" in first.content.decode()
    last = client.get("/recherche/?q=Mutualisation&page=99")
    assert last.status_code == 200


def test_search_leaves_out_drafts(client, news_index):
    NewsPageFactory(parent=news_index, title="Orthogonalité brouillon", live=False)
    response = client.get("/recherche/?q=Orthogonalité")
    assert response.context["page_obj"].paginator.count == 0


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
