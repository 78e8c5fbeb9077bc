"""The home page (home app) calls the current édition's call to action (editions app)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from editions.models import Edition

pytestmark = pytest.mark.django_db


def test_home_page_invites_to_apply_while_an_edition_is_open(client, home_page):
    now = timezone.now()
    Edition.objects.create(
        year=2027,
        ordinal=12,
        call_opens_at=now - timedelta(days=10),
        deadline=now + timedelta(days=60),
        results_published_at=now + timedelta(days=120),
    )
    html = client.get("/").content.decode()
    assert "Les candidatures 2027 sont ouvertes" in html
    assert 'href="/espace-candidat/"' in html and "Déposer un dossier" in html


def test_home_page_points_to_the_latest_results_when_no_edition_is_open(client, home_page):
    now = timezone.now()
    Edition.objects.create(year=2021, ordinal=6, results_published_at=now - timedelta(days=300))
    html = client.get("/").content.decode()
    assert "Les candidatures" not in html
    assert "Découvrir le palmarès 2021" in html and 'href="/editions/2021/"' in html
