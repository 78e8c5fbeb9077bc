import pytest

from candidatures.demo import applicant
from candidatures.models import Candidature, Questionnaire

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_lets_candidat_continue_a_draft(client):
    applicant.load()
    questionnaire = Questionnaire.objects.get()
    questionnaire.intro = "Modifié dans l'admin"
    questionnaire.save()
    applicant.load()
    assert Questionnaire.objects.get().intro == "Modifié dans l'admin"
    candidature = Candidature.objects.get()
    assert candidature.collectivite.name == "Collectivité de démonstration (candidate)"
    assert candidature.edition.accepts_applications()
    assert len(candidature.questions) == 5
    assert candidature.answers  # partly answered
    response = client.post("/compte/connexion/", {"username": "candidat", "password": "demo-tnl"})
    assert response["Location"] == "/espace-candidat/"
    assert "Continuer le dossier 2027" in client.get("/espace-candidat/").content.decode()
