"""The laureates' map: points and départements as named links, filters as links, the same data as
a list, a département's laureates; geometry shipped with the project, nothing fetched."""

import re

import pytest

from editions.factories import CollectiviteFactory, ResultFactory, edition_with_results
from editions.geography import MAP_FILE, POINTS_FILE, france_map, position
from editions.models import Collectivite, Level, Result

pytestmark = pytest.mark.django_db


def points(html):
    """The accessible names of the map's points (links in the points layer)."""
    layer = html.split('<g class="map-points">', 1)[1].split("</g>", 1)[0]
    return re.findall(r'<a href="[^"]+" aria-label="([^"]+)">', layer)


def departements(html):
    layer = html.split('<g class="map-departements">', 1)[1].split("</g>", 1)[0]
    return re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', layer)


def test_the_map_places_each_labelled_body_once_at_its_latest_level(client, demo):
    response = client.get("/collectivites/carte/")
    assert response.status_code == 200
    html = response.content.decode()
    names = points(html)
    assert "Lettret : Niveau 2 en 2023 (Hautes-Alpes)" in names
    assert "Échirolles : Or en 2025 (Isère)" in names
    assert "Mions : Niveau 4 en 2021 (Rhône)" in names
    assert "Région Grand Est : Niveau 4 en 2021" in names  # at its chef-lieu, Strasbourg
    assert len([n for n in names if n.startswith("Échirolles")]) == 1
    # Bodies whose place is unknown are in the list, said to be absent from the map.
    assert not [n for n in names if n.startswith("ADICO")]
    assert re.search(r">ADICO</a> <span class=\"meta\">\(absent de la carte\)", html)
    # The list beside holds every body of the map.
    listed = re.findall(r'<th scope="row"><a href="/collectivites/[^"]+/">([^<]+)</a>', html)
    assert len(listed) == len(names) + html.count("(absent de la carte)")
    assert "Lettret" in listed and "ADICO" in listed


def test_each_departement_is_a_link_named_with_its_laureates(client, demo):
    html = client.get("/collectivites/carte/?edition=2025").content.decode()
    links = dict((label, url) for url, label in departements(html))
    assert len(links) == 101  # metropolitan France and the five overseas départements
    in_isere = Result.objects.filter(edition__year=2025, collectivite__departement_code="38")
    assert in_isere.count() >= 1  # Échirolles
    label = f"Isère : {in_isere.count()} lauréat" + ("s" if in_isere.count() > 1 else "")
    assert links[label] == "/collectivites/carte/38/?edition=2025"
    assert [url for label, url in links.items() if label.startswith("Mayotte : ")] == [
        "/collectivites/carte/976/?edition=2025"
    ]


def test_legend_names_each_level_of_the_schemes_shown(client, demo):
    legend = client.get("/collectivites/carte/").content.decode().split('class="map-legend"')[1]
    for name in ["Niveau 1", "Niveau 5", "Badge", "Bronze", "Argent", "Or"]:
        assert f"</svg> {name} <span" in legend
    legend_2021 = (
        client.get("/collectivites/carte/?edition=2021")
        .content.decode()
        .split('class="map-legend"')[1]
    )
    assert "Niveau 5" in legend_2021 and "Badge" not in legend_2021


def test_filters_are_links_to_an_edition_and_a_level(client, demo):
    html = client.get("/collectivites/carte/", {"edition": "2025", "niveau": "Or"}).content.decode()
    assert points(html) == [
        "Boé : Or en 2025 (Lot-et-Garonne)",
        "Échirolles : Or en 2025 (Isère)",  # in alphabetical order, accents aside
        "Syndicat Morbihan Énergies : Or en 2025 (Morbihan)",
    ]
    assert (
        '<a href="/collectivites/carte/?edition=2025&amp;niveau=Or" aria-current="page">Or' in html
    )
    # The 2021 link keeps no 2025 level; the levels offered are those of 2025.
    assert 'href="/collectivites/carte/?edition=2021">2021</a>' in html
    assert ">Niveau 3</a>" not in html.split("Filtrer par niveau")[1].split("</nav>")[0]
    assert "3 organismes labellisés" in html


@pytest.mark.parametrize(
    "query",
    [{"edition": "2021", "niveau": "Or"}, {"edition": "1999"}, {"edition": "²"}, {"niveau": "<b>"}],
)
def test_bad_filters_are_ignored_with_a_message(client, demo, query):
    response = client.get("/collectivites/carte/", query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ignoré" in html
    assert "<b>" not in html.split("<main", 1)[1]


def test_a_departement_lists_its_laureates_edition_by_edition(client, demo):
    html = client.get("/collectivites/carte/38/").content.decode()
    assert "Lauréats : Isère (38)" in html
    rows = re.findall(
        r"<tr><td><a[^>]*>(\d{4})</a></td><th scope=\"row\"><a[^>]*>([^<]+)</a>", html
    )
    assert rows[0] == ("2025", "Échirolles")
    assert ("2023", "La Tronche") in rows and ("2021", "Échirolles") in rows
    assert ("2016", "Fontaine") in rows
    filtered = client.get("/collectivites/carte/38/", {"edition": "2025"}).content.decode()
    assert "La Tronche" not in filtered and 'href="/collectivites/carte/?edition=2025"' in filtered
    assert client.get("/collectivites/carte/2A/").status_code == 200
    assert client.get("/collectivites/carte/XX/").status_code == 404


def test_the_map_is_linked_from_the_directory_and_each_edition(client, demo):
    assert 'href="/collectivites/carte/"' in client.get("/collectivites/").content.decode()
    html = client.get("/editions/2021/").content.decode()
    assert 'href="/collectivites/carte/?edition=2021"' in html


def test_a_body_called_carte_does_not_hide_the_map(client):
    edition = edition_with_results(2031, 1, mentions=0)
    body = CollectiviteFactory(name="Carte", insee_code="34172")
    ResultFactory(edition=edition, collectivite=body)
    assert body.slug == "carte-2"
    assert client.get("/collectivites/carte-2/").status_code == 200
    assert "Carte : Niveau 5 en 2031 (Hérault)" in points(
        client.get("/collectivites/carte/").content.decode()
    )


def test_positions_come_from_commune_epci_seat_or_chef_lieu():
    def body(**fields):
        values = {"kind": "commune", "insee_code": "", "siren": "", "seat_insee_code": ""}
        values.update({"departement_code": "", "region_code": "", **fields})
        return Collectivite(name="x", **values)

    assert position(body(insee_code="05074")) is not None
    assert position(body(kind="intercommunalite", siren="200066918")) is not None
    # A département sits at its chef-lieu (Saint-Brieuc), a région at its own (Strasbourg).
    assert position(body(kind="departement", departement_code="22")) == position(
        body(insee_code="22278")
    )
    assert position(body(kind="region", region_code="44")) == position(body(insee_code="67482"))
    # A seat given by staff wins; a body with nothing known has no place.
    assert position(body(kind="syndicat", seat_insee_code="56260")) == position(
        body(insee_code="56260")
    )
    assert position(body(kind="association")) is None
    assert position(body(insee_code="98818")) is None  # New Caledonia is not drawn


def test_the_geometry_ships_small_with_the_project():
    assert MAP_FILE.stat().st_size < 150_000
    assert POINTS_FILE.stat().st_size < 250_000
    codes = {d["code"] for d in france_map()["departements"]}
    assert {"01", "2A", "2B", "75", "971", "972", "973", "974", "976"} <= codes


def test_points_of_an_edition_use_its_own_scheme(client):
    edition = edition_with_results(2032, 0, mentions=0)
    Level.objects.filter(edition=edition).delete()
    gold = Level.objects.create(edition=edition, number=2, name="Or")
    Level.objects.create(edition=edition, number=1, name="Badge")
    ResultFactory(edition=edition, level=gold, collectivite=CollectiviteFactory(insee_code="47031"))
    html = client.get("/collectivites/carte/", {"edition": "2032"}).content.decode()
    assert len(points(html)) == 1 and points(html)[0].endswith(" : Or en 2032 (Hérault)")
    assert "</svg> Badge <span" in html and "</svg> Or <span" in html
    assert "Niveau 1" not in html.split('class="map-legend"')[1]
