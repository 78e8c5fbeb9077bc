"""The label staff import past results and the reference territories from the admin, and export
the listings; bad files get a French message and a 400; a rédacteur and a juror are refused."""

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editions.factories import EditionFactory
from editions.models import Collectivite, Result, Territory
from editions.services import TERRITORIES_FILE

from .people import *  # noqa: F403

pytestmark = pytest.mark.django_db

RESULTS_CSV = (
    "name,kind,level,insee_code,siren,population,population_year\n"
    "Commune de démonstration A,commune,3,,,1200,2015\n"
    "Commune de démonstration B,commune,,,,,\n"
)


def upload(text, name="resultats.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def territory_sample():
    with gzip.open(TERRITORIES_FILE, "rt", encoding="utf-8") as handle:
        header = next(handle)
        lines = [line for line in handle if line.startswith(("commune,05074,", "commune,69283,"))]
    return header + "".join(lines)


def test_label_staff_imports_an_editions_results(label_staff):
    edition = EditionFactory(year=2019)
    listing = label_staff.get(reverse("resultats:index")).content.decode()
    assert reverse("editions_import_results") in listing
    url = reverse("editions_import_results")
    assert label_staff.get(url).status_code == 200
    response = label_staff.post(url, {"edition": edition.pk, "file": upload(RESULTS_CSV)})
    assert response.status_code == 302
    assert Result.objects.filter(edition=edition).count() == 2
    labelled = Result.objects.get(collectivite__name="Commune de démonstration A")
    assert (labelled.level.number, labelled.population) == (3, 1200)
    again = label_staff.post(url, {"edition": edition.pk, "file": upload(RESULTS_CSV)})
    assert again.status_code == 302 and Result.objects.filter(edition=edition).count() == 2


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("name,kind,level\nX,planete,1\n", "r.csv", "Ligne 2 : type inconnu."),
        ("name,kind,level\nX,commune,9\n", "r.csv", "le niveau 9 n&#x27;existe pas"),
        ("nom;type\nX;commune\n", "r.csv", "Ligne 2 : le nom est vide."),
        ("\xff\xfe", "r.csv", "encodé en UTF-8"),
        ("pas du gzip", "r.csv.gz", "pas un gzip valide"),
    ],
)
def test_a_bad_results_file_is_refused_in_french(label_staff, content, name, message):
    edition = EditionFactory(year=2018)
    data = content.encode("latin-1") if content.startswith("\xff") else content.encode()
    response = label_staff.post(
        reverse("editions_import_results"),
        {"edition": edition.pk, "file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Result.objects.exists()


def test_label_staff_import_territories_from_a_file(label_staff):
    listing = label_staff.get(reverse("wagtailsnippets_editions_collectivite:list"))
    assert reverse("editions_import_territories") in listing.content.decode()
    url = reverse("editions_import_territories")
    response = label_staff.post(url, {"file": upload(territory_sample(), "t.csv")})
    assert response.status_code == 302
    lettret = Territory.objects.get(code="05074")
    assert (lettret.name, lettret.departement) == ("Lettret", "Hautes-Alpes")
    assert "2 territoires de référence enregistrés" in label_staff.get(url).content.decode()
    # Then the body is registered from it.
    label_staff.post(reverse("editions_from_territory"), {"territory": lettret.pk})
    assert Collectivite.objects.get(insee_code="05074").population == lettret.population


def test_a_territory_file_without_its_columns_is_refused(label_staff):
    response = label_staff.post(
        reverse("editions_import_territories"), {"file": upload("nom,code\nX,1\n", "t.csv")}
    )
    assert response.status_code == 400
    assert "Colonnes manquantes : insee_code, kind, name, population, siren." in (
        response.content.decode()
    )
    assert not Territory.objects.exists()


def test_label_staff_export_bodies_and_results(label_staff):
    edition = EditionFactory(year=2017)
    label_staff.post(
        reverse("editions_import_results"), {"edition": edition.pk, "file": upload(RESULTS_CSV)}
    )
    bodies = label_staff.get(reverse("wagtailsnippets_editions_collectivite:list") + "?export=csv")
    text = b"".join(bodies.streaming_content).decode()
    assert bodies.status_code == 200 and "Commune de démonstration A" in text
    results = label_staff.get(reverse("resultats:index") + "?export=xlsx")
    assert results.status_code == 200
    assert results["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("who", ["redacteur", "juror"])
@pytest.mark.parametrize("name", ["editions_import_results", "editions_import_territories"])
def test_imports_are_refused_to_a_redacteur_and_a_juror(request, who, name):
    client = request.getfixturevalue(who)
    assert client.get(reverse(name)).status_code in (302, 403)
    response = client.post(reverse(name), {"file": upload(RESULTS_CSV)})
    assert response.status_code in (302, 403)
    assert not Result.objects.exists() and not Territory.objects.exists()
    listing = client.get(reverse("wagtailsnippets_editions_collectivite:list") + "?export=csv")
    assert listing.status_code in (302, 403)
