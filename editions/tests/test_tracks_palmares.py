"""The palmarès of an édition with two application tracks (2025 scheme): badges apart from
labels, at a cost in queries that does not grow with the laureates."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editions.factories import edition_with_results
from editions.models import ApplicationTrack

pytestmark = pytest.mark.django_db


def with_tracks(edition):
    levels = {level.number: level for level in edition.levels.all()}
    for order, (slug, name, numbers) in enumerate(
        [("badge", "Badge", [1]), ("label", "Label", [2, 3, 4, 5])]
    ):
        track = ApplicationTrack(edition=edition, slug=slug, name=name, sort_order=order)
        track.levels = [levels[n] for n in numbers]
        track.save()
    return edition


def page(client, year):
    cache.clear()  # the uncached path, the one that could grow
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/editions/{year}/")
    assert response.status_code == 200
    return response.content.decode(), len(queries.captured_queries)


def test_badges_and_labels_apart_with_flat_query_counts(client):
    client.get("/editions/")  # the site's settings rows are created once, by the first page
    with_tracks(edition_with_results(2040, 8, levels=(1, 2, 3, 4)))
    small, small_count = page(client, 2040)
    with_tracks(edition_with_results(2041, 200, levels=(1, 2, 3, 4)))
    large, large_count = page(client, 2041)
    assert small_count == large_count, (small_count, large_count)
    edition_with_results(2042, 8, levels=(1, 2, 3, 4))  # the same without tracks
    plain, plain_count = page(client, 2042)
    assert small_count <= plain_count + 2  # the tracks and their levels: two queries

    badge = small.index("Les lauréats du parcours Badge")
    label = small.index("Les lauréats du parcours Label")
    assert badge < label
    # Organismes 0 and 4 got level 1 (the Badge), 1 got level 2: each under its track only.
    badge_part, label_part = small[badge:label], small[label:]
    assert "Organisme 2040-0<" in badge_part and "Organisme 2040-4<" in badge_part
    assert "Organisme 2040-1<" in label_part and "Organisme 2040-1<" not in badge_part
    assert "Organisme 2040-0<" not in label_part
    assert 'data-track="badge"' in small and "Les lauréats par niveau" not in small
    assert "Les lauréats par niveau" in plain and "parcours Badge" not in plain
