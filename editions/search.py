"""The public record in the site search (home.search's SEARCH_PROVIDERS): labelled bodies whose
name matches, and the éditions named by their year, each a link to its public page."""

import re

from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from .models import Collectivite, Edition, Result

MAX_BODIES = 10


def search_record(terms):
    """[{"title", "url", "kind"}]: éditions with public results, then labelled bodies."""
    hits = []
    years = [int(word) for word in terms.split() if re.fullmatch(r"(19|20)[0-9]{2}", word)]
    if years:
        for edition in Edition.objects.with_public_results().filter(year__in=years):
            hits.append(
                {
                    "title": _("Édition %(year)s du label") % {"year": edition.year},
                    "url": edition.get_absolute_url(),
                    "kind": _("Édition"),
                }
            )
    words = [word for word in terms.split() if not word.isdigit()]
    if words:
        found = get_search_backend().search(" ".join(words), Collectivite)[:50]
        matches = [body.pk for body in found]
        labelled = set(
            Result.objects.public()
            .laureates()
            .filter(collectivite_id__in=matches)
            .values_list("collectivite_id", flat=True)
        )
        bodies = Collectivite.objects.in_bulk([pk for pk in matches if pk in labelled])
        for pk in [pk for pk in matches if pk in bodies][:MAX_BODIES]:
            body = bodies[pk]
            hits.append(
                {
                    "title": body.name,
                    "url": body.get_absolute_url(),
                    "kind": body.get_kind_display(),
                }
            )
    return hits
