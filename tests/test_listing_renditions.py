"""Cards' renditions are prefetched (home.models.dated.CARD_RENDITIONS): the query count of a
listing stays flat as cards with images are added, and only WebP + JPEG are served."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from home.factories import NewsPageFactory
from home.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def warm_count(client, url):
    client.get(url)  # renditions are created at the first render
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_cards_with_images_cost_the_same_queries_however_many(client, home_page):
    index = NewsIndexPage.objects.get()
    image = get_image_model().objects.first()
    assert image is not None
    NewsPageFactory(parent=index, title="Avec image 0", image=image)
    few, _html = warm_count(client, "/actualites/")
    for number in range(1, 9):
        NewsPageFactory(parent=index, title=f"Avec image {number}", image=image)
    many, html = warm_count(client, "/actualites/")
    assert html.count('class="card__image"') >= 9
    assert many <= few


def test_cards_offer_webp_with_a_jpeg_fallback_only(client, home_page):
    index = NewsIndexPage.objects.get()
    NewsPageFactory(parent=index, title="Format", image=get_image_model().objects.first())
    html = client.get("/actualites/").content.decode()
    assert 'type="image/webp"' in html
    assert "image/avif" not in html
