"""Reads of personal data by staff and jurors are logged with who and when; the administrator
reads the log, nobody else; an applicant reading their own dossier leaves no entry."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from candidatures.models import Assignment, Attachment, Membership
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, submit
from home.models import PersonalDataRead

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
Action = PersonalDataRead.Action


def snippet_url(name, *args):
    return reverse(f"wagtailsnippets_candidatures_candidature:{name}", args=args)


@pytest.fixture
def dossier(edition, jury, people):
    candidature = make_candidature(edition, people["applicant"], name="Commune Lue")
    submit(candidature, people["applicant"])
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    candidature.refresh_from_db()
    Assignment.objects.get_or_create(candidature=candidature, juror=people["jure1"])
    attachment = Attachment.objects.create(
        candidature=candidature,
        question_key="piece-deliberation",
        file=ContentFile(PDF, name="deliberation.pdf"),
        original_name="deliberation.pdf",
        content_type="application/pdf",
        size=len(PDF),
        uploaded_by=people["applicant"],
    )
    return candidature, attachment


def entries():
    return list(
        PersonalDataRead.objects.order_by("pk").values_list(
            "username", "action", "object_label", "detail"
        )
    )


def test_staff_reads_downloads_and_exports_are_logged_with_who_and_when(client, dossier, people):
    candidature, attachment = dossier
    client.force_login(people["staff"])
    assert client.get(snippet_url("inspect", candidature.pk)).status_code == 200
    assert client.get(snippet_url("edit", candidature.pk)).status_code == 200
    assert client.get(f"/espace-candidat/pieces/{attachment.pk}/").status_code == 200
    assert client.get(snippet_url("list"), {"export": "csv"}).status_code == 200

    assert (
        entries()
        == [
            ("equipe", Action.VIEW, "Commune Lue — 2027", "inspect"),
            ("equipe", Action.VIEW, "Commune Lue — 2027", "edit"),
            ("equipe", Action.DOWNLOAD, "Commune Lue — 2027", "deliberation.pdf"),
            ("equipe", Action.EXPORT, "", "candidatures (csv) export=csv"),
        ]
        or entries()
    )
    read = PersonalDataRead.objects.first()
    assert read.user == people["staff"] and read.at is not None and read.client == "127.0.0.1"


def test_a_jurors_reading_of_an_assigned_dossier_is_logged(client, dossier, people):
    candidature, attachment = dossier
    client.force_login(people["jure1"])
    assert (
        client.get(reverse("candidatures_jury:dossier", args=[candidature.pk])).status_code == 200
    )
    assert client.get(f"/espace-candidat/pieces/{attachment.pk}/").status_code == 200
    assert [(u, a) for u, a, _label, _detail in entries()] == [
        ("jure1", Action.VIEW),
        ("jure1", Action.DOWNLOAD),
    ]


def test_a_refused_read_leaves_no_entry_and_the_applicant_is_not_logged(client, dossier, people):
    candidature, attachment = dossier
    client.force_login(people["jure3"])  # in the jury, not assigned
    assert client.get(reverse("candidatures_jury:dossier", args=[candidature.pk])).status_code in (
        403,
        404,
    )
    assert client.get(snippet_url("inspect", candidature.pk)).status_code in (302, 403, 404)
    Membership.objects.create(user=people["applicant"], collectivite=candidature.collectivite)
    client.force_login(people["applicant"])
    assert client.get(f"/espace-candidat/pieces/{attachment.pk}/").status_code == 200
    assert entries() == []


def test_only_the_administrator_reads_the_log_and_nobody_edits_it(client, dossier, people):
    candidature, _attachment = dossier
    client.force_login(people["staff"])
    client.get(snippet_url("inspect", candidature.pk))
    read = PersonalDataRead.objects.get()

    for refused in (people["staff"], people["president"], people["jure1"]):
        client.force_login(refused)
        response = client.get("/admin/consultations/")
        assert response.status_code in (302, 403)
        assert response.get("Location", "/admin/") == "/admin/"
        assert "/admin/consultations/" not in client.get("/admin/reports/").content.decode()

    admin = get_user_model().objects.create_superuser("admin", "admin@label.example", "x")
    client.force_login(admin)
    listing = client.get("/admin/consultations/")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "equipe" in page and "Commune Lue" in page
    client.post(f"/admin/consultations/delete/{read.pk}/")
    client.post(f"/admin/consultations/edit/{read.pk}/", {})
    assert PersonalDataRead.objects.filter(pk=read.pk, username="equipe").exists()
