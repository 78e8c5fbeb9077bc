"""Demo éditions 2016-2025 and the open édition 2027 (see `manage.py load_demo`, docs/results.md).

Idempotent: objects are looked up by natural keys and only created when missing (a field is only
ever filled when empty), so running it again keeps admin edits. Real names are only those
DOMAIN.md lists as laureates; every other place is a body visibly named "Collectivité de
démonstration N" (facts.py). Codes and populations of real communes and EPCI come from the shipped
official extract (editions/data), never typed by hand. Demonstration bodies get a seat commune
from that extract, so that the map shows them, but no INSEE code or SIREN of their own.
"""

import functools

from wagtail.search.backends import get_search_backends

from .. import cache
from ..geography import is_on_map
from ..models import (
    ApplicationTrack,
    Collectivite,
    CriteriaDomain,
    Edition,
    Level,
    MentionAward,
    MentionType,
    Result,
    population_as_of,
)
from ..services import read_territories
from .facts import (
    AWARDS,
    CRITERIA_2019,
    CRITERIA_2024,
    EDITIONS,
    LEVEL_SCHEMES,
    MENTIONS,
    REAL,
    RESULT_POPULATIONS,
    RESULTS,
    TRACKS,
    K,
)

SEAT_FIELDS = ["departement_code", "departement", "region_code", "region"]


class Territories:
    """The shipped official extract: codes of real bodies, seats of demonstration bodies."""

    def __init__(self):
        territories = list(read_territories())
        self.by_code = {t.code: t for t in territories}
        # Seats for demonstration bodies: towns of 10,000 inhabitants or more on the map.
        self.seats = sorted(
            (
                t
                for t in territories
                if t.kind == "commune" and (t.population or 0) >= 10000 and is_on_map(t.code)
            ),
            key=lambda t: t.code,
        )

    def seat(self, n):
        return self.seats[(n * 37) % len(self.seats)]


@functools.cache
def shipped_territories():
    """Read once per process: the file does not change while the site runs (38,000 rows)."""
    return Territories()


def load_bodies(territories):
    bodies = {}
    for name, (kind, code, extra) in REAL.items():
        body = Collectivite.objects.filter(name=name).first()
        if body is None:
            territory = territories.by_code.get(code)
            if territory is not None:
                body = Collectivite.from_territory(territory, save=False, kind=kind, name=name)
            else:
                body = Collectivite(name=name, kind=kind)
            for field, value in extra.items():
                setattr(body, field, value)
            body.save()
        bodies[name] = body
    return bodies


def place(body, n, territories):
    """A seat for a demonstration body, unless it already has a place (admin edits are kept)."""
    if not body.seat_insee_code and not body.departement_code:
        seat = territories.seat(n)
        body.seat_insee_code = seat.insee_code
        for field in SEAT_FIELDS:
            setattr(body, field, getattr(seat, field))
        return True
    return False


def load_demo_bodies(bodies, territories):
    """Every "Collectivité de démonstration N" of RESULTS, created in one query when missing."""
    names = {name for results in RESULTS.values() for name in results if name not in bodies}
    existing = {body.name: body for body in Collectivite.objects.filter(name__in=names)}
    new = []
    for name in sorted(names - set(existing)):
        n = int(name.rsplit(" ", 1)[1])
        body = Collectivite(
            name=name,
            slug=Collectivite.unique_slug(name),
            kind=K.COMMUNE,
            population=800 + n * 613,
            population_year=2023,
        )
        place(body, n, territories)
        new.append(body)
    Collectivite.objects.bulk_create(new)
    for backend in get_search_backends():  # bulk_create skips the search index
        backend.add_bulk(Collectivite, new)
    for body in existing.values():
        if place(body, int(body.name.rsplit(" ", 1)[1]), territories):
            body.save()
    bodies.update(existing)
    bodies.update({body.name: body for body in new})


def load_edition(year, values):
    edition, _created = Edition.objects.get_or_create(year=year, defaults=values)
    if not edition.levels.exists():
        scheme = LEVEL_SCHEMES.get(year)
        if scheme is None:
            edition.add_levels()
        for number, name, description in scheme or []:
            Level.objects.create(
                edition=edition,
                number=number,
                name=name,
                description=description,
                sort_order=number,
            )
    load_tracks(edition)
    if not edition.criteria_domains.exists():
        for order, (name, description) in enumerate(
            CRITERIA_2024 if year >= 2024 else CRITERIA_2019
        ):
            CriteriaDomain.objects.create(
                edition=edition, name=name, description=description, sort_order=order
            )
    return edition


def load_tracks(edition):
    """The 2025 scheme's Badge and Label tracks, created when missing (never edited after)."""
    if edition.tracks.exists():
        return
    levels = {level.number: level for level in edition.levels.all()}
    for order, (slug, name, description, numbers) in enumerate(TRACKS.get(edition.year, [])):
        track = ApplicationTrack(
            edition=edition, slug=slug, name=name, description=description, sort_order=order
        )
        track.levels = [levels[n] for n in numbers if n in levels]
        track.save()


def load_results(edition, bodies):
    """The édition's results, created in one query when missing (population as of the édition)."""
    levels = {level.number: level for level in Level.objects.filter(edition=edition)}
    existing = set(Result.objects.filter(edition=edition).values_list("collectivite_id", flat=True))
    new = []
    for name, number in RESULTS.get(edition.year, {}).items():
        body = bodies[name]
        if body.pk in existing:
            continue
        figure = RESULT_POPULATIONS.get((edition.year, name)) or population_as_of(
            body, edition.year
        )
        new.append(
            Result(
                edition=edition,
                collectivite=body,
                level=levels.get(number),
                population=figure[0],
                population_year=figure[1],
            )
        )
    Result.objects.bulk_create(new)


def load_mentions(edition, bodies):
    for order, name in enumerate(MENTIONS.get(edition.year, [])):
        MentionType.objects.get_or_create(
            edition=edition, name=name, defaults={"sort_order": order}
        )
    for body_name, mention, citation in AWARDS.get(edition.year, []):
        result = Result.objects.get(edition=edition, collectivite=bodies[body_name])
        MentionAward.objects.get_or_create(
            result=result,
            mention_type=MentionType.objects.get(edition=edition, name=mention),
            defaults={"citation": citation},
        )


def load(stdout=None):
    territories = shipped_territories()
    bodies = load_bodies(territories)
    load_demo_bodies(bodies, territories)
    for year, values in sorted(EDITIONS.items()):
        edition = load_edition(year, values)
        load_results(edition, bodies)
        load_mentions(edition, bodies)
    cache.record_changed()  # the bulk inserts sent no signal
    if stdout:
        stdout.write("Éditions et palmarès de démonstration chargés (2016-2025, 2027).")
    return Edition.objects.get(year=2021)
