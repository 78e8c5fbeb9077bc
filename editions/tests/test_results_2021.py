"""The 2021 palmarès of the demo comes out of the open data exactly as the press release says."""

import csv
import io

import pytest

from editions.models import Edition
from editions.suggestions import suggestions_for

pytestmark = pytest.mark.django_db


def test_2021_json_figures_match_the_press_release(client, demo):
    response = client.get("/editions/2021/resultats.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert 'rel="license"' in response["Link"]
    data = response.json()
    assert data["edition"] == {
        "year": 2021,
        "ordinal": 6,
        "ceremony_date": "2021-11-09",
        "ceremony_place": "Open Source Experience, Palais des Congrès, Paris",
    }
    assert data["summary"] == {
        "candidatures": 24,
        "laureates": 24,
        "by_level": {"1": 0, "2": 3, "3": 10, "4": 10, "5": 1},
    }
    assert data["license"]["name"] == "Licence Ouverte 2.0"
    by_name = {item["name"]: item for item in data["laureates"]}
    assert len(by_name) == 24
    abbeville = by_name["Abbeville"]
    assert abbeville["level"] == 5
    assert abbeville["participation"] == 2
    assert abbeville["insee_code"] == "80001"
    assert abbeville["siren"] == "218000016"
    assert abbeville["departement"] == "Somme"
    assert abbeville["url"] == "http://testserver/collectivites/abbeville/"
    assert set(abbeville) == {
        "name", "slug", "kind", "insee_code", "siren", "departement", "region", "population",
        "population_year", "level", "level_name", "participation", "url",
    }  # fmt: skip
    level_2 = sorted(name for name, item in by_name.items() if item["level"] == 2)
    assert level_2 == ["Alès Agglomération", "CC Pays Réuni d'Orange", "Lettret"]
    assert by_name["Mions"]["participation"] == 6
    assert by_name["Échirolles"]["participation"] == 1
    assert by_name["Lettret"]["population"] == 187
    assert [(m["title"], m["laureate"]) for m in data["mentions"]] == [
        ("Meilleure première candidature", "Échirolles"),
        ("Plus petite collectivité", "Lettret"),
        ("Meilleure continuité", "Mions"),
    ]


def test_2021_csv_has_one_row_per_laureate(client, demo):
    response = client.get("/editions/2021/resultats.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "licence-ouverte" in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert len(rows) == 24
    lettret = next(row for row in rows if row["name"] == "Lettret")
    assert lettret["insee_code"] == "05074"
    assert lettret["level"] == "2"
    assert lettret["population_year"] == "2018"


def test_2021_page_shows_palmares_chart_and_mentions(client, demo):
    response = client.get("/editions/2021/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "24 candidatures ont été déposées" in html
    assert 'role="img"' in html and '<title id="chart-title">' in html
    assert "<caption>Nombre de lauréats par niveau, édition 2021</caption>" in html
    assert "Niveau 1 : 0 lauréat" in html
    assert "Plus petite collectivité" in html and "187 habitants" in html
    assert "Par rapport à l'édition 2020" in html
    assert "/editions/2021/resultats.csv" in html
    assert "Licence Ouverte 2.0" in html


def test_editions_list_shows_key_figures(client, demo):
    html = client.get("/editions/").content.decode()
    assert "Édition 2016" in html and "Édition 2027" in html
    assert "Candidatures ouvertes" in html


def test_open_edition_2027_accepts_applications_with_the_2025_scheme(demo):
    edition = Edition.objects.get(year=2027)
    assert edition.accepts_applications()
    assert list(edition.levels.values_list("name", flat=True)) == [
        "Badge",
        "Bronze",
        "Argent",
        "Or",
    ]
    assert edition.criteria_domains.filter(name="Bonnes pratiques numériques").exists()


def test_mention_suggestions_point_to_lettret_and_mions(demo):
    suggestions = suggestions_for(Edition.objects.get(year=2021))
    smallest, first, continuity = suggestions
    assert [body.name for body, _detail in smallest.bodies] == ["Lettret"]
    assert [body.name for body, _detail in continuity.bodies] == ["Mions"]
    assert "Échirolles" in [body.name for body, _detail in first.bodies]


def test_demo_is_idempotent_and_keeps_admin_edits(demo):
    from editions.demo import load
    from editions.models import Collectivite, Result

    mions = Collectivite.objects.get(name="Mions")
    mions.website = "https://www.mions.fr/"
    mions.save()
    counts = (Result.objects.count(), Collectivite.objects.count(), Edition.objects.count())
    load()
    assert (Result.objects.count(), Collectivite.objects.count(), Edition.objects.count()) == counts
    assert Collectivite.objects.get(name="Mions").website == "https://www.mions.fr/"


def test_collectivite_page_shows_history_streak_and_badges(client, demo):
    html = client.get("/collectivites/mions/").content.decode()
    assert "6 éditions" in html and "(2016–2021)" in html
    assert "Meilleure continuité" in html
    assert "/collectivites/mions/badge-2016.svg" in html
    assert "&lt;img src=&quot;http://testserver/collectivites/mions/badge-2021.svg" in html or (
        '&lt;img src="http://testserver/collectivites/mions/badge-2021.svg' in html
    )


def test_badge_is_an_svg_with_year_and_level(client, demo):
    response = client.get("/collectivites/abbeville/badge-2021.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    body = response.content.decode()
    assert "2021" in body and "Niveau 5" in body
    assert "Content-Disposition" not in response
    download = client.get("/collectivites/abbeville/badge-2021.svg?telecharger=1")
    assert download["Content-Disposition"].startswith("attachment;")
    # Abbeville was not labelled in 2019.
    assert client.get("/collectivites/abbeville/badge-2019.svg").status_code == 404


def test_directory_filters(client, demo):
    html = client.get("/collectivites/", {"niveau": "Niveau 5"}).content.decode()
    assert "Abbeville" in html and "Nancy" in html and "Mions" not in html
    html = client.get("/collectivites/", {"type": "region"}).content.decode()
    assert "Région Grand Est" in html and "Lettret" not in html
    html = client.get("/collectivites/", {"region": "Hauts-de-France"}).content.decode()
    assert "Abbeville" in html and "Lyon" not in html
    html = client.get("/collectivites/", {"edition": "2016", "q": "mar"}).content.decode()
    assert "Marseille" in html and "Lettret" not in html
    assert "1 organisme labellisé" in html


def test_sitemap_lists_public_pages(client, demo):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/editions/2021/" in xml
    assert "/collectivites/lettret/" in xml


def test_edition_cta_points_to_the_open_edition_and_latest_palmares(demo):
    from django.template import Context, Template

    html = Template("{% load editions_tags %}{% current_edition_cta %}").render(Context())
    assert "Les candidatures 2027 sont ouvertes" in html
    assert "/editions/2027/" in html
    assert "Découvrir le palmarès 2025" in html  # the latest published
