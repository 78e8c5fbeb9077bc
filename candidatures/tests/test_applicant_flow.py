"""The applicant's whole path through the forms: register to withdrawal."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from candidatures.models import Candidature, CandidatureStatus, Membership
from candidatures.tests.applicant_helpers import (
    PASSWORD,
    PDF,
    ensure_workflow,
    make_edition,
    make_questionnaire,
    make_territory,
)

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_register_verify_apply_submit_send_back_resubmit_withdraw(client):
    edition = make_edition()
    make_questionnaire(edition)
    make_territory()
    ensure_workflow()

    # Sign up: the account stays inactive until the emailed link is opened.
    response = client.post(
        "/compte/inscription/",
        {
            "first_name": "Claire",
            "last_name": "Agent",
            "email": "Claire@Lettret.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/compte/inscription/envoyee/"
    assert len(mail.outbox) == 1
    assert (
        client.post(
            "/compte/connexion/", {"username": "claire@lettret.example", "password": PASSWORD}
        ).status_code
        == 400
    )

    response = client.get(link_in(mail.outbox[0]).replace("http://testserver", ""))
    assert response.status_code == 302
    assert client.get("/espace-candidat/").status_code == 200

    # Register the body from the reference data.
    response = client.get("/espace-candidat/territoires/", {"q": "05130"})
    territory_id = response.json()["results"][0]["id"]
    response = client.post("/espace-candidat/collectivites/inscrire/", {"territory": territory_id})
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="claire@lettret.example")
    body = membership.collectivite
    assert (body.name, body.insee_code, body.population, body.region) == (
        "Lettret",
        "05072",
        187,
        "Provence-Alpes-Côte d'Azur",
    )

    # Start the dossier; it is a draft, not live, with the questionnaire frozen in it.
    response = client.post(f"/espace-candidat/collectivites/{body.pk}/dossier/", {})
    candidature = Candidature.objects.get(collectivite=body)
    assert response["Location"] == f"/espace-candidat/dossiers/{candidature.pk}/etapes/referents/"
    assert candidature.live is False
    assert [s["key"] for s in candidature.questions] == ["strategie", "logiciels"]

    # Fill it over several saves; each save is a new revision.
    base = f"/espace-candidat/dossiers/{candidature.pk}/etapes"
    candidature.refresh_from_db()
    response = client.post(
        f"{base}/referents/",
        {
            "version": candidature.latest_revision_id,
            "elected_name": "Alice Élue",
            "elected_role": "Maire",
            "elected_email": "maire@lettret.example",
            "technical_name": "Claire Agent",
            "technical_role": "Secrétaire de mairie",
            "technical_email": "claire@lettret.example",
            "next": "1",
        },
    )
    assert response["Location"] == f"{base}/strategie/"
    candidature.refresh_from_db()
    response = client.post(
        f"{base}/strategie/autosave/",
        {"version": candidature.latest_revision_id, "strategie-description": "Début"},
    )
    assert response.status_code == 200 and response.json()["ok"]
    assert response.json()["message"].startswith("Brouillon enregistré à ")
    response = client.post(
        f"{base}/strategie/",
        {
            "version": response.json()["version"],
            "strategie-description": "Tout en libre.",
            "deliberation": "oui",
            "formats": ["ODF", "CSV"],
            "next": "1",
        },
    )
    assert response.status_code == 302
    candidature.refresh_from_db()
    response = client.post(
        f"{base}/logiciels/",
        {
            "version": candidature.latest_revision_id,
            "postes": "120",
            "site-projet": "https://lettret.example/libre",
            "piece-deliberation": SimpleUploadedFile("deliberation.pdf", PDF),
            "next": "1",
        },
    )
    assert response["Location"] == f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/"
    candidature.refresh_from_db()
    assert candidature.answers["formats"] == ["ODF", "CSV"]
    assert candidature.answers["postes"] == "120"
    assert candidature.revisions.count() >= 5
    attachment = candidature.attachments.get()
    download = client.get(f"/espace-candidat/pieces/{attachment.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF

    recap = client.get(f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/")
    assert "Tout en libre." in recap.content.decode()
    assert "Déposer le dossier" in recap.content.decode()
    # The first account of a body waits for label staff (tests/test_body_claims.py); here they
    # confirm it.
    assert "pas encore confirmé que vous représentez Lettret" in recap.content.decode()
    from candidatures.applicant.bodies import confirm_claim
    from candidatures.models import BodyClaim

    confirm_claim(BodyClaim.objects.get(collectivite=body), by=None)

    # Submit: status, revision, workflow started, receipt to the submitter and both référents.
    mail.outbox.clear()
    response = client.post(f"/espace-candidat/dossiers/{candidature.pk}/deposer/", {"confirm": "1"})
    assert response.status_code == 302
    candidature.refresh_from_db()
    # SUBMITTED, or already moved on by the jury workflow's receivers once merged.
    assert candidature.status in {CandidatureStatus.SUBMITTED, CandidatureStatus.ELIGIBILITY}
    assert candidature.submitted_at is not None
    assert candidature.live is False
    state = WorkflowState.objects.for_instance(candidature).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    receipts = [m for m in mail.outbox if "Accusé de réception" in m.subject]
    assert len(receipts) == 1
    receipt = receipts[0]
    # Content to the verified member only; the mayor (no account) is told she was named.
    assert receipt.to == ["claire@lettret.example"]
    notice = next(m for m in mail.outbox if "maire@lettret.example" in m.to)
    assert "Claire Agent vous a nommé(e) référent(e) du dossier de Lettret" in notice.body
    assert "Tout en libre" not in notice.body
    assert "Accusé de réception" in receipt.subject
    assert "/admin/" not in receipt.body

    # Read-only now: a step save is refused, keeping the input on screen.
    response = client.post(
        f"{base}/strategie/",
        {"version": candidature.latest_revision_id, "strategie-description": "Changé"},
    )
    assert response.status_code == 409
    assert "Changé" in response.content.decode()
    candidature.refresh_from_db()
    assert candidature.answers["strategie-description"] == "Tout en libre."

    # Staff send it back (the jury workflow's receiver sets CHANGES_REQUESTED on rejection).
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_superuser("staff", "staff@label.example", "x")
    state.current_task_state.specific.reject(
        user=staff, comment="Merci de joindre la délibération signée."
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    Candidature.objects.filter(pk=candidature.pk).update(status=CandidatureStatus.CHANGES_REQUESTED)
    dashboard = client.get("/espace-candidat/").content.decode()
    assert "Compléments demandés" in dashboard
    assert "Merci de joindre la délibération signée." in dashboard

    # The applicant edits and submits again: the same workflow resumes.
    candidature.refresh_from_db()
    response = client.post(
        f"{base}/strategie/",
        {
            "version": candidature.latest_revision_id,
            "strategie-description": "Tout en libre, délibération signée jointe.",
            "deliberation": "oui",
            "stay": "1",
        },
    )
    assert response.status_code == 302
    response = client.post(f"/espace-candidat/dossiers/{candidature.pk}/deposer/", {"confirm": "1"})
    candidature.refresh_from_db()
    assert candidature.status in {CandidatureStatus.SUBMITTED, CandidatureStatus.ELIGIBILITY}
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.for_instance(candidature).count() == 1

    # Withdraw before the deadline: workflow cancelled.
    response = client.post(f"/espace-candidat/dossiers/{candidature.pk}/retirer/", {"confirm": "1"})
    assert response.status_code == 302
    candidature.refresh_from_db()
    state.refresh_from_db()
    assert candidature.status == CandidatureStatus.WITHDRAWN
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert "Retiré" in client.get("/espace-candidat/").content.decode()
