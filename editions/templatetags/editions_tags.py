"""Template tags other apps' templates may use (e.g. the home page's call to action)."""

from django import template
from django.utils import timezone

from .. import french
from ..models import Edition
from ..records import edition_record

register = template.Library()


@register.filter
def de(name):
    """ "{{ name|de }}": "d'Abbeville", "de Lettret", "du Havre" (``editions.french``)."""
    return french.of_name(name)


@register.filter
def fr_form(count):
    """For ``{% blocktranslate with count=n count form=n|fr_form %}``: the French plural rule
    ("0 lauréat"), the displayed ``count`` unchanged."""
    return french.plural_form(count or 0)


@register.inclusion_tag("editions/includes/current_edition_cta.html")
def current_edition_cta():
    """The édition open for applications, else the next one, else the latest published one."""
    now = timezone.now()
    editions = list(Edition.objects.order_by("-year")[:3])
    current = next((e for e in editions if e.accepts_applications(now)), None)
    latest = next((e for e in editions if e.results_are_public(now)), None)
    upcoming = next(
        (e for e in reversed(editions) if e.state(now) == "upcoming"),
        None,
    )
    return {"open_edition": current, "upcoming_edition": upcoming, "latest_edition": latest}


def _wording(override, default, year):
    """The comms staff's wording if any ("{année}" stands for the year), else ours."""
    return (override or default).replace("{année}", str(year))


@register.simple_tag
def latest_edition_key_figures(candidatures_label="", mentions_label=""):
    """The home page's key figures from the record of the latest édition whose results are
    public: a list of ``{"value", "label"}``, empty while every édition is embargoed.

    One query for the édition; its record comes from the cache (built in a fixed number of
    queries when missing). The labels may be reworded on the home page.
    """
    edition = Edition.objects.with_public_results().order_by("-year").first()
    record = edition_record(edition) if edition is not None else None
    if record is None:
        return []
    year = edition.year
    candidatures = record["summary"]["candidatures"]
    mentions = len(record["mentions"])
    figures = [
        {
            "value": candidatures,
            "label": _wording(
                candidatures_label,
                french.fr_ngettext(
                    "candidature en {année}", "candidatures en {année}", candidatures
                ),
                year,
            ),
        }
    ]
    if mentions:
        figures.append(
            {
                "value": mentions,
                "label": _wording(
                    mentions_label,
                    french.fr_ngettext(
                        "mention spéciale décernée en {année}",
                        "mentions spéciales décernées en {année}",
                        mentions,
                    ),
                    year,
                ),
            }
        )
    return figures
