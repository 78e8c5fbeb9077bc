"""Template tags other apps' templates may use (e.g. the home page's call to action)."""

from django import template
from django.utils import timezone

from ..models import Edition

register = template.Library()


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
