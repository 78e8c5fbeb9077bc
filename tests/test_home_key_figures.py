"""The home page's key figures come from the record of the latest published édition.

In the demo that is 2025 (13 candidatures, four mentions); 2027 is still under embargo.
"""

from datetime import timedelta

import pytest
from django.db import reset_queries
from django.utils import timezone

from editions.models import Collectivite, Edition, Result
from home.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_page")]  # with `demo`


def figures(html):
    start = html.index('class="key-figures__list"')
    return html[start : html.index("</ul>", start)]


def test_home_page_shows_the_figures_of_the_latest_published_edition(client, demo):
    html = figures(client.get("/").content.decode())
    assert '<span class="key-figures__value">13</span> <span class="key-figures__label">' in html
    assert "candidatures en 2025" in html
    assert '<span class="key-figures__value">4</span>' in html
    assert "mentions spéciales décernées en 2025" in html
    assert "première édition du label" in html  # a typed figure stays


def test_a_new_result_in_the_record_changes_the_figure(client, demo):
    edition = Edition.objects.get(year=2025)
    body = Collectivite.objects.create(name="Collectivité de démonstration 900", kind="commune")
    Result.objects.create(edition=edition, collectivite=body, level=None)
    html = figures(client.get("/").content.decode())
    assert '<span class="key-figures__value">14</span>' in html


def test_comms_staff_reword_the_figures(client, demo):
    home = HomePage.objects.get()
    home.candidatures_figure_label = "dossiers examinés par le jury {année}"
    home.mentions_figure_label = "coups de cœur du jury"
    home.save_revision().publish()
    html = figures(client.get("/").content.decode())
    assert "dossiers examinés par le jury 2025" in html
    assert "coups de cœur du jury" in html
    assert "candidatures en 2025" not in html
    assert '<span class="key-figures__value">13</span>' in html


def test_an_embargoed_edition_gives_no_figures(client, demo):
    """2027's results date has not passed: its figures stay out, 2025's are shown."""
    now = timezone.now()
    edition = Edition.objects.get(year=2027)
    edition.results_published_at = now + timedelta(days=3)
    edition.save()
    edition.add_default_levels()
    level = edition.levels.get(number=5)
    for n in range(40):
        body = Collectivite.objects.create(
            name=f"Collectivité de démonstration {700 + n}", kind="commune"
        )
        Result.objects.create(edition=edition, collectivite=body, level=level)
    html = figures(client.get("/").content.decode())
    assert "candidatures en 2025" in html
    assert "2027" not in html and '<span class="key-figures__value">40</span>' not in html


def test_no_figures_while_every_edition_is_embargoed(client, home_page):
    Edition.objects.create(
        year=2030, ordinal=15, results_published_at=timezone.now() + timedelta(days=30)
    )
    html = figures(client.get("/").content.decode())
    assert "candidatures en" not in html and "mentions spéciales" not in html


def test_home_page_queries_do_not_grow_with_the_record(client, demo, django_assert_max_num_queries):
    client.get("/")  # the record is now cached
    reset_queries()  # the demo filled the query log (9000 entries): measure from empty
    with django_assert_max_num_queries(40) as few:
        client.get("/")
    baseline = len(few.captured_queries)
    edition = Edition.objects.get(year=2025)
    level = edition.levels.order_by("number").last()
    for n in range(30):
        body = Collectivite.objects.create(
            name=f"Collectivité de démonstration {800 + n}", kind="commune"
        )
        Result.objects.create(edition=edition, collectivite=body, level=level)
    client.get("/")  # rebuilt once after the change, in a fixed number of queries
    reset_queries()
    with django_assert_max_num_queries(baseline):
        html = client.get("/").content.decode()
    assert '<span class="key-figures__value">43</span>' in figures(html)
