import pytest

from .jury_fixtures import *  # noqa
from .jury_fixtures import make_candidature
from .test_jury_screens import to_evaluation

pytestmark = pytest.mark.django_db


def test_x(client, edition, jury, people):
    c = make_candidature(edition, people["applicant"], name="Commune Secrète")
    to_evaluation(c, people)
    client.force_login(people["jure3"])
    for url in [
        "/admin/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/workflows/list/",
        "/admin/snippets/",
        "/admin/snippets/candidatures/candidature/",
        "/admin/jury/",
    ]:
        r = client.get(url)
        print(url, r.status_code, "Secrète" in r.content.decode(), r.get("Location"))
