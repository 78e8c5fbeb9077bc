"""Level schemes: the levels are data of each édition, and the scheme changed in 2025.

A scheme is the ordered list of levels shared by consecutive éditions: "Niveau 1" to "Niveau 5"
from 2016 to 2024, then Badge, Bronze, Argent, Or. Whatever shows the levels of several éditions
at once (the directory's filter, the map's legend) groups them by scheme instead of assuming one.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import Edition, Level


@dataclass
class Scheme:
    years: list = field(default_factory=list)
    levels: tuple = ()  # (number, name) pairs, lowest first

    @property
    def label(self):
        first, last = self.years[0], self.years[-1]
        span = str(first) if first == last else f"{first}–{last}"
        return _("Barème %(years)s") % {"years": span}

    @property
    def names(self):
        return [name for _number, name in self.levels]


def level_schemes(editions=None):
    """The schemes of the given éditions (default: those with public results), oldest first.

    Two éditions share a scheme when their levels (numbers and names) are the same and no other
    scheme came between them.
    """
    editions = Edition.objects.with_public_results() if editions is None else editions
    by_year = {}
    for year, number, name in (
        Level.objects.filter(edition__in=editions)
        .order_by("edition__year", "number")
        .values_list("edition__year", "number", "name")
    ):
        by_year.setdefault(year, []).append((number, name))
    schemes = []
    for year, levels in sorted(by_year.items()):
        if schemes and schemes[-1].levels == tuple(levels):
            schemes[-1].years.append(year)
        else:
            schemes.append(Scheme([year], tuple(levels)))
    return schemes


def distinct_level_names(schemes):
    """Every level name once, in scheme order (oldest scheme first, lowest level first)."""
    names = []
    for scheme in schemes:
        names.extend(name for name in scheme.names if name not in names)
    return names
