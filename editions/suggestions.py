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
    """A body at a level in the édition: a published laureate, or a dossier being decided.

    ``population`` is the figure recorded with the result; a dossier being decided has none yet
    and uses the body's own.
    """

    collectivite: object
    level: object
    population: int | None = None
    population_year: int | None = None

    @property
    def collectivite_id(self):
        return self.collectivite.pk

    def figure(self):
        if self.population is not None:
            return self.population, self.population_year
        return self.collectivite.population, self.collectivite.population_year


def published_laureates(edition):
    return [
        Entry(r.collectivite, r.level, r.population, r.population_year)
        for r in Result.objects.laureates()
        .filter(edition=edition)
        .select_related("collectivite", "level")
        .order_by("collectivite__name")
    ]


def _history(edition, entries):
    """Level name per year of each entry's body: earlier results plus this édition's entry
    (1 query). Names, not numbers: "Niveau 4" and "Or" are both number 4 of their scheme."""
    past = (
        Result.objects.filter(
            collectivite_id__in=[e.collectivite_id for e in entries],
            edition__year__lt=edition.year,
        )
        .values_list("collectivite_id", "edition__year", "level__name")
        .order_by("collectivite_id", "edition__year")
    )
    history = {}
    for body_id, year, level in past:
        history.setdefault(body_id, {})[year] = level
    for entry in entries:
        history.setdefault(entry.collectivite_id, {})[edition.year] = entry.level.name
    return history


def smallest(laureates):
    known = [(r, *r.figure()) for r in laureates if r.figure()[0] is not None]
    if not known:
        return []
    low = min(population for _r, population, _year in known)
    return [
        (r.collectivite, _("%(pop)s habitants (%(year)s)") % {"pop": pop, "year": year or "?"})
        for r, pop, year in known
        if pop == low
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
        (r, run_length(history.get(r.collectivite_id, {}), years, r.level.name)) for r in laureates
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
