"""A result keeps the population of its édition, with its reference year, from when it is
recorded: later figures of the body never rewrite the past."""

import importlib

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from editions.factories import CollectiviteFactory, EditionFactory
from editions.models import Collectivite, Result

pytestmark = pytest.mark.django_db


def test_lettret_2021_says_187_while_its_page_gives_todays_figure(client, demo):
    laureates = client.get("/editions/2021/resultats.json").json()["laureates"]
    lettret = next(item for item in laureates if item["name"] == "Lettret")
    assert (lettret["population"], lettret["population_year"]) == (187, 2018)
    page = client.get("/collectivites/lettret/").content.decode()
    assert "196 habitants (2023)" in page


def test_a_decision_recorded_now_keeps_the_figure_known_now():
    """What the process does when a decision is published (candidatures.publication)."""
    edition = EditionFactory(year=2027)
    body = CollectiviteFactory(population=1200, population_year=2023)
    level = edition.levels.get(number=2)
    result, _ = Result.objects.update_or_create(
        edition=edition, collectivite=body, defaults={"level": level, "public_comment": ""}
    )
    assert (result.population, result.population_year) == (1200, 2023)
    body.population, body.population_year = 1300, 2026
    body.save()
    # Published again later (a correction): the figure of the édition stays.
    Result.objects.update_or_create(
        edition=edition, collectivite=body, defaults={"level": level, "public_comment": "Bravo"}
    )
    result.refresh_from_db()
    assert (result.population, result.population_year) == (1200, 2023)


def test_a_figure_later_than_the_edition_is_not_used():
    edition = EditionFactory(year=2019)
    body = CollectiviteFactory(population=900, population_year=2023)
    result = Result.objects.create(edition=edition, collectivite=body, level=None)
    assert (result.population, result.population_year) == (None, None)
    typed = Result.objects.create(
        edition=EditionFactory(year=2018),
        collectivite=body,
        population=850,
        population_year=2015,
    )
    assert (typed.population, typed.population_year) == (850, 2015)


def test_a_partial_save_dates_the_result():
    result = Result.objects.create(
        edition=EditionFactory(year=2043), collectivite=CollectiviteFactory()
    )
    before = result.updated_at
    result.public_comment = "Corrigé"
    result.save(update_fields=["public_comment"])
    result.refresh_from_db()
    assert result.updated_at > before


def test_the_backfill_fills_only_what_could_be_known_and_runs_twice(demo):
    Result.objects.update(population=None, population_year=None)
    migration = importlib.import_module(
        "editions.migrations.0005_backfill_result_population_and_rank"
    )
    migration.forwards(apps, None)
    migration.forwards(apps, None)
    lettret = Collectivite.objects.get(name="Lettret")
    assert Result.objects.get(edition__year=2023, collectivite=lettret).population == 196
    assert Result.objects.get(edition__year=2021, collectivite=lettret).population is None
    assert not Result.objects.filter(edition__year__lt=2023, population__isnull=False).exists()


def test_import_puts_the_figure_of_the_edition_on_the_result(tmp_path):
    edition = EditionFactory(year=2017)
    path = tmp_path / "2017.csv"
    path.write_text(
        "name,kind,level,population,population_year\nBourg-Test,commune,3,410,2014\n", "utf-8"
    )
    call_command("import_results", "2017", str(path))
    result = Result.objects.get(edition=edition)
    assert (result.population, result.population_year) == (410, 2014)
    path.write_text("name,kind,level,population\nBourg-Test,commune,3,beaucoup\n", "utf-8")
    with pytest.raises(CommandError, match="Ligne 2 : population doit être un nombre entier."):
        call_command("import_results", "2017", str(path))
