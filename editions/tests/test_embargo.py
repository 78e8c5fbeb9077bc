"""Before an édition's results publication date, no decision shows anywhere public."""

import datetime as dt

import pytest
from django.utils import timezone

from editions.factories import CollectiviteFactory, EditionFactory, ResultFactory
from editions.models import Edition, Level, MentionAward, MentionType

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    public = EditionFactory(year=2029)
    secret = EditionFactory(year=2030, results_published_at=timezone.now() + dt.timedelta(days=3))
    hidden = CollectiviteFactory(name="Villesecrète", slug="villesecrete", region="Corse")
    mixed = CollectiviteFactory(name="Bourgmixte", slug="bourgmixte")
    ResultFactory(
        edition=secret, collectivite=hidden, level=Level.objects.get(edition=secret, number=5)
    )
    ResultFactory(
        edition=public, collectivite=mixed, level=Level.objects.get(edition=public, number=2)
    )
    result = ResultFactory(
        edition=secret, collectivite=mixed, level=Level.objects.get(edition=secret, number=5)
    )
    MentionAward.objects.create(
        result=result,
        mention_type=MentionType.objects.create(edition=secret, name="Mention du secret"),
        citation="Citation confidentielle",
    )
    return secret


SECRETS = [
    "Villesecrète",
    "villesecrete",
    "Niveau 5 en 2030",
    "badge-2030",
    "Mention du secret",
    "confidentielle",
]


def assert_no_secret(text):
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize(
    "url",
    [
        "/editions/",
        "/editions/2030/",
        "/editions/2030/resultats.json",
        "/editions/2030/resultats.csv",
        "/collectivites/",
        "/collectivites/?edition=2030",
        "/collectivites/?niveau=Niveau+5",
        "/collectivites/?region=Corse",
        "/collectivites/?q=secr",
        "/collectivites/bourgmixte/",
        "/collectivites/carte/",
        "/collectivites/carte/?edition=2030",
        "/collectivites/carte/?niveau=Niveau+5",
        "/collectivites/carte/34/",
        "/collectivites/carte/34/?edition=2030",
        "/donnees/",
        "/donnees/resultats.csv",
        "/donnees/resultats.json",
        "/sitemap.xml",
    ],
)
def test_public_urls_hide_embargoed_decisions(client, embargoed, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_no_secret(response.content.decode())


@pytest.mark.parametrize(
    "url",
    [
        "/collectivites/villesecrete/",
        "/collectivites/villesecrete/badge-2030.svg",
        "/collectivites/bourgmixte/badge-2030.svg",
    ],
)
def test_embargoed_only_pages_are_not_found(client, embargoed, url):
    assert client.get(url).status_code == 404


def test_json_before_publication_has_only_the_edition_block(client, embargoed):
    data = client.get("/editions/2030/resultats.json").json()
    assert set(data) == {"edition", "license"}
    assert data["edition"]["year"] == 2030


def test_csv_before_publication_has_only_its_header(client, embargoed):
    lines = client.get("/editions/2030/resultats.csv").content.decode().splitlines()
    assert lines == [
        "name,slug,kind,insee_code,siren,departement,region,population,population_year,"
        "level,level_name,participation,url"
    ]


def test_edition_page_announces_the_publication_date(client, embargoed):
    html = client.get("/editions/2030/").content.decode()
    assert "Le palmarès sera publié le" in html
    assert "candidatures ont été déposées" not in html


def test_results_show_once_the_date_has_passed(client, embargoed):
    client.get("/editions/2030/")
    client.get("/editions/2030/resultats.json")
    # The date passes (no save, no signal): nothing stale was cached before publication.
    Edition.objects.filter(pk=embargoed.pk).update(
        results_published_at=timezone.now() - dt.timedelta(minutes=1)
    )
    assert "Villesecrète" in client.get("/editions/2030/").content.decode()
    assert client.get("/editions/2030/resultats.json").json()["summary"]["laureates"] == 2
    assert client.get("/collectivites/villesecrete/").status_code == 200
    assert client.get("/collectivites/bourgmixte/badge-2030.svg").status_code == 200


def test_labelled_bodies_exclude_embargoed_ones(embargoed):
    from editions.models import Collectivite

    assert list(Collectivite.objects.labelled().values_list("name", flat=True)) == ["Bourgmixte"]


def test_open_data_and_map_show_the_results_once_the_date_has_passed(client, embargoed):
    assert [r["year"] for r in client.get("/donnees/resultats.json").json()["results"]] == [2029]
    html = client.get("/collectivites/carte/").content.decode()
    assert ">Bourgmixte</a>" in html and "Niveau 2 en 2029" in html
    Edition.objects.filter(pk=embargoed.pk).update(
        results_published_at=timezone.now() - dt.timedelta(minutes=1)
    )
    years = [r["year"] for r in client.get("/donnees/resultats.json").json()["results"]]
    assert sorted(years) == [2029, 2030, 2030]
    assert "Villesecrète" in client.get("/donnees/resultats.csv").content.decode()
    html = client.get("/collectivites/carte/", {"edition": "2030"}).content.decode()
    assert ">Villesecrète</a>" in html and "Niveau 5 en 2030" in html
