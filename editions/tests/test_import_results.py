"""Past éditions are recorded from a CSV in the open-data format, without inventing dossiers."""

import pytest
from django.core.management import CommandError, call_command

from editions.factories import EditionFactory
from editions.models import Collectivite, Result, Territory

pytestmark = pytest.mark.django_db

CSV = """name,kind,insee_code,siren,level,population,population_year
Mions,commune,69283,,4,,
Syndicat du test,syndicat,,,3,,
Commune de démonstration,commune,,,,1200,2018
"""


def test_import_records_results_and_is_idempotent(tmp_path):
    edition = EditionFactory(year=2017)
    Territory.objects.create(
        kind="commune", code="69283", name="Mions", insee_code="69283", siren="216902833",
        population=13843, population_year=2023, departement_code="69", departement="Rhône",
    )  # fmt: skip
    path = tmp_path / "2017.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import_results", "2017", str(path))
    call_command("import_results", "2017", str(path))
    assert Result.objects.filter(edition=edition).count() == 3
    mions = Collectivite.objects.get(name="Mions")
    assert (mions.siren, mions.departement) == ("216902833", "Rhône")
    assert Result.objects.get(collectivite=mions).level.number == 4
    not_labelled = Result.objects.get(collectivite__name="Commune de démonstration")
    assert not_labelled.level is None
    assert not_labelled.collectivite.population_year == 2018


@pytest.mark.parametrize(
    "content, message",
    [
        ("name,kind,level\n,commune,2\n", "Ligne 2 : le nom est vide."),
        ("name,kind,level\nX,planete,2\n", "Ligne 2 : type inconnu."),
        ("name,kind,level\nX,commune,9\n", "le niveau 9 n'existe pas"),
    ],
)
def test_bad_rows_are_refused_with_their_line_and_nothing_is_saved(tmp_path, content, message):
    EditionFactory(year=2018)
    path = tmp_path / "bad.csv"
    path.write_text("name,kind,level\nBon,commune,2\n" + content.split("\n", 1)[1], "utf-8")
    with pytest.raises(CommandError, match=message.replace("Ligne 2", "Ligne 3")):
        call_command("import_results", "2018", str(path))
    assert not Result.objects.exists()


def test_unknown_edition_is_refused(tmp_path):
    with pytest.raises(CommandError, match="n'existe pas"):
        call_command("import_results", "1990", str(tmp_path / "x.csv"))
