"""An applicant who started a dossier from the self-assessment finds the matching answers."""

import pytest
from django.urls import reverse

from candidatures.models import Candidature
from candidatures.tests.applicant_helpers import (
    make_body,
    make_edition,
    make_questionnaire,
    make_user,
)
from editions.selfassessment.forms import field_name
from editions.selfassessment.models import SelfAssessment, SelfAssessmentQuestion
from editions.selfassessment.services import SESSION_KEY

pytestmark = pytest.mark.django_db


def test_the_self_assessment_prefills_the_new_dossier(client):
    edition = make_edition(2027)
    make_questionnaire(edition)
    strategy = edition.criteria_domains.get(name="Stratégie")
    assessment = SelfAssessment.objects.create(edition=edition)
    deliberation = SelfAssessmentQuestion.objects.create(
        assessment=assessment,
        domain=strategy,
        label="Une délibération ?",
        choices="Non\nEn projet\nOui",
        questionnaire_key="deliberation",
    )
    formats = SelfAssessmentQuestion.objects.create(
        assessment=assessment,
        domain=strategy,
        label="Formats ouverts ?",
        choices="Aucun\nODF",
        questionnaire_key="formats",
    )
    user = make_user()
    body = make_body(user)
    client.force_login(user)
    response = client.post(
        reverse("selfassessment:start"), {field_name(deliberation): "2", field_name(formats): "1"}
    )
    assert response.status_code == 302
    client.post(reverse("candidatures:start", args=[body.pk]))
    dossier = Candidature.objects.get(collectivite=body, edition=edition)
    assert dossier.answers == {"deliberation": "oui", "formats": ["ODF"]}
    assert SESSION_KEY not in client.session  # used once
