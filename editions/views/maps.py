"""The laureates' map and a département's laureates."""

from django.http import Http404
from django.shortcuts import render

from ..forms import MapFilterForm
from ..geography import SOURCE, departement_names
from ..laureate_map import departement_laureates, filter_links, laureate_map, map_url
from ..schemes import level_schemes


def _filters(request):
    schemes = level_schemes()
    form = MapFilterForm(request.GET or None, schemes=schemes)
    return form, (form.valid_filters() if form.is_bound else {}), schemes


def laureate_map_view(request):
    form, filters, schemes = _filters(request)
    context = {"form": form, "filters": filters, "map": laureate_map(filters, schemes)}
    return render(request, "editions/map.html", {**context, "source": SOURCE})


def map_departement(request, code):
    name = departement_names().get(code)
    if name is None:
        raise Http404("Département inconnu.")
    form, filters, schemes = _filters(request)
    context = {
        "form": form,
        "filters": filters,
        "code": code,
        "name": name,
        "laureates": departement_laureates(code, filters),
        "links": filter_links(filters, schemes, base=request.path),
        "map_url": map_url(filters),
    }
    return render(request, "editions/map_departement.html", context)
