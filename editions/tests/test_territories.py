"""Reference data: the shipped official extract, its import command and bodies created from it."""

import gzip
import itertools
import json

import pytest
from django.core.management import call_command

from editions.models import Collectivite, Territory
from editions.services import DIVISIONS_FILE, TERRITORIES_FILE

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(tmp_path):
    """The header, Lettret, Mions and two EPCI lines of the real extract (no full import)."""
    with gzip.open(TERRITORIES_FILE, "rt", encoding="utf-8") as handle:
        header = next(handle)
        lines = [line for line in handle if line.startswith(("commune,05074,", "commune,69283,"))]
    with gzip.open(TERRITORIES_FILE, "rt", encoding="utf-8") as handle:
        epci = list(itertools.islice((line for line in handle if line.startswith("epci,")), 2))
    path = tmp_path / "sample.csv"
    path.write_text(header + "".join(lines + epci), encoding="utf-8")
    return path


def test_shipped_extract_is_compact_and_complete():
    assert TERRITORIES_FILE.stat().st_size < 3 * 1024 * 1024
    with gzip.open(TERRITORIES_FILE, "rt", encoding="utf-8") as handle:
        rows = sum(1 for _line in handle) - 1
    assert rows > 38000
    divisions = json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))
    assert divisions["departements"]["974"] == "La Réunion"


def test_import_is_idempotent_and_fills_divisions(sample):
    call_command("import_territories", file=str(sample))
    call_command("import_territories", file=str(sample))
    assert Territory.objects.count() == 4
    lettret = Territory.objects.get(kind="commune", code="05074")
    assert (lettret.name, lettret.siren, lettret.departement, lettret.region) == (
        "Lettret",
        "210500740",
        "Hautes-Alpes",
        "Provence-Alpes-Côte d'Azur",
    )
    assert lettret.population_year == 2023
    epci = Territory.objects.filter(kind="epci").first()
    assert epci.siren == epci.code and epci.departement


def test_import_updates_changed_rows(sample):
    call_command("import_territories", file=str(sample))
    Territory.objects.filter(code="05074").update(population=1, name="Ancien nom")
    call_command("import_territories", file=str(sample))
    lettret = Territory.objects.get(code="05074")
    assert (lettret.name, lettret.population) == ("Lettret", 196)


def test_collectivite_from_territory_fills_codes_and_population(sample):
    call_command("import_territories", file=str(sample))
    mions = Collectivite.from_territory(Territory.objects.get(code="69283"))
    assert (mions.kind, mions.insee_code, mions.siren) == ("commune", "69283", "216902833")
    assert (mions.population_year, mions.departement_code, mions.region) == (
        2023,
        "69",
        "Auvergne-Rhône-Alpes",
    )
    assert mions.slug == "mions"
    # Creating it again updates the same body (same SIREN) instead of duplicating it.
    again = Collectivite.from_territory(Territory.objects.get(code="69283"))
    assert again.pk == mions.pk and Collectivite.objects.count() == 1
    epci = Collectivite.from_territory(Territory.objects.filter(kind="epci").first())
    assert epci.kind == "intercommunalite" and epci.insee_code == ""
