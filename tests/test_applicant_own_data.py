"""An applicant downloads their data (JSON + their files, zip) and deletes their account; their
body's dossier stays without their name; another user's data never leaks; admin accounts and a
wrong password are refused."""

import io
import json
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from candidatures.models import Attachment, Candidature, Membership
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, make_user
from home.tests.security_support import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant_dossier(edition):
    user = make_user("agent@ville.example", email="agent@ville.example")
    user.set_password(PASSWORD)
    user.first_name, user.last_name = "Jeanne", "Agent"
    user.save()
    candidature = make_candidature(
        edition,
        user,
        name="Commune Exportée",
        technical_name="Jeanne Agent",
        elected_name="Marie Maire",
        elected_email="maire@ville.example",
    )
    Candidature.objects.filter(pk=candidature.pk).update(technical_email="agent@ville.example")
    Membership.objects.create(user=user, collectivite=candidature.collectivite)
    Attachment.objects.create(
        candidature=candidature,
        question_key="piece",
        file=ContentFile(b"%PDF-1.4 mon fichier\n", name="d.pdf"),
        original_name="deliberation.pdf",
        content_type="application/pdf",
        size=21,
        uploaded_by=user,
    )
    other = make_user("autre@ailleurs.example", email="autre@ailleurs.example")
    make_candidature(edition, other, name="Commune Voisine", elected_name="Secret Voisin")
    return user, candidature


def test_the_applicant_downloads_their_data_as_a_zip(client, applicant_dossier):
    user, _candidature = applicant_dossier
    client.force_login(user)
    assert "/compte/mes-donnees/" in client.get("/compte/profil/").content.decode()
    response = client.get("/compte/mes-donnees/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("donnees.json"))
    assert data["account"]["email"] == "agent@ville.example"
    assert [d["body"] for d in data["dossiers"]] == ["Commune Exportée"]
    assert "Secret Voisin" not in archive.read("donnees.json").decode()
    files = [name for name in archive.namelist() if name.startswith("pieces/")]
    assert len(files) == 1 and files[0].endswith("deliberation.pdf")
    assert archive.read(files[0]) == b"%PDF-1.4 mon fichier\n"


def test_an_anonymous_visitor_gets_no_data(client):
    response = client.get("/compte/mes-donnees/")
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_deleting_the_account_keeps_the_dossier_without_the_name(client, applicant_dossier):
    user, candidature = applicant_dossier
    client.force_login(user)
    response = client.post("/compte/supprimer/", {"password": "pas-le-bon"})
    assert response.status_code == 400
    assert "Mot de passe incorrect" in response.content.decode()
    assert get_user_model().objects.get(pk=user.pk).is_active

    response = client.post("/compte/supprimer/", {"password": PASSWORD})
    assert response.status_code == 302
    gone = get_user_model().objects.get(pk=user.pk)
    assert not gone.is_active and gone.email == "" and gone.last_name == ""
    assert "_auth_user_id" not in client.session
    candidature = Candidature.objects.get(pk=candidature.pk)
    assert candidature.collectivite.name == "Commune Exportée"
    assert candidature.technical_name == candidature.technical_email == ""
    assert candidature.elected_name == "Marie Maire", "another person's contact stays"
    assert candidature.created_by_id is None
    assert (
        client.post(
            "/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD}
        ).status_code
        == 400
    )


def test_an_admin_account_cannot_delete_itself_here(client, people):
    client.force_login(people["staff"])
    assert client.post("/compte/supprimer/", {"password": "x"}).status_code == 403
    assert get_user_model().objects.get(pk=people["staff"].pk).is_active
