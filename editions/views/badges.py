"""The label badge of a laureate for one édition, as an SVG to download or embed."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string

from ..charts import badge_marks
from ..models import Collectivite, Result


def badge_svg(request, slug, year):
    body = get_object_or_404(Collectivite, slug=slug)
    result = (
        Result.objects.public()
        .laureates()
        .filter(collectivite=body, edition__year=year)
        .select_related("level", "edition")
        .first()
    )
    if result is None:
        raise Http404("Pas de label publié pour cette édition.")
    marks = badge_marks(result.level.number, result.edition.levels.count())
    svg = render_to_string(
        "editions/badge.svg",
        {"body": body, "year": year, "level": result.level, "marks": marks},
    )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    if "telecharger" in request.GET:
        response["Content-Disposition"] = f'attachment; filename="label-tnl-{year}-{body.slug}.svg"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
