"""What the data points to when the jury chooses its special mentions (shown to staff only).

Three hints per édition: the smallest population among laureates, the highest level among
first-time applicants, and the longest run of consecutive labels at the same level. The jury's
choice is still recorded by hand.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Edition, Result


@dataclass
class Suggestion:
    title: str
    explanation: str
    bodies: list = field(default_factory=list)  # (collectivite, detail) pairs


@dataclass
class Entry:
    """A body at a level in the édition: a published laureate, or a dossier being decided."""

    collectivite: object
    level: object

    @property
    def collectivite_id(self):
        return self.collectivite.pk


def published_laureates(edition):
    return [
        Entry(r.collectivite, r.level)
        for r in Result.objects.laureates()
        .filter(edition=edition)
        .select_related("collectivite", "level")
        .order_by("collectivite__name")
    ]


def _history(edition, entries):
    """Level per year of each entry's body: earlier results plus this édition's entry (1 query)."""
    past = (
        Result.objects.filter(
            collectivite_id__in=[e.collectivite_id for e in entries],
            edition__year__lt=edition.year,
        )
        .values_list("collectivite_id", "edition__year", "level__number")
        .order_by("collectivite_id", "edition__year")
    )
    history = {}
    for body_id, year, level in past:
        history.setdefault(body_id, {})[year] = level
    for entry in entries:
        history.setdefault(entry.collectivite_id, {})[edition.year] = entry.level.number
    return history


def smallest(laureates):
    known = [r for r in laureates if r.collectivite.population is not None]
    if not known:
        return []
    low = min(r.collectivite.population for r in known)
    return [
        (
            r.collectivite,
            _("%(pop)s habitants (%(year)s)")
            % {"pop": r.collectivite.population, "year": r.collectivite.population_year or "?"},
        )
        for r in known
        if r.collectivite.population == low
    ]


def best_first_application(laureates, history, year):
    firsts = [
        r for r in laureates if not [y for y in history.get(r.collectivite_id, {}) if y < year]
    ]
    if not firsts:
        return []
    top = max(r.level.number for r in firsts)
    return [(r.collectivite, r.level.name) for r in firsts if r.level.number == top]


def run_length(years_levels, years, level):
    """How many éditions in a row, ending with the last of ``years``, at ``level``."""
    run = 0
    for year in reversed(years):
        if years_levels.get(year) != level:
            break
        run += 1
    return run


def longest_run(laureates, history, years):
    runs = [
        (r, run_length(history.get(r.collectivite_id, {}), years, r.level.number))
        for r in laureates
    ]
    runs = [(r, n) for r, n in runs if n > 1]
    if not runs:
        return []
    top = max(n for _r, n in runs)
    return [
        (
            r.collectivite,
            _("%(level)s, %(count)s éditions de suite") % {"level": r.level.name, "count": n},
        )
        for r, n in runs
        if n == top
    ]


def suggestions_for(edition, entries=None):
    """The three hints for ``edition``: on its published laureates by default, or on the given
    entries (the deliberation screen passes the dossiers being decided with their levels)."""
    laureates = published_laureates(edition) if entries is None else entries
    history = _history(edition, laureates)
    years = list(
        Edition.objects.filter(year__lte=edition.year)
        .order_by("year")
        .values_list("year", flat=True)
    )
    return [
        Suggestion(
            _("Plus petite collectivité"),
            _("La plus petite population parmi les lauréats."),
            smallest(laureates),
        ),
        Suggestion(
            _("Meilleure première candidature"),
            _("Le plus haut niveau parmi les organismes qui candidatent pour la première fois."),
            best_first_application(laureates, history, edition.year),
        ),
        Suggestion(
            _("Meilleure continuité"),
            _("La plus longue suite d'éditions consécutives labellisées au même niveau."),
            longest_run(laureates, history, years),
        ),
    ]
