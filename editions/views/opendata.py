"""The all-years open data: the page presenting it, the CSV, the JSON and the TableSchema."""

import csv

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date

from ..exports import formula_safe_row
from ..models import Edition
from ..opendata import COLUMNS, FIELD_NAMES, csv_row, rows, table_schema, updated_at
from ..records import LICENSE_NAME, LICENSE_URL
from .exports import license_headers

TITLE = "Palmarès du label Territoire Numérique Libre, toutes éditions"


def _dated(response, when):
    if when:
        response["Last-Modified"] = http_date(when.timestamp())
    return license_headers(response)


def open_data(request):
    editions = Edition.objects.with_public_results().order_by("-year")
    context = {
        "columns": COLUMNS,
        "updated_at": updated_at(),
        "editions": editions,
        "license_name": LICENSE_NAME,
        "license_url": LICENSE_URL,
    }
    return render(request, "editions/open_data.html", context)


def open_data_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tnl-resultats.csv"'
    writer = csv.DictWriter(response, fieldnames=FIELD_NAMES, lineterminator="\n")
    writer.writeheader()
    writer.writerows(formula_safe_row(csv_row(row)) for row in rows(request.build_absolute_uri))
    response = _dated(response, updated_at())
    response["Link"] += f', <{reverse("editions:open_data_schema")}>; rel="describedby"'
    return response


def open_data_json(request):
    when = updated_at()
    data = {
        "title": TITLE,
        "license": {"name": LICENSE_NAME, "url": LICENSE_URL},
        "updated_at": when.isoformat() if when else None,
        "schema": request.build_absolute_uri(reverse("editions:open_data_schema")),
        "results": rows(request.build_absolute_uri),
    }
    return _dated(JsonResponse(data, json_dumps_params={"ensure_ascii": False}), when)


def open_data_schema(request):
    return license_headers(
        JsonResponse(table_schema(), json_dumps_params={"ensure_ascii": False, "indent": 1})
    )
