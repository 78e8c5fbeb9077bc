"""The recap PDF of a dossier, its receipt number and the receipt email, from each role's side."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from candidatures.applicant.drafts import start_dossier
from candidatures.applicant.submission import submit_dossier
from candidatures.tests.applicant_helpers import (
    fill_dossier,
    make_body,
    make_edition,
    make_questionnaire,
    make_user,
)
from candidatures.tests.jury_fixtures import verified_member
from home.mail import restore, serialise
from home.roles import APPLICANTS

pytestmark = pytest.mark.django_db


def pdf_text(content):
    assert content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def url(candidature):
    return f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif.pdf"


def test_the_recap_pdf_is_the_dossier_as_submitted_with_its_receipt_number():
    edition = make_edition()
    make_questionnaire(edition)
    owner = make_user("owner@ville.example")
    owner.groups.add(Group.objects.get(name=APPLICANTS))
    body = make_body(owner, name="Commune de Lettret")
    candidature = fill_dossier(start_dossier(owner, body, edition), owner)
    verified_member(owner, candidature)  # dossier emails go to verified members only
    assert candidature.receipt_number is None

    mail.outbox.clear()
    candidature = submit_dossier(candidature, owner)
    assert re.fullmatch(r"TNL-2027-\d{4,}", candidature.receipt_number)
    assert candidature.receipt_number == f"TNL-2027-{candidature.pk:04d}"
    # Stable: a second assignment (a resubmission) keeps it.
    number = candidature.receipt_number
    candidature.receipt_number = None
    assert candidature.assign_receipt_number() == number

    # The receipt email: the number, the answers in short, the PDF attached (and kept through
    # the queued mailer's serialisation).
    (receipt,) = [m for m in mail.outbox if "Accusé de réception" in m.subject]
    assert number in receipt.subject and number in receipt.body
    assert "- Décrivez votre stratégie : Tout en libre." in receipt.body
    assert "- Formats utilisés : ODF" in receipt.body
    assert "- Délibération (PDF) : deliberation.pdf" in receipt.body
    assert url(candidature) in receipt.body and "/admin/" not in receipt.body
    (attachment,) = restore(serialise(receipt)).attachments
    assert attachment[0] == f"recapitulatif-{number}.pdf"
    assert attachment[2] == "application/pdf"
    assert number in pdf_text(attachment[1])

    client = Client()
    client.force_login(owner)
    recap = client.get(f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/")
    assert url(candidature) in recap.content.decode()
    assert number in recap.content.decode()

    response = client.get(url(candidature))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (f'attachment; filename="recapitulatif-{number}.pdf"')
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    for expected in [
        number,
        "Commune de Lettret",
        "Alice Élue",  # référents
        "dsi@ville.example",
        "Décrivez votre stratégie",  # each question and its answer
        "Tout en libre.",
        "Avez-vous une délibération ?",
        "Oui",
        "ODF",
        "120",
        "deliberation.pdf",  # the attachments
        "Pièces jointes",
        "Déposé le",
    ]:
        assert expected in text, expected


def test_only_the_bodys_members_and_label_staff_download_the_recap(cast):
    users, dossier = cast["users"], cast["dossiers"]["evaluation"]
    assert dossier.receipt_number  # submitted through the lifecycle
    client = Client()
    assert client.get(url(dossier))["Location"].startswith("/compte/connexion/?next=")
    for name in ("applicant", "staff"):
        client.force_login(users[name])
        response = client.get(url(dossier))
        assert response.status_code == 200, name
        text = pdf_text(response.content)
        assert dossier.receipt_number in text and dossier.collectivite.name in text
    # The assigned juror and the president may open the attachments, not the recap.
    for name in ("other_applicant", "juror", "president", "juror_conflict", "redacteur"):
        client.force_login(users[name])
        assert client.get(url(dossier)).status_code == 404, name
    client.force_login(users["applicant"])
    assert client.get("/espace-candidat/dossiers/999999/recapitulatif.pdf").status_code == 404
