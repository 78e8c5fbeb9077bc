"""Demo éditions 2016-2021 and the open édition 2027 (see `manage.py load_demo`, docs/results.md).

Idempotent: objects are looked up by natural keys and only created when missing, so running it
again keeps admin edits. Real names are only those DOMAIN.md lists as laureates; every other place
is a body visibly named "Collectivité de démonstration N". Codes and populations of real communes
and EPCI come from the shipped official extract (editions/data), never typed by hand.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from .models import (
    Collectivite,
    CollectiviteKind,
    CriteriaDomain,
    Edition,
    Level,
    MentionAward,
    MentionType,
    Result,
)
from .services import read_territories

PARIS = ZoneInfo("Europe/Paris")
K = CollectiviteKind

CRITERIA_2019 = [
    ("Stratégie et mutualisation", "Politique numérique, mutualisation entre organismes."),
    ("Interopérabilité et accessibilité", "Formats ouverts, respect du RGI, accessibilité."),
    ("Logiciels libres et systèmes d'exploitation", "Usage des logiciels libres au quotidien."),
    ("Communication et écosystème", "Sensibilisation, formation, contributions aux projets."),
    ("Ouverture des données publiques", "Publication et réutilisation des données."),
]
CRITERIA_2024 = [
    ("Stratégie", "La place du libre dans la politique numérique."),
    ("Bonnes pratiques numériques", "Normes, standards, sobriété numérique."),
    ("Logiciels libres", "Les logiciels libres utilisés et déployés."),
    ("Écosystème libre", "Contributions, mutualisation, partenaires du libre."),
    ("Gestion des données publiques", "Ouverture et gouvernance des données."),
]
MENTIONS_2021 = [
    "Meilleure première candidature",
    "Plus petite collectivité",
    "Meilleure continuité",
]


def at(year, month, day, hour=18):
    return dt.datetime(year, month, day, hour, tzinfo=PARIS)


EDITIONS = {
    2016: {
        "results_published_at": at(2016, 11, 15),
        "ceremony_date": dt.date(2016, 11, 15),
        "ceremony_place": "Paris Open Source Summit",
    },
    # 2017: the ceremony date is not in our sources; the publication date is an assumption.
    2017: {"results_published_at": at(2017, 12, 6)},
    2018: {
        "results_published_at": at(2018, 11, 6),
        "ceremony_date": dt.date(2018, 11, 6),
        "ceremony_place": "Bordeaux",
    },
    2019: {
        "results_published_at": at(2019, 11, 20),
        "ceremony_date": dt.date(2019, 11, 20),
        "ceremony_place": "Congrès des maires, Paris",
    },
    2020: {
        "deadline": at(2020, 10, 15, 23),
        "results_published_at": at(2020, 12, 1),
        "ceremony_date": dt.date(2020, 12, 1),
        "ceremony_place": "En vidéo",
    },
    2021: {
        "call_opens_at": at(2021, 7, 1, 9),
        "deadline": at(2021, 10, 15, 23),
        "jury_date": dt.date(2021, 11, 5),
        "results_published_at": at(2021, 11, 9),
        "ceremony_date": dt.date(2021, 11, 9),
        "ceremony_place": "Open Source Experience, Palais des Congrès, Paris",
    },
    # The open édition later issues file demo dossiers into.
    2027: {
        "call_opens_at": at(2026, 10, 1, 9),
        "deadline": at(2027, 2, 15, 23),
        "jury_date": dt.date(2027, 3, 16),
        "results_published_at": at(2027, 4, 6),
        "ceremony_date": dt.date(2027, 4, 6),
        "ceremony_place": "Paris",
    },
}

# Real laureates: (name, kind, official code to look up or None, extra fields).
REAL = {
    "Arles": (K.COMMUNE, "13004", {}),
    "Nantes": (K.COMMUNE, "44109", {}),
    "Fontaine": (K.COMMUNE, "38169", {}),
    "Saint-Joseph": (K.COMMUNE, None, {}),  # which Saint-Joseph is not in our sources
    "Rennes": (K.COMMUNE, "35238", {}),
    "Mions": (K.COMMUNE, "69283", {}),
    "Marseille": (K.COMMUNE, "13055", {}),
    "Département des Côtes-d'Armor": (
        K.DEPARTEMENT,
        None,
        {
            "departement_code": "22",
            "departement": "Côtes-d'Armor",
            "region_code": "53",
            "region": "Bretagne",
        },
    ),
    "Nancy": (K.COMMUNE, "54395", {}),
    "Abbeville": (K.COMMUNE, "80001", {}),
    "Alès Agglomération": (K.INTERCOMMUNALITE, "200066918", {}),
    "CC Pays Réuni d'Orange": (
        K.INTERCOMMUNALITE,
        None,
        {
            "departement_code": "84",
            "departement": "Vaucluse",
            "region_code": "93",
            "region": "Provence-Alpes-Côte d'Azur",
        },
    ),
    # The press release counts 187 inhabitants (INSEE legal population 2018, in force in 2021).
    "Lettret": (K.COMMUNE, "05074", {"population": 187, "population_year": 2018}),
    "ADICO": (K.ASSOCIATION, None, {}),
    "AMUE": (K.ETABLISSEMENT_PUBLIC, None, {}),
    "Dracénie Provence Verdon Agglomération": (K.INTERCOMMUNALITE, "248300493", {}),
    "Angoulême": (K.COMMUNE, "16015", {}),
    "Louroux-de-Bouble": (K.COMMUNE, "03152", {}),
    "Lyon": (K.COMMUNE, "69123", {}),
    "SITIV": (K.SYNDICAT, None, {}),
    "Région Grand Est": (K.REGION, None, {"region_code": "44", "region": "Grand Est"}),
    "Échirolles": (K.COMMUNE, "38151", {}),
}

TOP_2016 = [
    "Arles",
    "Nantes",
    "Fontaine",
    "Saint-Joseph",
    "Rennes",
    "Mions",
    "Marseille",
    "Département des Côtes-d'Armor",
]


def demo(n):
    return f"Collectivité de démonstration {n}"


def fill(numbers, year, top=4):
    """Levels for demonstration bodies: spread over 1..top, varied by year."""
    return {demo(n): 1 + (n * 7 + year) % top for n in numbers}


# Real facts where known; demonstration bodies elsewhere (see docs/results.md for the counts).
RESULTS = {
    2016: {**dict.fromkeys(TOP_2016, 4), **fill(range(1, 8), 2016, 3)},
    2017: {"Mions": 4, **fill(range(1, 8), 2017), **fill(range(8, 22), 2017), demo(22): None},
    2018: {"Mions": 4, **fill(range(1, 14), 2018), **fill(range(23, 31), 2018)},
    2019: {"Mions": 4, "Nancy": 5, **fill(range(1, 11), 2019), **fill(range(31, 50), 2019)},
    # Abbeville's first participation (the 2021 one is its second); its 2020 level is assumed.
    2020: {"Mions": 4, "Abbeville": 4, **fill(range(11, 21), 2020, 3), **fill(range(50, 58), 2020)},
    2021: {
        "Abbeville": 5,
        **dict.fromkeys(["Région Grand Est", "Mions", "Échirolles"], 4),
        **{demo(n): 4 for n in range(11, 18)},
        **dict.fromkeys(
            [
                "ADICO",
                "AMUE",
                "Dracénie Provence Verdon Agglomération",
                "Angoulême",
                "Louroux-de-Bouble",
                "Lyon",
                "SITIV",
            ],
            3,
        ),
        **{demo(n): 3 for n in (18, 19, 58)},
        **dict.fromkeys(["Alès Agglomération", "CC Pays Réuni d'Orange", "Lettret"], 2),
    },
}

AWARDS_2021 = [
    (
        "Échirolles",
        "Meilleure première candidature",
        "Pour une première candidature d'emblée au niveau 4.",
    ),
    (
        "Lettret",
        "Plus petite collectivité",
        "Avec ses 187 habitants, Lettret montre que le libre est à la portée de toutes.",
    ),
    ("Mions", "Meilleure continuité", "Au niveau 4 à chacune des six éditions depuis 2016."),
]


def official_data(codes):
    wanted = set(codes)
    return {t.code: t for t in read_territories() if t.code in wanted}


def load_bodies():
    codes = official_data(code for _kind, code, _extra in REAL.values() if code)
    bodies = {}
    for name, (kind, code, extra) in REAL.items():
        body = Collectivite.objects.filter(name=name).first()
        if body is None:
            territory = codes.get(code)
            if territory is not None:
                body = Collectivite.from_territory(territory, save=False, kind=kind, name=name)
            else:
                body = Collectivite(name=name, kind=kind)
            for field, value in extra.items():
                setattr(body, field, value)
            body.save()
        bodies[name] = body
    return bodies


def demo_body(name, bodies):
    if name not in bodies:
        n = int(name.rsplit(" ", 1)[1])
        bodies[name], _created = Collectivite.objects.get_or_create(
            name=name,
            defaults={"kind": K.COMMUNE, "population": 800 + n * 613, "population_year": 2023},
        )
    return bodies[name]


def load_edition(year, values):
    edition, created = Edition.objects.get_or_create(
        year=year, defaults={"ordinal": year - 2015, **values}
    )
    edition.add_default_levels()
    if not edition.criteria_domains.exists():
        for order, (name, description) in enumerate(
            CRITERIA_2024 if year >= 2024 else CRITERIA_2019
        ):
            CriteriaDomain.objects.create(
                edition=edition, name=name, description=description, sort_order=order
            )
    return edition


def load_results(edition, bodies):
    levels = {level.number: level for level in Level.objects.filter(edition=edition)}
    for name, number in RESULTS.get(edition.year, {}).items():
        body = bodies.get(name) or demo_body(name, bodies)
        Result.objects.get_or_create(
            edition=edition, collectivite=body, defaults={"level": levels.get(number)}
        )


def load_mentions(edition, bodies):
    for order, name in enumerate(MENTIONS_2021):
        MentionType.objects.get_or_create(
            edition=edition, name=name, defaults={"sort_order": order}
        )
    for body_name, mention, citation in AWARDS_2021:
        result = Result.objects.get(edition=edition, collectivite=bodies[body_name])
        MentionAward.objects.get_or_create(
            result=result,
            mention_type=MentionType.objects.get(edition=edition, name=mention),
            defaults={"citation": citation},
        )


def load(stdout=None):
    bodies = load_bodies()
    for year, values in EDITIONS.items():
        edition = load_edition(year, values)
        load_results(edition, bodies)
        if year == 2021:
            load_mentions(edition, bodies)
    if stdout:
        stdout.write("Éditions et palmarès de démonstration chargés.")
    return Edition.objects.get(year=2021)
