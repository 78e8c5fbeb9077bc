"""A candidature's published decision becomes the public record at once (editions.Result)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from candidatures.models import Candidature, CandidatureMention
from editions.factories import CollectiviteFactory, EditionFactory, edition_with_results
from editions.models import Level, MentionType, Result

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def make_candidature(edition, name="Villeneuve-du-Libre", number=4):
    mention = MentionType.objects.create(edition=edition, name="Meilleure continuité")
    candidature = Candidature.objects.create(
        edition=edition,
        collectivite=CollectiviteFactory(name=name),
        decision_level=Level.objects.get(edition=edition, number=number),
        public_comment="Une politique exemplaire.",
    )
    candidature.mentions = [CandidatureMention(mention_type=mention, citation="Bravo.")]
    return candidature


def test_publishing_a_decision_writes_the_public_record():
    edition = EditionFactory(year=2031)
    candidature = make_candidature(edition)
    candidature.save_revision().publish()
    result = Result.objects.get(edition=edition, collectivite=candidature.collectivite)
    assert result.level.number == 4
    assert result.public_comment == "Une politique exemplaire."
    assert [(a.mention_type.name, a.citation) for a in result.mentions.all()] == [
        ("Meilleure continuité", "Bravo.")
    ]
    # Publishing a changed decision rewrites the same row.
    candidature.decision_level = Level.objects.get(edition=edition, number=5)
    candidature.mentions = []
    candidature.save_revision().publish()
    result.refresh_from_db()
    assert result.level.number == 5 and not result.mentions.exists()
    # Unpublishing removes it.
    candidature.unpublish()
    assert not Result.objects.filter(pk=result.pk).exists()


def test_embargo_still_applies_to_a_published_decision(client):
    edition = EditionFactory(year=2032, results_published_at=timezone.now() + dt.timedelta(days=1))
    candidature = make_candidature(edition, name="Bourg-Discret")
    candidature.save_revision().publish()
    assert Result.objects.filter(edition=edition).exists()
    assert "Bourg-Discret" not in client.get("/editions/2032/").content.decode()
    assert "summary" not in client.get("/editions/2032/resultats.json").json()
    assert client.get(candidature.collectivite.get_absolute_url()).status_code == 404


def test_a_newly_published_decision_shows_at_once_on_every_page_and_export(client):
    edition = edition_with_results(2033, 5)
    urls = ["/editions/2033/", "/editions/2033/resultats.json", "/editions/2033/resultats.csv"]
    for url in urls:  # fill the cache
        assert "Villeneuve-du-Libre" not in client.get(url).content.decode()
    assert client.get("/editions/2033/resultats.json").json()["summary"]["laureates"] == 5
    make_candidature(edition).save_revision().publish()
    for url in [*urls, "/collectivites/"]:
        assert "Villeneuve-du-Libre" in client.get(url).content.decode()
    data = client.get("/editions/2033/resultats.json").json()
    assert data["summary"]["laureates"] == 6
    assert ("Meilleure continuité", "Villeneuve-du-Libre") in [
        (m["title"], m["laureate"]) for m in data["mentions"]
    ]
    assert ">6<" in client.get("/editions/").content.decode()
