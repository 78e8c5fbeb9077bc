"""What the demo éditions 2016-2025 and 2027 hold: public facts (../shared/DOMAIN.md, the 2021
press release) and, where the sources are silent, bodies visibly named "Collectivité de
démonstration N". Every assumption is listed in docs/results.md.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from ..models import CollectiviteKind

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
# 2025 changed the scheme: a Badge (simplified form of ten questions), then Bronze, Argent, Or.
LEVELS_2025 = [
    (1, "Badge", "Le formulaire simplifié en dix questions : un premier engagement reconnu."),
    (2, "Bronze", "Le premier niveau du label complet."),
    (3, "Argent", "Une politique du libre suivie dans la plupart des domaines."),
    (4, "Or", "Le plus haut niveau : une implication forte dans tous les domaines."),
]
# The 2025 scheme's two application tracks and the levels (ranks) each can reach.
TRACKS_2025 = [
    (
        "badge",
        "Badge",
        "Un formulaire simplifié d'une dizaine de questions, pour une première reconnaissance.",
        [1],
    ),
    (
        "label",
        "Label",
        "Le dossier complet, évalué par le jury sur les cinq domaines.",
        [2, 3, 4],
    ),
]
TRACKS = {2025: TRACKS_2025, 2027: TRACKS_2025}
MENTIONS_2025 = [
    "Meilleure première candidature",
    "Mutualisation",
    "Promotion et sensibilisation",
    "Sobriété numérique",
]
MENTIONS = {
    2021: ["Meilleure première candidature", "Plus petite collectivité", "Meilleure continuité"],
    2025: MENTIONS_2025,
    # The open édition keeps the 2025 mentions (an assumption): the president can award them.
    2027: MENTIONS_2025,
}


def at(year, month, day, hour=18):
    return dt.datetime(year, month, day, hour, tzinfo=PARIS)


OSXP = "Open Source Experience, Paris"
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
    # 2022-2025: dates and places are assumptions (the ceremony at the yearly Paris fair).
    2022: {
        "results_published_at": at(2022, 11, 8),
        "ceremony_date": dt.date(2022, 11, 8),
        "ceremony_place": OSXP,
    },
    2023: {
        "results_published_at": at(2023, 12, 6),
        "ceremony_date": dt.date(2023, 12, 6),
        "ceremony_place": OSXP,
    },
    2024: {
        "results_published_at": at(2024, 12, 4),
        "ceremony_date": dt.date(2024, 12, 4),
        "ceremony_place": OSXP,
    },
    2025: {
        "results_published_at": at(2025, 12, 10),
        "ceremony_date": dt.date(2025, 12, 10),
        "ceremony_place": OSXP,
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
LEVEL_SCHEMES = {2025: LEVELS_2025}  # other éditions take the previous one's (1-5 at first)

BRETAGNE = {"region_code": "53", "region": "Bretagne"}
# Real laureates: (kind, official code to look up or None, extra fields).
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
        {"departement_code": "22", "departement": "Côtes-d'Armor", **BRETAGNE},
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
    "Lettret": (K.COMMUNE, "05074", {}),
    "ADICO": (K.ASSOCIATION, None, {}),
    "AMUE": (K.ETABLISSEMENT_PUBLIC, None, {}),
    "Dracénie Provence Verdon Agglomération": (K.INTERCOMMUNALITE, "248300493", {}),
    "Angoulême": (K.COMMUNE, "16015", {}),
    "Louroux-de-Bouble": (K.COMMUNE, "03152", {}),
    "Lyon": (K.COMMUNE, "69123", {}),
    "SITIV": (K.SYNDICAT, None, {}),
    "Région Grand Est": (K.REGION, None, {"region_code": "44", "region": "Grand Est"}),
    "Échirolles": (K.COMMUNE, "38151", {}),
    "La Tronche": (K.COMMUNE, "38516", {}),
    "SMEACC": (K.SYNDICAT, None, {}),  # its seat is not in our sources
    "Boé": (K.COMMUNE, "47031", {}),
    # Syndicat départemental d'énergies, seated in Vannes.
    "Syndicat Morbihan Énergies": (
        K.SYNDICAT,
        None,
        {
            "departement_code": "56",
            "departement": "Morbihan",
            **BRETAGNE,
            "seat_insee_code": "56260",
        },
    ),
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
# Demonstration bodies 59-100 are those of 2022-2025 (101 and up belong to candidatures.demo);
# number 60 is labelled every year from 2022 to 2025, across the change of scheme.
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
    2022: {**fill(range(11, 16), 2022, 5), **fill(range(59, 75), 2022)},
    2023: {
        **dict.fromkeys(["La Tronche", "Lettret"], 2),
        **dict.fromkeys(
            ["Alès Agglomération", "Dracénie Provence Verdon Agglomération", "SMEACC", "Angoulême"],
            3,
        ),
        **fill(range(59, 66), 2023, 5),
        **fill(range(75, 85), 2023),
    },
    2024: {
        **fill(range(59, 63), 2024, 5),
        **fill(range(75, 80), 2024),
        **fill(range(85, 95), 2024),
    },
    # 2025 scheme: 1 Badge, 2 Bronze, 3 Argent, 4 Or.
    2025: {
        **dict.fromkeys(["Boé", "Échirolles", "Syndicat Morbihan Énergies"], 4),
        **fill(range(59, 63), 2025, 3),
        **fill(range(95, 101), 2025, 3),
    },
}
# Populations known as of an édition, where the body's current figure would be wrong: the press
# release counts 187 inhabitants for Lettret (INSEE legal population 2018, in force in 2021).
RESULT_POPULATIONS = {(2021, "Lettret"): (187, 2018)}

AWARDS = {
    2021: [
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
    ],
    # Who received the 2025 mentions is not in our sources: demonstration bodies hold them.
    2025: [
        (demo(97), "Meilleure première candidature", "Mention de démonstration."),
        (demo(60), "Mutualisation", "Mention de démonstration."),
        (demo(98), "Promotion et sensibilisation", "Mention de démonstration."),
        (demo(99), "Sobriété numérique", "Mention de démonstration."),
    ],
}
