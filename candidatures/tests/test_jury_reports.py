"""Wagtail's site-wide reports and dashboard, from the side of a juror who must
not read the names of dossiers that are not assigned to them or that they are in conflict with."""

import pytest
from django.urls import reverse

from candidatures.tests import test_jury_permissions
from candidatures.tests.jury_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

dossiers = test_jury_permissions.dossiers

HIDDEN = ("Commune En Conflit", "Commune Étrangère")
REPORTS = [
    "site_history",
    "site_history_results",
    "workflow",
    "workflow_results",
    "workflow_tasks",
    "workflow_tasks_results",
]


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("who", ["jure1", "president"])
def test_juror_and_president_refused_site_history_and_workflow_reports(
    client, people, dossiers, name, who
):
    client.force_login(people[who])
    response = client.get(reverse(f"wagtailadmin_reports:{name}"))
    assert response.status_code == 403
    body = response.content.decode()
    assert not any(n in body for n in HIDDEN)


def test_staff_still_reads_the_site_history(client, people, dossiers):
    client.force_login(people["staff"])
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "Commune Étrangère" in response.content.decode()


def test_juror_dashboard_and_menu_do_not_show_other_dossiers_or_reports(client, people, dossiers):
    client.force_login(people["jure1"])
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert not any(n in body for n in HIDDEN)
    assert reverse("wagtailadmin_reports:site_history") not in body
    assert reverse("wagtailadmin_reports:workflow") not in body
    assert reverse("wagtailadmin_reports:workflow_tasks") not in body


def test_juror_admin_search_shows_no_hidden_dossier(client, people, dossiers):
    client.force_login(people["jure1"])
    # Wagtail's admin search covers pages, images, documents and users, not snippets; a juror
    # without page rights is sent back to the dashboard. Either way no dossier name shows.
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Commune"}, follow=True)
    assert response.status_code == 200
    assert not any(n in response.content.decode() for n in HIDDEN)
