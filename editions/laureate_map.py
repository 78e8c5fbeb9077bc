"""The laureates' map (/collectivites/carte/): who, where, at which level, filtered by édition and
level, and the same data as a list. Built from ``Result.objects.public()`` in a fixed number of
queries; the geometry comes from :mod:`editions.geography`.

Each level keeps one marker (a shape and a colour) on every view, and the legend names it: the
shape, the legend and each point's accessible name carry the level, never the colour alone.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from .french import fr_ngettext
from .geography import departement_names, france_map, position
from .models import CollectiviteKind, Result
from .schemes import distinct_level_names

SHAPES = ["circle", "square", "triangle", "diamond", "triangle_down"]
# Okabe-Ito and Tol colours, each drawn with a dark outline (contrast against the map).
COLOURS = [
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#cc79a7",
    "#0072b2",
    "#d55e00",
    "#ffffff",
    "#882255",
    "#999933",
]
RADIUS = 8


@dataclass(frozen=True)
class Marker:
    shape: str
    colour: str

    def path(self, x, y, r=RADIUS):
        """The marker centred on (x, y) as SVG path data (integers: no locale-dependent floats)."""
        if self.shape == "circle":
            return f"M{x - r} {y}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"
        if self.shape == "square":
            return f"M{x - r + 1} {y - r + 1}h{2 * r - 2}v{2 * r - 2}h{2 - 2 * r}z"
        if self.shape == "triangle":
            return f"M{x} {y - r - 1}l{r + 1} {2 * r}h{-2 * r - 2}z"
        if self.shape == "diamond":
            return f"M{x} {y - r - 1}l{r + 1} {r + 1} {-r - 1} {r + 1} {-r - 1} {-r - 1}z"
        return f"M{x} {y + r + 1}l{r + 1} {-2 * r}h{-2 * r - 2}z"


def level_markers(schemes):
    """One marker per level name, the same on every view of the map."""
    return {
        name: Marker(SHAPES[i % len(SHAPES)], COLOURS[i % len(COLOURS)])
        for i, name in enumerate(distinct_level_names(schemes))
    }


def sort_key(name):
    """Alphabetical order as a French reader expects it: "Échirolles" among the E, and
    "démonstration 9" before "démonstration 10"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\d+", lambda number: number.group().zfill(9), plain)


def _query(filters):
    query = {key: filters[key] for key in ("edition", "niveau") if filters.get(key)}
    return "?" + urlencode(query) if query else ""


def map_url(filters):
    """The map with these filters (the way back from a département's page)."""
    return reverse("editions:laureate_map") + _query(filters)


def filter_links(filters, schemes, base=None):
    """The édition and level filters as links (to ``base``, default the map), each with its URL
    and whether it is the current one."""
    base = base or reverse("editions:laureate_map")
    names_by_year = {year: scheme.names for scheme in schemes for year in scheme.years}
    years = sorted(names_by_year, reverse=True)
    year, level = filters.get("edition"), filters.get("niveau")
    editions = [
        {"label": _("Toutes"), "url": base + _query({"niveau": level}), "current": not year}
    ]
    for option in years:
        keep = level if level in names_by_year[option] else None
        editions.append(
            {
                "label": str(option),
                "url": base + _query({"edition": option, "niveau": keep}),
                "current": str(option) == year,
            }
        )
    names = names_by_year[int(year)] if year else distinct_level_names(schemes)
    levels = [{"label": _("Tous"), "url": base + _query({"edition": year}), "current": not level}]
    levels += [
        {
            "label": name,
            "url": base + _query({"edition": year, "niveau": name}),
            "current": name == level,
        }
        for name in names
    ]
    return {"editions": editions, "levels": levels}


ROW_FIELDS = {
    "body_id": "collectivite_id",
    "name": "collectivite__name",
    "slug": "collectivite__slug",
    "kind": "collectivite__kind",
    "insee_code": "collectivite__insee_code",
    "siren": "collectivite__siren",
    "seat_insee_code": "collectivite__seat_insee_code",
    "departement_code": "collectivite__departement_code",
    "departement": "collectivite__departement",
    "region_code": "collectivite__region_code",
    "level": "level__name",
    "year": "edition__year",
}


@dataclass(frozen=True)
class Row:
    """One public label as plain values: the map reads hundreds, model instances cost too much."""

    body_id: int
    name: str
    slug: str
    kind: str
    insee_code: str
    siren: str
    seat_insee_code: str
    departement_code: str
    departement: str
    region_code: str
    level: str
    year: int


def _rows(filters, departement_code=None):
    results = Result.objects.public().laureates()
    if filters.get("edition"):
        results = results.filter(edition__year=int(filters["edition"]))
    if filters.get("niveau"):
        results = results.filter(level__name=filters["niveau"])
    if departement_code is not None:
        results = results.filter(collectivite__departement_code=departement_code)
    values = results.order_by("collectivite_id", "-edition__year").values_list(*ROW_FIELDS.values())
    return [Row(*value) for value in values]


class Texts:
    """What every row repeats, translated and reversed once per page rather than once per row."""

    def __init__(self):
        self.kinds = {kind: str(label) for kind, label in CollectiviteKind.choices}
        self.level_in_year = _("%(level)s en %(year)s")
        self.names = departement_names()
        placeholder = "slug-placeholder"
        self.body_url = reverse("editions:collectivite_detail", args=[placeholder]).replace(
            placeholder, "{}"
        )
        self.departement_url = reverse("editions:map_departement", args=["XX"]).replace("XX", "{}")


def _entry(row, labels, markers, texts):
    where = position(row)
    marker = markers.get(row.level)
    departement = texts.names.get(row.departement_code, row.departement)
    level_text = texts.level_in_year % {"level": row.level, "year": row.year}
    accessible = f"{row.name} : {level_text}" + (f" ({departement})" if departement else "")
    return {
        "name": row.name,
        "url": texts.body_url.format(row.slug),
        "kind": texts.kinds.get(row.kind, row.kind),
        "departement_code": row.departement_code,
        "departement": departement,
        "departement_url": texts.departement_url.format(row.departement_code)
        if row.departement_code
        else "",
        "level": row.level,
        "year": row.year,
        "level_text": level_text,
        "labels": labels,
        "labels_text": fr_ngettext("%(count)s label", "%(count)s labels", labels)
        % {"count": labels}
        if labels > 1
        else "",
        "label": accessible,
        "placed": where is not None,
        "d": marker.path(*where) if where and marker else "",
        "colour": marker.colour if marker else "",
    }


def _departements(geometry, counts, query, texts):
    """Every drawn département as a link to its laureates, named with their number."""
    items = []
    for departement in geometry["departements"]:
        count = counts[departement["code"]]
        label = fr_ngettext(
            "%(name)s : %(count)s lauréat", "%(name)s : %(count)s lauréats", count
        ) % {
            "name": departement["name"],
            "count": count,
        }
        url = texts.departement_url.format(departement["code"]) + query
        tone = "has-laureates" if count else ""
        items.append({**departement, "count": count, "label": label, "url": url, "tone": tone})
    return items


def laureate_map(filters, schemes):
    """What the map page shows: each labelled body once, at its latest level in the filter."""
    markers, texts = level_markers(schemes), Texts()
    latest, labels = {}, Counter()
    for row in _rows(filters):
        labels[row.body_id] += 1
        latest.setdefault(row.body_id, row)
    entries = sorted(
        (_entry(row, labels[pk], markers, texts) for pk, row in latest.items()),
        key=lambda e: sort_key(e["name"]),
    )
    counts = Counter(e["departement_code"] for e in entries if e["departement_code"])
    geometry = france_map()
    level_counts = Counter(e["level"] for e in entries)
    year = filters.get("edition")
    names = next(s.names for s in schemes if int(year) in s.years) if year else list(markers)
    legend = [
        {
            "name": name,
            "count": level_counts[name],
            "d": markers[name].path(9, 9),
            "colour": markers[name].colour,
        }
        for name in names
        if name in markers
    ]
    return {
        "viewbox": geometry["viewbox"],
        "insets": geometry["insets"],
        "departements": _departements(geometry, counts, _query(filters), texts),
        "points": [e for e in entries if e["placed"]],
        "entries": entries,
        "unplaced": [e for e in entries if not e["placed"]],
        "legend": legend,
        "links": filter_links(filters, schemes),
    }


def departement_laureates(code, filters):
    """Every public label of one département's bodies (with the map's filters), latest first."""
    texts = Texts()
    rows = sorted(_rows(filters, departement_code=code), key=lambda r: (-r.year, sort_key(r.name)))
    return [
        {
            "name": row.name,
            "url": texts.body_url.format(row.slug),
            "kind": texts.kinds.get(row.kind, row.kind),
            "year": row.year,
            "level": row.level,
        }
        for row in rows
    ]
