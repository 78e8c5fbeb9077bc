"""Builders shared by the applicant-space tests (not a test module)."""

import io
import uuid
import zipfile
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from candidatures.models import Candidature, Membership, MembershipRole, Questionnaire
from editions.models import Collectivite, CollectiviteKind, CriteriaDomain, Edition, Territory

PASSWORD = "Un-mot-de-passe-solide-42"

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def odf(mimetype=b"application/vnd.oasis.opendocument.text"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def broken_odf(kind):
    """An ODF-looking archive Python cannot read: encrypted, corrupt or oddly compressed."""
    data = bytearray(odf())
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    if kind == "encrypted":  # general purpose flag bit 0, in both headers
        data[local + 6] |= 1
        data[central + 8] |= 1
    elif kind == "unsupported":  # compression method 98 (PPMd), unknown to zipfile
        data[local + 8] = data[central + 10] = 98
    elif kind == "corrupt":  # claims deflate on stored bytes
        data[local + 8] = data[central + 10] = 8
    return bytes(data)


def make_edition(year=2027, is_open=True, **kwargs):
    now = timezone.now()
    defaults = {
        "ordinal": year - 2015,
        "call_opens_at": now - timedelta(days=30),
        "deadline": now + timedelta(days=30) if is_open else now - timedelta(days=1),
        "results_published_at": now + timedelta(days=90) if is_open else now + timedelta(days=30),
    }
    defaults.update(kwargs)
    edition = Edition.objects.create(year=year, **defaults)
    for order, name in enumerate(["Stratégie", "Logiciels libres"]):
        CriteriaDomain.objects.create(edition=edition, name=name, sort_order=order)
    return edition


def question(label, type_, key, required=False, choices="", domain=""):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "label": label,
            "key": key,
            "type": type_,
            "help_text": "",
            "required": required,
            "choices": choices,
            "criteria_domain": domain,
        },
    }


def make_questionnaire(edition):
    domains = {d.name: str(d.pk) for d in edition.criteria_domains.all()}
    questionnaire = Questionnaire(edition=edition, intro="")
    questionnaire.sections = [
        {
            "type": "section",
            "value": {
                "title": "Stratégie",
                "key": "strategie",
                "intro": "Votre politique numérique.",
                "questions": [
                    question(
                        "Décrivez votre stratégie",
                        "long_text",
                        "strategie-description",
                        required=True,
                        domain=domains["Stratégie"],
                    ),
                    question("Avez-vous une délibération ?", "yes_no", "deliberation", True),
                    question(
                        "Formats utilisés",
                        "multiple_choice",
                        "formats",
                        choices="ODF\nPDF/A\nCSV",
                    ),
                ],
            },
        },
        {
            "type": "section",
            "value": {
                "title": "Logiciels libres",
                "key": "logiciels",
                "intro": "",
                "questions": [
                    question("Nombre de postes", "number", "postes", True),
                    question("Site du projet", "url", "site-projet"),
                    question("Délibération (PDF)", "file", "piece-deliberation", True),
                ],
            },
        },
    ]
    questionnaire.save()
    return questionnaire


def make_user(email="agent@ville.example", active=True, **kwargs):
    return get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, is_active=active, **kwargs
    )


def make_body(user=None, name="Collectivité de démonstration 1", insee="99001"):
    body = Collectivite.objects.create(name=name, kind=CollectiviteKind.COMMUNE, insee_code=insee)
    if user:
        Membership.objects.create(user=user, collectivite=body, role=MembershipRole.MANAGER)
    return body


def make_territory(name="Lettret", insee="05072", siren="210500724", postal="05130"):
    return Territory.objects.create(
        kind="commune",
        code=insee,
        name=name,
        insee_code=insee,
        siren=siren,
        population=187,
        population_year=2021,
        postal_codes=postal,
        departement_code="05",
        departement="Hautes-Alpes",
        region_code="93",
        region="Provence-Alpes-Côte d'Azur",
    )


def ensure_workflow():
    """A one-step workflow for Candidature, unless one (the jury's) is configured already."""
    workflow = Candidature.get_default_workflow()
    if workflow:
        return workflow
    workflow = Workflow.objects.create(name="Dépôt (tests)")
    task = GroupApprovalTask.objects.create(name="Recevabilité (tests)")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(Candidature)
    )
    return workflow


def fill_dossier(candidature, user):
    """Answer every required question directly (for tests about what happens next)."""
    from django.core.files.base import ContentFile

    from candidatures.applicant.drafts import save_step
    from candidatures.models import Attachment

    candidature = save_step(
        candidature,
        user,
        "referents",
        {
            "elected_name": "Alice Élue",
            "elected_role": "Adjointe",
            "elected_email": "elue@ville.example",
            "technical_name": "Bob Tech",
            "technical_role": "DSI",
            "technical_email": "dsi@ville.example",
        },
        candidature.latest_revision_id,
    )
    candidature = save_step(
        candidature,
        user,
        "strategie",
        {"strategie-description": "Tout en libre.", "deliberation": "oui", "formats": ["ODF"]},
        candidature.latest_revision_id,
    )
    candidature = save_step(
        candidature,
        user,
        "logiciels",
        {"postes": "120", "site-projet": ""},
        candidature.latest_revision_id,
    )
    Attachment.objects.create(
        candidature=candidature,
        question_key="piece-deliberation",
        file=ContentFile(PDF, name="deliberation.pdf"),
        original_name="deliberation.pdf",
        content_type="application/pdf",
        size=len(PDF),
        uploaded_by=user,
    )
    return candidature
