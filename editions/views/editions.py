"""Public pages of the éditions: the list with key figures and one édition's palmarès."""

from django.shortcuts import get_object_or_404, render

from ..charts import bar_chart
from ..models import Edition
from ..records import LICENSE_NAME, LICENSE_URL, edition_overview, edition_record


def edition_list(request):
    return render(request, "editions/edition_list.html", {"overview": edition_overview()})


def edition_detail(request, year):
    edition = get_object_or_404(
        Edition.objects.prefetch_related("levels", "criteria_domains").select_related("rules_page"),
        year=year,
    )
    return render(
        request,
        "editions/edition_detail.html",
        detail_context(edition, edition_record(edition), edition.state()),
    )


def detail_context(edition, record, state):
    """The palmarès page's context (the admin preview renders the same page with it)."""
    context = {
        "edition": edition,
        "state": state,
        "record": record,
        "license_name": LICENSE_NAME,
        "license_url": LICENSE_URL,
    }
    if record:
        context["chart"] = bar_chart(edition.year, record["groups"])
        previous = record["previous"]
        if previous:
            context["change"] = {
                "year": previous["year"],
                "candidatures": record["summary"]["candidatures"] - previous["n_candidatures"],
                "laureates": record["summary"]["laureates"] - previous["n_laureates"],
            }
    return context
