"""The directory of labelled bodies and each body's page (history, streak, badges)."""

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from ..forms import DirectoryFilterForm
from ..history import body_history
from ..models import Collectivite, Result

PER_PAGE = 24


def _latest(field):
    return Subquery(
        Result.objects.public()
        .laureates()
        .filter(collectivite=OuterRef("pk"))
        .order_by("-edition__year")
        .values(field)[:1]
    )


def directory_queryset(filters):
    results = Result.objects.public().laureates()
    if "niveau" in filters:
        results = results.filter(level__name=filters["niveau"])
    if "edition" in filters:
        results = results.filter(edition__year=int(filters["edition"]))
    bodies = Collectivite.objects.filter(pk__in=results.values("collectivite_id"))
    if "type" in filters:
        bodies = bodies.filter(kind=filters["type"])
    if "region" in filters:
        bodies = bodies.filter(region=filters["region"])
    if "q" in filters:
        bodies = bodies.filter(name__icontains=filters["q"].strip())
    labels = (
        Result.objects.public()
        .laureates()
        .filter(collectivite=OuterRef("pk"))
        .order_by()
        .values("collectivite")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return bodies.annotate(
        latest_year=_latest("edition__year"),
        latest_level=_latest("level__name"),
        labels=Subquery(labels, output_field=IntegerField()),
    ).order_by(Lower("name"), "pk")


def collectivite_list(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.valid_filters() if form.is_bound else {}
    paginator = Paginator(directory_queryset(filters), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "editions/collectivite_list.html",
        {
            "form": form,
            "page_obj": page,
            "bodies": page.object_list,
            "querystring": query.urlencode(),
            "filtered": bool(filters),
        },
    )


def collectivite_detail(request, slug):
    body = get_object_or_404(Collectivite, slug=slug)
    history = body_history(body)
    if not history["labels"]:
        raise Http404("Aucun label publié pour cet organisme.")
    return render(
        request,
        "editions/collectivite_detail.html",
        {"body": body, **history},
    )
