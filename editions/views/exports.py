"""Open data of an édition's results: JSON and CSV, Licence Ouverte 2.0."""

import csv

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404

from ..exports import formula_safe_row
from ..models import Edition
from ..records import LICENSE_NAME, LICENSE_URL, edition_block, edition_record

LAUREATE_FIELDS = [
    "name",
    "slug",
    "kind",
    "insee_code",
    "siren",
    "departement",
    "region",
    "population",
    "population_year",
    "level",
    "level_name",
    "participation",
    "url",
]


def _laureates(request, record):
    return [
        {
            **{key: item[key] for key in LAUREATE_FIELDS if key != "url"},
            "url": request.build_absolute_uri(item["path"]),
        }
        for item in record["laureates"]
    ]


def license_headers(response):
    response["Link"] = f'<{LICENSE_URL}>; rel="license"; title="{LICENSE_NAME}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def edition_json(request, year):
    edition = get_object_or_404(Edition, year=year)
    record = edition_record(edition)
    data = {"edition": edition_block(edition)}
    if record:
        data["summary"] = record["summary"]
        data["laureates"] = _laureates(request, record)
        data["mentions"] = [
            {"title": m["title"], "laureate": m["laureate"], "citation": m["citation"]}
            for m in record["mentions"]
        ]
    data["license"] = {"name": LICENSE_NAME, "url": LICENSE_URL}
    return license_headers(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))


def edition_csv(request, year):
    edition = get_object_or_404(Edition, year=year)
    record = edition_record(edition)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tnl-{edition.year}-resultats.csv"'
    writer = csv.DictWriter(response, fieldnames=LAUREATE_FIELDS, lineterminator="\n")
    writer.writeheader()
    if record:
        writer.writerows(formula_safe_row(row) for row in _laureates(request, record))
    return license_headers(response)
