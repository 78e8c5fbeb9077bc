"""A body's public history: its labels édition by édition, participations and current streak."""

from django.db.models import Prefetch

from .models import Edition, Level, MentionAward, Result


def current_streak(labelled_years, published_years):
    """Éditions in a row, ending with the body's latest label, without a published gap."""
    if not labelled_years:
        return 0, None, None
    latest = max(labelled_years)
    years = [y for y in published_years if y <= latest]
    run, first = 0, latest
    for year in reversed(years):
        if year not in labelled_years:
            break
        run, first = run + 1, year
    return run, first, latest


def mark_scheme_changes(labels):
    """Set ``new_scheme`` (the level names) on each label whose édition uses another scheme than
    the body's previous label, e.g. Badge, Bronze, Argent, Or for a body labelled in 2024 and 2025.
    ``labels`` are newest first; one query."""
    schemes = {}
    for edition_id, name in (
        Level.objects.filter(edition__in={r.edition_id for r in labels})
        .order_by("edition_id", "number")
        .values_list("edition_id", "name")
    ):
        schemes.setdefault(edition_id, []).append(name)
    for newer, older in zip(labels, labels[1:], strict=False):
        changed = schemes.get(newer.edition_id) != schemes.get(older.edition_id)
        newer.new_scheme = schemes.get(newer.edition_id) if changed else None
    if labels:
        labels[-1].new_scheme = None


def body_history(body):
    results = list(
        Result.objects.public()
        .filter(collectivite=body)
        .select_related("edition", "level")
        .prefetch_related(
            Prefetch("mentions", queryset=MentionAward.objects.select_related("mention_type"))
        )
        .order_by("-edition__year")
    )
    labels = [r for r in results if r.level_id]
    mark_scheme_changes(labels)
    published = list(
        Edition.objects.with_public_results().order_by("year").values_list("year", flat=True)
    )
    streak, streak_from, streak_to = current_streak({r.edition.year for r in labels}, published)
    return {
        "results": results,
        "labels": labels,
        "participations": len(results),
        "streak": streak,
        "streak_from": streak_from,
        "streak_to": streak_to,
    }
