"""Each refusal of the applicant space, seen from the side of the user who is refused."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from candidatures.applicant.drafts import start_dossier
from candidatures.models import Attachment, Candidature, CandidatureStatus
from candidatures.tests.applicant_helpers import (
    JPEG,
    PDF,
    PNG,
    broken_odf,
    ensure_workflow,
    fill_dossier,
    make_body,
    make_edition,
    make_questionnaire,
    make_territory,
    make_user,
    odf,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


@pytest.fixture
def dossier():
    edition = make_edition()
    make_questionnaire(edition)
    owner = make_user("owner@ville.example")
    body = make_body(owner)
    candidature = start_dossier(owner, body, edition)
    return candidature, owner


def urls(candidature):
    base = f"/espace-candidat/dossiers/{candidature.pk}"
    return {
        "step": f"{base}/etapes/strategie/",
        "autosave": f"{base}/etapes/strategie/autosave/",
        "recap": f"{base}/recapitulatif/",
        "submit": f"{base}/deposer/",
        "withdraw": f"{base}/retirer/",
    }


def test_anonymous_visitors_are_sent_to_log_in(client, dossier):
    candidature, _owner = dossier
    for url in [
        "/espace-candidat/",
        "/espace-candidat/territoires/?q=ab",
        *urls(candidature).values(),
    ]:
        response = client.get(url) if "deposer" not in url else client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/compte/connexion/?next="), url


def test_another_users_dossier_is_a_404_everywhere(client, dossier):
    candidature, _owner = dossier
    client.force_login(make_user("autre@ailleurs.example"))
    u = urls(candidature)
    assert client.get(u["step"]).status_code == 404
    assert client.post(u["step"], {"strategie-description": "pirate"}).status_code == 404
    assert client.post(u["autosave"], {"strategie-description": "pirate"}).status_code == 404
    assert client.get(u["recap"]).status_code == 404
    assert client.post(u["submit"], {"confirm": "1"}).status_code == 404
    assert client.post(u["withdraw"], {"confirm": "1"}).status_code == 404
    assert client.get("/espace-candidat/dossiers/999999/recapitulatif/").status_code == 404
    candidature.refresh_from_db()
    assert candidature.answers == {} and candidature.status == CandidatureStatus.DRAFT


def test_another_users_file_is_a_404_but_staff_may_download_it(client, dossier):
    candidature, owner = dossier
    attachment = Attachment.objects.create(
        candidature=candidature,
        question_key="piece-deliberation",
        file=ContentFile(PDF, name="d.pdf"),
        original_name="d.pdf",
        content_type="application/pdf",
        size=len(PDF),
        uploaded_by=owner,
    )
    client.force_login(make_user("autre@ailleurs.example"))
    assert client.get(f"/espace-candidat/pieces/{attachment.pk}/").status_code == 404
    assert client.post(f"/espace-candidat/pieces/{attachment.pk}/supprimer/").status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    staff = Client()
    from django.contrib.auth import get_user_model

    staff.force_login(get_user_model().objects.create_superuser("staff", "s@label.example", "x"))
    response = staff.get(f"/espace-candidat/pieces/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="d.pdf"'


def test_a_colleague_of_the_same_body_continues_the_dossier(client, dossier):
    from candidatures.models import Membership

    candidature, _owner = dossier
    colleague = make_user("collegue@ville.example")
    Membership.objects.create(user=colleague, collectivite=candidature.collectivite)
    client.force_login(colleague)
    response = client.post(
        urls(candidature)["step"],
        {"version": candidature.latest_revision_id, "strategie-description": "Suite", "stay": "1"},
    )
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.answers["strategie-description"] == "Suite"
    assert candidature.latest_revision.user == colleague


def test_a_stale_save_is_refused_and_keeps_what_was_typed(dossier):
    from candidatures.models import Membership

    candidature, owner = dossier
    colleague = make_user("collegue@ville.example")
    Membership.objects.create(user=colleague, collectivite=candidature.collectivite)
    first, second = Client(), Client()
    first.force_login(owner)
    second.force_login(colleague)
    loaded_version = candidature.latest_revision_id  # both opened the step now
    u = urls(candidature)
    assert (
        first.post(
            u["step"],
            {"version": loaded_version, "strategie-description": "Version A", "stay": "1"},
        ).status_code
        == 302
    )
    response = second.post(
        u["step"], {"version": loaded_version, "strategie-description": "Version B", "stay": "1"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Quelqu&#x27;un d&#x27;autre a modifié cette étape" in html
    assert "Version B" in html
    response = second.post(u["autosave"], {"version": loaded_version, "strategie-description": "B"})
    assert response.status_code == 409 and response.json()["ok"] is False
    candidature.refresh_from_db()
    assert candidature.answers["strategie-description"] == "Version A"
    # A step the other user did not touch can still be saved from the old version.
    response = second.post(
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/logiciels/",
        {"version": loaded_version, "postes": "12", "stay": "1"},
    )
    assert response.status_code == 302


def test_submission_after_the_deadline_is_refused_but_the_draft_stays_readable(client, dossier):
    candidature, owner = dossier
    candidature = fill_dossier(candidature, owner)
    edition = candidature.edition
    edition.deadline = timezone.now() - timedelta(hours=1)
    edition.save()
    client.force_login(owner)
    recap = client.get(urls(candidature)["recap"])
    assert recap.status_code == 200
    assert "La date limite de dépôt" in recap.content.decode()
    response = client.post(urls(candidature)["submit"], {"confirm": "1"})
    assert response.status_code == 400
    assert "La date limite de dépôt" in response.content.decode()
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DRAFT


def test_submission_with_missing_answers_is_refused_with_links_to_them(client, dossier):
    candidature, owner = dossier
    client.force_login(owner)
    response = client.post(urls(candidature)["submit"], {"confirm": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "réponse(s) obligatoire(s) manquent encore" in html
    assert (
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/strategie/#id_deliberation_field"
        in html
    )
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DRAFT


def upload(client, candidature, name, content):
    return client.post(
        f"/espace-candidat/dossiers/{candidature.pk}/etapes/logiciels/",
        {
            "version": candidature.latest_revision_id,
            "postes": "3",
            "piece-deliberation": SimpleUploadedFile(name, content),
            "stay": "1",
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"just text", "n&#x27;est pas un PDF, ODT, ODS, PNG ou JPEG valide"),
        ("virus.pdf", b"MZ\x90\x00 windows program", "n&#x27;est pas un PDF, ODT, ODS, PNG"),
        ("image.png", PDF, "ne correspond pas à son extension"),
        ("fake.odt", odf(b"application/zip"), "n&#x27;est pas un PDF, ODT, ODS, PNG"),
        ("big.pdf", PDF + b"0" * (10 * 1024 * 1024), "dépasse 10 Mo"),
        ("chiffre.odt", broken_odf("encrypted"), "n&#x27;est pas un PDF, ODT, ODS, PNG"),
        ("ppmd.odt", broken_odf("unsupported"), "n&#x27;est pas un PDF, ODT, ODS, PNG"),
        ("abime.odt", broken_odf("corrupt"), "n&#x27;est pas un PDF, ODT, ODS, PNG"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(client, dossier, name, content, message):
    candidature, owner = dossier
    client.force_login(owner)
    response = upload(client, candidature, name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="3"' in response.content.decode()  # the rest of the step is kept
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("deliberation.pdf", PDF, "application/pdf"),
        ("schema.PNG", PNG, "image/png"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("note.odt", odf(), "application/vnd.oasis.opendocument.text"),
        (
            "budget.ods",
            odf(b"application/vnd.oasis.opendocument.spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
    ],
)
def test_accepted_uploads_are_typed_from_their_content(
    client, dossier, name, content, content_type
):
    candidature, owner = dossier
    client.force_login(owner)
    assert upload(client, candidature, name, content).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.content_type == content_type
    assert attachment.file.storage.__class__.__name__ == "InMemoryStorage"


def test_csrf_is_enforced_on_applicant_forms(dossier):
    candidature, owner = dossier
    client = Client(enforce_csrf_checks=True)
    assert client.post("/compte/connexion/", {"username": "a", "password": "b"}).status_code == 403
    client.force_login(owner)
    u = urls(candidature)
    assert client.post(u["step"], {"strategie-description": "x"}).status_code == 403
    assert client.post(u["autosave"], {"strategie-description": "x"}).status_code == 403
    assert client.post(u["submit"], {"confirm": "1"}).status_code == 403


def test_a_body_cannot_be_registered_twice(client):
    territory = make_territory()
    first, second = Client(), Client()
    first.force_login(make_user("a@lettret.example"))
    second.force_login(make_user("b@lettret.example"))
    url = "/espace-candidat/collectivites/inscrire/"
    assert first.post(url, {"territory": territory.pk}).status_code == 302
    response = second.post(url, {"territory": territory.pk})
    assert response.status_code == 409
    assert "Demander une invitation" in response.content.decode()
    from editions.models import Collectivite

    body = Collectivite.objects.get()
    from django.core import mail

    from candidatures.models import BodyClaim

    mail.outbox.clear()
    response = second.post(f"/espace-candidat/collectivites/{body.pk}/demander-acces/")
    assert response.status_code == 302
    # The first account is not confirmed yet: the request goes to label staff, not to it.
    assert mail.outbox == []
    assert BodyClaim.objects.pending().filter(user__email="b@lettret.example").exists()


def test_other_body_needs_a_valid_siren_and_is_unique(client):
    client.force_login(make_user("a@syndicat.example"))
    url = "/espace-candidat/collectivites/inscrire/autre/"
    data = {"name": "Syndicat de démonstration", "kind": "syndicat", "siren": "123 456 789"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Ce numéro SIREN n&#x27;est pas valide" in response.content.decode()
    data["siren"] = "130 005 481"  # passes the Luhn check
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "name": "Autre nom"}).status_code == 409


@pytest.mark.parametrize("siren", ["13000548\u00b9", "\u0661\u0663\u0660005481", "１３０005481"])
def test_a_siren_with_non_ascii_digits_is_refused_with_a_message(client, siren):
    client.force_login(make_user("a@syndicat.example"))
    response = client.post(
        "/espace-candidat/collectivites/inscrire/autre/",
        {"name": "Syndicat de démonstration", "kind": "syndicat", "siren": siren},
    )
    assert response.status_code == 400
    assert "Ce numéro SIREN n&#x27;est pas valide" in response.content.decode()
    assert "Syndicat de démonstration" in response.content.decode()


def test_territory_search_with_superscript_digits_finds_nothing_quietly(client):
    client.force_login(make_user())
    make_territory()
    response = client.get("/espace-candidat/territoires/?q=05\u00b2")
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("version", ["\u00b2", "\u0661\u0662", "9" * 40, "-1", "abc"])
def test_a_tampered_version_is_refused_as_stale_and_keeps_what_was_typed(client, dossier, version):
    candidature, owner = dossier
    client.force_login(owner)
    u = urls(candidature)
    response = client.post(
        u["step"], {"version": version, "strategie-description": "Mon texte", "stay": "1"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Quelqu&#x27;un d&#x27;autre a modifié cette étape" in html
    assert "Mon texte" in html
    response = client.post(u["autosave"], {"version": version, "strategie-description": "x"})
    assert response.status_code == 409
    assert "autre a modifié" in response.json()["message"]
    candidature.refresh_from_db()
    assert "strategie-description" not in candidature.answers


def test_territory_search_by_name_insee_or_postal_code_is_capped_at_20(client):
    client.force_login(make_user())
    make_territory()
    for n in range(25):
        make_territory(name=f"Saint-Test {n}", insee=f"99{n:03d}", siren="", postal="99999")
    assert (
        client.get("/espace-candidat/territoires/?q=lettr").json()["results"][0]["name"]
        == "Lettret"
    )
    assert (
        client.get("/espace-candidat/territoires/?q=05072").json()["results"][0]["name"]
        == "Lettret"
    )
    assert len(client.get("/espace-candidat/territoires/?q=99999").json()["results"]) == 20
    page = client.get("/espace-candidat/collectivites/inscrire/?q=lettret").content.decode()
    assert 'type="radio" name="territory"' in page  # works without JavaScript


def test_withdrawal_is_refused_after_the_deadline(client, dossier):
    candidature, owner = dossier
    ensure_workflow()
    candidature.edition.deadline = timezone.now() - timedelta(minutes=1)
    candidature.edition.save()
    client.force_login(owner)
    response = client.post(urls(candidature)["withdraw"], {"confirm": "1"})
    assert response.status_code == 400
    assert Candidature.objects.get(pk=candidature.pk).status == CandidatureStatus.DRAFT


def test_submission_without_the_confirmation_box_is_refused_with_a_message(client, dossier):
    candidature, owner = dossier
    candidature = fill_dossier(candidature, owner)
    client.force_login(owner)
    response = client.post(urls(candidature)["submit"], {})
    assert response.status_code == 400
    assert "Cochez la case de confirmation pour déposer le dossier." in response.content.decode()
    assert Candidature.objects.get(pk=candidature.pk).status == CandidatureStatus.DRAFT


def test_a_draft_cannot_be_changed_after_the_deadline(client, dossier):
    candidature, owner = dossier
    candidature.edition.deadline = timezone.now() - timedelta(minutes=1)
    candidature.edition.save()
    client.force_login(owner)
    u = urls(candidature)
    page = client.get(u["step"])
    assert page.status_code == 200
    assert "La date limite de dépôt" in page.content.decode()
    response = client.post(
        u["step"], {"version": candidature.latest_revision_id, "strategie-description": "Tard"}
    )
    assert response.status_code == 409
    assert "Tard" in response.content.decode()
    assert client.post(u["autosave"], {"strategie-description": "Tard"}).status_code == 409
    candidature.refresh_from_db()
    assert candidature.answers == {}


def test_a_dossier_sent_back_after_the_deadline_can_be_completed_and_resubmitted(client, dossier):
    from wagtail.models import WorkflowState

    from candidatures.applicant.submission import submit_dossier

    candidature, owner = dossier
    ensure_workflow()
    candidature = submit_dossier(fill_dossier(candidature, owner), owner)
    candidature.edition.deadline = timezone.now() - timedelta(days=2)
    candidature.edition.save()
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.create_superuser("staff", "s@label.example", "x")
    state = WorkflowState.objects.for_instance(candidature).get()
    state.current_task_state.specific.reject(user=staff, comment="Il manque la signature.")
    Candidature.objects.filter(pk=candidature.pk).update(status=CandidatureStatus.CHANGES_REQUESTED)
    client.force_login(owner)
    u = urls(candidature)
    candidature.refresh_from_db()
    response = client.post(
        u["step"],
        {
            "version": candidature.latest_revision_id,
            "strategie-description": "Signée",
            "deliberation": "oui",
            "stay": "1",
        },
    )
    assert response.status_code == 302
    client.post(u["submit"], {"confirm": "1"})
    candidature.refresh_from_db()
    assert candidature.status in {CandidatureStatus.SUBMITTED, CandidatureStatus.ELIGIBILITY}
    assert candidature.answers["strategie-description"] == "Signée"
