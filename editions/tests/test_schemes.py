"""Levels are data of each édition: the 2025 scheme (Badge, Bronze, Argent, Or) shows on the
palmarès, the chart, the badges, the body pages (streaks across the change), the directory and
the mention hints; each édition's rank comes from the recorded éditions, not from its year."""

import re

import pytest
from django.urls import reverse

from editions.factories import CollectiviteFactory, EditionFactory, ResultFactory
from editions.models import Edition, Level, MentionType, Result
from editions.suggestions import suggestions_for

pytestmark = pytest.mark.django_db


def test_the_2025_palmares_uses_its_own_scheme_and_mentions(client, demo):
    html = client.get("/editions/2025/").content.decode()
    assert "10e édition du label" in html
    assert "Or : 3 lauréats" in html
    assert '<desc id="chart-desc">Badge : 3 ; Bronze : 3 ; Argent : 4 ; Or : 3.</desc>' in html
    assert re.search(r'<h3 id="niveau-4">Or <span class="meta">\(3 lauréats\)', html)
    for body in ["Boé", "Échirolles", "Syndicat Morbihan Énergies"]:
        assert f">{body}</a>" in html.split('id="niveau-4"')[1].split("</section>")[0]
    names = list(MentionType.objects.filter(edition__year=2025).values_list("name", flat=True))
    assert names == [
        "Meilleure première candidature",
        "Mutualisation",
        "Promotion et sensibilisation",
        "Sobriété numérique",
    ]
    assert "Sobriété numérique" in html
    assert "Niveau 1" not in html.split("<main", 1)[1]
    summary = client.get("/editions/2025/resultats.json").json()["summary"]
    assert summary["by_level"] == {"1": 3, "2": 3, "3": 4, "4": 3}


def test_the_2023_facts_are_in_the_demo(client, demo):
    levels = dict(
        Result.objects.filter(edition__year=2023).values_list("collectivite__name", "level__name")
    )
    assert levels["La Tronche"] == levels["Lettret"] == "Niveau 2"
    for name in ["Alès Agglomération", "Dracénie Provence Verdon Agglomération", "SMEACC"]:
        assert levels[name] == "Niveau 3"
    assert levels["Angoulême"] == "Niveau 3"
    others = [n for n in levels if n not in REAL_2023]
    assert others and all(n.startswith("Collectivité de démonstration ") for n in others)


REAL_2023 = {
    "La Tronche",
    "Lettret",
    "Alès Agglomération",
    "Dracénie Provence Verdon Agglomération",
    "SMEACC",
    "Angoulême",
}


def test_badges_mark_the_level_reached_in_its_scheme(client, demo):
    gold = client.get("/collectivites/boe/badge-2025.svg").content.decode()
    assert "Or" in gold and "2025" in gold
    assert gold.count('fill="#b3541e"') == 4 and gold.count('fill="none"') == 0
    level_2 = client.get("/collectivites/lettret/badge-2021.svg").content.decode()
    assert level_2.count('fill="#b3541e"') == 2 and level_2.count('fill="none"') == 3


def test_a_streak_runs_across_the_change_of_scheme(client, demo):
    html = client.get("/collectivites/collectivite-de-demonstration-60/").content.decode()
    assert "4 éditions" in html and "(2022–2025)" in html
    assert "Nouveau barème à partir de cette édition : Badge, Bronze, Argent, Or" in html
    assert html.count("Nouveau barème") == 1
    echirolles = client.get("/collectivites/echirolles/").content.decode()
    assert "Or" in echirolles and "Niveau 4" in echirolles and "Nouveau barème" in echirolles


def test_directory_offers_the_levels_grouped_by_scheme(client, demo):
    html = client.get("/collectivites/").content.decode()
    assert '<optgroup label="Barème 2025">' in html
    assert '<optgroup label="Barème 2016–2024">' in html
    assert html.index("Barème 2025") < html.index("Barème 2016–2024")
    gold = client.get("/collectivites/", {"niveau": "Or"}).content.decode()
    assert "Boé" in gold and "Mions" not in gold
    assert "3 organismes labellisés" in gold


def test_same_number_in_another_scheme_is_not_the_same_level():
    old, new = EditionFactory(year=2044), EditionFactory(year=2045, levels=False)
    for number, name in enumerate(["Badge", "Bronze", "Argent", "Or"], start=1):
        Level.objects.create(edition=new, number=number, name=name)
    body = CollectiviteFactory()
    ResultFactory(edition=old, collectivite=body, level=old.levels.get(number=4))
    ResultFactory(edition=new, collectivite=body, level=new.levels.get(name="Or"))
    continuity = suggestions_for(new)[2]
    assert continuity.bodies == []  # "Niveau 4" then "Or": no run at the same level


def test_a_new_edition_takes_the_latest_scheme(client, demo):
    edition = Edition.objects.create(year=2028)
    edition.add_levels()
    assert list(edition.levels.values_list("name", flat=True)) == [
        "Badge",
        "Bronze",
        "Argent",
        "Or",
    ]
    first = Edition.objects.create(year=2010)
    first.add_levels()
    assert first.levels.count() == 5  # no earlier édition: the 1-5 scheme


def test_rank_comes_from_the_recorded_editions(client, demo):
    assert "6e édition du label" in client.get("/editions/2021/").content.decode()
    assert "11e édition du label" in client.get("/editions/2027/").content.decode()
    assert client.get("/editions/2021/resultats.json").json()["edition"]["ordinal"] == 6
    earlier = Edition.objects.create(year=2015)  # an édition recorded before the others
    assert "7e édition du label" in client.get("/editions/2021/").content.decode()
    assert "1re édition du label" in client.get("/editions/2015/").content.decode()
    earlier.delete()
    assert "6e édition du label" in client.get("/editions/2021/").content.decode()
    Edition.objects.create(year=2026)  # one between two others
    assert "12e édition du label" in client.get("/editions/2027/").content.decode()
    assert "11e édition" in client.get(reverse("editions:edition_list")).content.decode()
