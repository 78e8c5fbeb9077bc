"""A new édition set up from the previous one: its level scheme, criteria domains and mention
types (and, through ``hooks.edition_copied``, what the process owns: the questionnaire), with the
calendar moved by the years between them. Everything stays editable afterwards."""

from django.db import transaction
from django.utils.translation import gettext as _

from . import hooks
from .models import ApplicationTrack, CriteriaDomain, Edition, Level, MentionType

CALENDAR = ["call_opens_at", "deadline", "jury_date", "results_published_at", "ceremony_date"]


def shifted(value, years):
    """The same day ``years`` later (29 February becomes 28 February)."""
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def next_year(source):
    """The year to propose: the one after ``source``, or after the latest when it exists."""
    if not Edition.objects.filter(year=source.year + 1).exists():
        return source.year + 1
    return Edition.objects.order_by("-year").values_list("year", flat=True).first() + 1


@transaction.atomic
def copy_edition(source, year):
    """Create the édition ``year`` from ``source``; return it and what was copied (French)."""
    years = year - source.year
    target = Edition(year=year, intro="", ceremony_place=source.ceremony_place)
    for field in CALENDAR:
        setattr(target, field, shifted(getattr(source, field), years))
    target.save()
    Level.objects.bulk_create(
        Level(
            edition=target,
            number=level.number,
            name=level.name,
            description=level.description,
            sort_order=level.sort_order,
        )
        for level in source.levels.order_by("number")
    )
    CriteriaDomain.objects.bulk_create(
        CriteriaDomain(edition=target, name=d.name, description=d.description, sort_order=i)
        for i, d in enumerate(source.criteria_domains.order_by("sort_order", "pk"))
    )
    MentionType.objects.bulk_create(
        MentionType(edition=target, name=m.name, description=m.description, sort_order=i)
        for i, m in enumerate(source.mention_types.order_by("sort_order", "pk"))
    )
    if not target.levels.exists():
        target.add_levels()
    copy_tracks(source, target)
    copied = [
        _("%(n)s niveau(x)") % {"n": target.levels.count()},
        _("%(n)s domaine(s) de critères") % {"n": target.criteria_domains.count()},
        _("%(n)s type(s) de mention") % {"n": target.mention_types.count()},
    ]
    if target.tracks.exists():
        copied.append(_("%(n)s parcours") % {"n": target.tracks.count()})
    copied += hooks.responses(hooks.edition_copied, source=source, target=target)
    return target, copied


def copy_tracks(source, target):
    """The application tracks (2025 scheme), their levels matched by rank among the target's."""
    levels = {level.number: level for level in target.levels.all()}
    for track in source.tracks.prefetch_related("levels").order_by("sort_order", "pk"):
        copy = ApplicationTrack(
            edition=target,
            name=track.name,
            slug=track.slug,
            description=track.description,
            sort_order=track.sort_order,
        )
        copy.levels = [levels[lv.number] for lv in track.levels.all() if lv.number in levels]
        copy.save()
