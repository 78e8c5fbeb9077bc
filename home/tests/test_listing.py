"""Index pages paginate and filter by year and tag; bad input gives a message, never a 500."""

import datetime

import pytest

from home.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_news(news_index):
    for number in range(12):
        NewsPageFactory(
            parent=news_index,
            title=f"Nouvelle numéro {number:02d}",
            date=datetime.date(2030, 1, 1) + datetime.timedelta(days=number),
        )
    return news_index


def titles(response):
    return [item.title for item in response.context["listing"].page_obj.object_list]


def test_news_index_paginates_ten_per_page(client, many_news):
    first = client.get("/actualites/")
    assert first.status_code == 200
    assert len(titles(first)) == 10
    assert titles(first)[0] == "Nouvelle numéro 11"  # newest first
    assert 'rel="next"' in first.content.decode()
    second = client.get("/actualites/?page=2")
    assert len(titles(second)) == 7  # 17 news: 12 here + 5 from the demo
    assert set(titles(first)).isdisjoint(titles(second))


@pytest.mark.parametrize("bad_page", ["999", "-1", "abc", "2.5", "", "%00"])
def test_bad_page_numbers_never_fail(client, many_news, bad_page):
    response = client.get(f"/actualites/?page={bad_page}")
    assert response.status_code == 200
    assert len(titles(response)) in (7, 10)


def test_filter_by_year_keeps_the_filter_in_pagination(client, many_news):
    response = client.get("/actualites/?annee=2021")
    assert response.status_code == 200
    assert titles(response) == [
        "Remise des labels à l'Open Source Experience",
        "Le jury 2021 s'est réuni",
        "Les candidatures 2021 sont ouvertes",
    ]
    assert '<option value="2021" selected>' in response.content.decode()
    big = client.get("/actualites/?annee=2030&page=2")
    assert len(titles(big)) == 2
    assert "annee=2030&amp;page=1" in big.content.decode()


def test_filter_by_tag(client, news_index):
    response = client.get("/actualites/?tag=jury")
    assert response.status_code == 200
    assert titles(response) == ["Le jury 2021 s'est réuni"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("annee=deux-mille", "L&#x27;année « deux-mille » n&#x27;est pas valide."),
        ("annee=0000", "L&#x27;année « 0000 » n&#x27;est pas valide."),
        ("annee=²²²²", "L&#x27;année « ²²²² » n&#x27;est pas valide."),
        ("tag=inconnu", "Le mot-clé « inconnu » n&#x27;existe pas."),
    ],
)
def test_bad_filters_answer_400_with_a_french_message(client, news_index, query, message):
    response = client.get(f"/actualites/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(titles(response)) == 5  # the unknown filter is ignored, the list stays


def test_press_release_index_filters_by_year(client, press_index):
    assert len(titles(client.get("/communiques/?annee=2021"))) == 1
    empty = client.get("/communiques/?annee=1999")
    assert empty.status_code == 200
    assert "Aucun communiqué ne correspond à ces critères." in empty.content.decode()


def test_listing_query_count_does_not_grow_with_the_number_of_items(
    client, news_index, django_assert_max_num_queries
):
    client.get("/actualites/")  # warm the renditions of the demo images
    with django_assert_max_num_queries(40) as few:
        client.get("/actualites/")
    for number in range(5):
        NewsPageFactory(parent=news_index, title=f"En plus {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/actualites/")
