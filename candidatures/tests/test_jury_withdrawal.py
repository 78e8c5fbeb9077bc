"""A withdrawal during the instruction: the history ends on "Retiré", never on a stray "Déposé"."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from candidatures.applicant.submission import withdraw_dossier
from candidatures.models import CandidatureStatus
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, submit

pytestmark = pytest.mark.django_db


def status_entries(candidature):
    entries = ModelLogEntry.objects.for_instance(candidature).filter(action="tnl.status")
    return list(entries.order_by("pk").values_list("data__status", flat=True))


def test_withdrawal_logs_withdrawn_and_no_submitted_after_it(client, edition, people):
    candidature = make_candidature(edition, people["applicant"], name="Commune Qui Se Retire")
    submit(candidature, people["applicant"])
    assert candidature.status == CandidatureStatus.ELIGIBILITY

    withdraw_dossier(
        candidature, people["applicant"], now=edition.deadline - datetime.timedelta(hours=1)
    )

    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.WITHDRAWN
    statuses = status_entries(candidature)
    assert "Retiré" in statuses
    assert "Déposé" not in statuses[statuses.index("Retiré") :]
    assert statuses[-1] == "Retiré"

    client.force_login(people["staff"])
    history = client.get(
        reverse("wagtailsnippets_candidatures_candidature:history", args=[candidature.pk])
    ).content.decode()
    assert "Retiré" in history
