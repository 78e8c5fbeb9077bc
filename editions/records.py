"""The published record of an édition, built in a fixed number of queries and cached.

Views (HTML page, JSON, CSV) only format what :func:`edition_record` returns; nothing here
bypasses ``Result.objects.public()``.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from . import cache
from .models import Edition, MentionAward, Result

LICENSE_NAME = "Licence Ouverte 2.0"
LICENSE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def participation_subquery(now=None):
    """How many éditions, up to the result's own, the body has applied to (public rows only)."""
    earlier = (
        Result.objects.public(now)
        .filter(
            collectivite_id=OuterRef("collectivite_id"),
            edition__year__lte=OuterRef("edition__year"),
        )
        .order_by()
        .values("collectivite_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(earlier, output_field=IntegerField()), 0)


def edition_block(edition):
    return {
        "year": edition.year,
        "ordinal": edition.ordinal,
        "ceremony_date": edition.ceremony_date.isoformat() if edition.ceremony_date else None,
        "ceremony_place": edition.ceremony_place,
    }


def _summary(edition, levels, now=None):
    counts = (
        Result.objects.public(now)
        .filter(edition=edition)
        .aggregate(
            candidatures=Count("pk"),
            laureates=Count("pk", filter=Q(level__isnull=False)),
        )
    )
    by_level = dict(
        Result.objects.public(now)
        .filter(edition=edition, level__isnull=False)
        .order_by()
        .values_list("level__number")
        .annotate(n=Count("pk"))
    )
    return {
        "candidatures": counts["candidatures"],
        "laureates": counts["laureates"],
        "by_level": {str(level.number): by_level.get(level.number, 0) for level in levels},
    }


def _laureate(result, url_prefix=""):
    body = result.collectivite
    return {
        "name": body.name,
        "slug": body.slug,
        "kind": body.kind,
        "kind_label": str(body.get_kind_display()),
        "insee_code": body.insee_code,
        "siren": body.siren,
        "departement": body.departement,
        "departement_code": body.departement_code,
        "region": body.region,
        "population": result.population,
        "population_year": result.population_year,
        "level": result.level.number,
        "level_name": result.level.name,
        "participation": result.participation,
        "path": body.get_absolute_url(),
        "public_comment": result.public_comment,
    }


def build_record(edition, now=None):
    """Everything the public sees of a published édition, as plain data (cacheable).

    ``now``: the moment the public looks (the palmarès preview looks at the results date)."""
    levels = list(edition.levels.order_by("number"))
    results = (
        Result.objects.public(now)
        .laureates()
        .filter(edition=edition)
        .select_related("collectivite", "level")
        .annotate(participation=participation_subquery(now))
        .order_by("-level__number", "collectivite__name")
    )
    laureates = [_laureate(result) for result in results]
    mentions = [
        {
            "title": award.mention_type.name,
            "laureate": award.result.collectivite.name,
            "slug": award.result.collectivite.slug,
            "citation": award.citation,
        }
        for award in MentionAward.objects.filter(
            result__in=Result.objects.public(now).filter(edition=edition)
        )
        .select_related("mention_type", "result__collectivite")
        .order_by("mention_type__sort_order", "mention_type__name", "pk")
    ]
    summary = _summary(edition, levels, now)
    groups = [
        {
            "number": level.number,
            "name": level.name,
            "description": level.description,
            "count": summary["by_level"][str(level.number)],
            "laureates": [item for item in laureates if item["level"] == level.number],
        }
        for level in reversed(levels)
    ]
    # 2025 scheme: badges apart from labels, each track with the groups of its levels.
    tracks = [
        {
            "name": track.name,
            "slug": track.slug,
            "description": track.description,
            "groups": [
                group
                for group in groups
                if group["number"] in {level.number for level in track.levels.all()}
            ],
        }
        for track in edition.tracks.prefetch_related("levels").order_by("sort_order", "pk")
    ]
    previous = (
        Edition.objects.with_public_results(now)
        .filter(year__lt=edition.year)
        .order_by("-year")
        .annotate(
            n_candidatures=Count("results"),
            n_laureates=Count("results", filter=Q(results__level__isnull=False)),
        )
        .values("year", "n_candidatures", "n_laureates")
        .first()
    )
    return {
        "edition": edition_block(edition),
        "summary": summary,
        "laureates": laureates,
        "mentions": mentions,
        "groups": groups,
        "tracks": tracks,
        "previous": previous,
        "max_count": max([group["count"] for group in groups] or [0]),
    }


def edition_record(edition):
    """The cached record of a published édition, or None while its results are embargoed."""
    if not edition.results_are_public():
        return None
    return cache.cached(f"record:{edition.pk}", lambda: build_record(edition))


def edition_overview():
    """Every édition with its key figures; figures stay empty while results are embargoed."""
    editions = Edition.objects.order_by("-year").annotate(
        n_candidatures=Count("results", distinct=True),
        n_laureates=Count("results", filter=Q(results__level__isnull=False), distinct=True),
    )
    overview = []
    for edition in editions:
        public = edition.results_are_public()
        overview.append(
            {
                "edition": edition,
                "state": edition.state(),
                "public": public,
                "candidatures": edition.n_candidatures if public else None,
                "laureates": edition.n_laureates if public else None,
            }
        )
    return overview
