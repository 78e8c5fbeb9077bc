"""All-years open data: the page, the CSV validated against its TableSchema with a schema validator
(frictionless), the JSON, populations of each édition, spreadsheet-safe cells."""

import csv
import io

import pytest
from frictionless import Resource, Schema

from editions.factories import CollectiviteFactory, ResultFactory, edition_with_results
from editions.models import Result

pytestmark = pytest.mark.django_db


def csv_rows(client, url="/donnees/resultats.csv"):
    return list(csv.DictReader(io.StringIO(client.get(url).content.decode("utf-8"))))


def validate(client, text, tmp_path):
    """Validate CSV text against the schema the site publishes; return the error notes."""
    path = tmp_path / "resultats.csv"
    path.write_text(text, encoding="utf-8")
    schema = Schema.from_descriptor(client.get("/donnees/resultats.schema.json").json())
    report = Resource(path=path.name, basepath=str(tmp_path), schema=schema).validate()
    return [error.message for task in report.tasks for error in task.errors]


def test_the_csv_validates_against_its_table_schema(client, demo, tmp_path):
    response = client.get("/donnees/resultats.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'rel="license"' in response["Link"] and 'rel="describedby"' in response["Link"]
    assert "Last-Modified" in response
    text = response.content.decode("utf-8")
    assert validate(client, text, tmp_path) == []
    # The validator does check: a population that is not a number is reported.
    broken = text.replace(",187,2018,", ",cent quatre-vingt-sept,2018,", 1)
    assert broken != text
    assert validate(client, broken, tmp_path) != []


def test_one_row_per_labelled_body_and_edition(client, demo):
    rows = csv_rows(client)
    assert len(rows) == Result.objects.public().laureates().count()
    assert {row["year"] for row in rows} == {str(y) for y in range(2016, 2026)}
    assert len([r for r in rows if r["year"] == "2021"]) == 24
    keys = [(row["year"], row["slug"]) for row in rows]
    assert len(keys) == len(set(keys))
    lettret = {row["year"]: row for row in rows if row["name"] == "Lettret"}
    # The population of each édition with its year: 187 in 2021, as the press release says.
    assert (lettret["2021"]["population"], lettret["2021"]["population_year"]) == ("187", "2018")
    assert (lettret["2023"]["population"], lettret["2023"]["population_year"]) == ("196", "2023")
    assert lettret["2021"]["mentions"] == "Plus petite collectivité"
    assert lettret["2021"]["edition_rank"] == "6"
    assert lettret["2021"]["insee_code"] == "05074" and lettret["2021"]["siren"] == "210500740"
    boe = next(row for row in rows if row["name"] == "Boé")
    assert (boe["level"], boe["level_name"], boe["level_count"]) == ("4", "Or", "4")
    mions = next(row for row in rows if row["name"] == "Mions" and row["year"] == "2016")
    assert (mions["level"], mions["level_name"], mions["level_count"]) == ("4", "Niveau 4", "5")
    assert mions["population"] == ""  # the extract's 2023 figure postdates 2016: unknown


def test_json_holds_the_same_rows(client, demo):
    response = client.get("/donnees/resultats.json")
    data = response.json()
    assert data["license"]["name"] == "Licence Ouverte 2.0"
    assert data["schema"] == "http://testserver/donnees/resultats.schema.json"
    assert data["updated_at"].startswith("20")
    assert response["Access-Control-Allow-Origin"] == "*"
    rows = csv_rows(client)
    assert len(data["results"]) == len(rows)
    echirolles = [r for r in data["results"] if r["name"] == "Échirolles"]
    assert [(r["year"], r["level_name"], r["mentions"]) for r in echirolles] == [
        (2021, "Niveau 4", ["Meilleure première candidature"]),
        (2025, "Or", []),
    ]


def test_the_page_presents_licence_update_date_columns_and_files(client, demo):
    html = client.get("/donnees/").content.decode()
    assert "Licence Ouverte 2.0" in html
    assert "Mise à jour" in html and "<time datetime=" in html
    for column in ["year", "insee_code", "siren", "population", "population_year", "level_count"]:
        assert f"<code>{column}</code>" in html
    assert "Année de référence de cette population" in html
    for url in [
        "/donnees/resultats.csv",
        "/donnees/resultats.json",
        "/donnees/resultats.schema.json",
    ]:
        assert f'href="{url}"' in html
    assert (
        'href="/editions/2025/resultats.csv"' in html
        and 'href="/editions/2016/resultats.json"' in html
    )
    assert 'href="/donnees/"' in client.get("/editions/2021/").content.decode()


def test_schema_describes_every_column(client):
    schema = client.get("/donnees/resultats.schema.json").json()
    names = [field["name"] for field in schema["fields"]]
    header = client.get("/donnees/resultats.csv").content.decode().splitlines()[0]
    assert header.split(",") == names
    assert schema["primaryKey"] == ["year", "slug"]
    assert all(field["description"] for field in schema["fields"])


def test_cells_a_spreadsheet_would_run_are_neutralised_in_both_csv(client, tmp_path):
    edition = edition_with_results(2033, 1, mentions=0)
    for name in ['=HYPERLINK("http://evil.example")', "+33 Tour", "@SUM(A1)", "-Moins"]:
        ResultFactory(edition=edition, collectivite=CollectiviteFactory(name=name))
    for url in ["/donnees/resultats.csv", "/editions/2033/resultats.csv"]:
        names = {row["name"] for row in csv_rows(client, url)}
        assert '\'=HYPERLINK("http://evil.example")' in names, url
        assert {"'+33 Tour", "'@SUM(A1)", "'-Moins"} <= names, url
        assert not [n for n in names if n[0] in "=+-@"], url
    assert validate(client, client.get("/donnees/resultats.csv").content.decode(), tmp_path) == []
    # JSON is not a spreadsheet format: names stay as typed.
    names = {row["name"] for row in client.get("/donnees/resultats.json").json()["results"]}
    assert '=HYPERLINK("http://evil.example")' in names
