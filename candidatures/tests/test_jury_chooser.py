"""The Candidature snippet chooser, from the side of a juror who must not list or pick a dossier
that is not assigned to them or that they are in conflict with."""

import pytest
from django.urls import reverse

from candidatures.tests import test_jury_permissions
from candidatures.tests.jury_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

dossiers = test_jury_permissions.dossiers

HIDDEN = ("Commune En Conflit", "Commune Étrangère")


def chooser_url(name, *args):
    return reverse(f"wagtailsnippetchoosers_candidatures_candidature:{name}", args=args)


def test_juror_chooser_lists_only_assigned_dossiers(client, people, dossiers):
    client.force_login(people["jure1"])
    choose = client.get(chooser_url("choose"))
    assert choose.status_code == 200
    body = choose.json()["html"]
    assert "Commune Attribuée" in body
    assert not any(n in body for n in HIDDEN)
    results = client.get(chooser_url("choose_results"), {"q": "Commune"}).content.decode()
    assert "Commune Attribuée" in results
    assert not any(n in results for n in HIDDEN)


@pytest.mark.parametrize("which", ["conflicted", "other"])
def test_juror_cannot_pick_a_hidden_dossier_in_the_chooser(client, people, dossiers, which):
    client.force_login(people["jure1"])
    response = client.get(chooser_url("chosen", dossiers[which].pk))
    assert response.status_code == 404
    multiple = client.get(chooser_url("chosen_multiple"), {"id": [dossiers[which].pk]})
    assert not any(n in multiple.content.decode() for n in HIDDEN)


def test_staff_chooser_lists_every_dossier(client, people, dossiers):
    client.force_login(people["staff"])
    body = client.get(chooser_url("choose")).json()["html"]
    assert all(n in body for n in ("Commune Attribuée", *HIDDEN))
