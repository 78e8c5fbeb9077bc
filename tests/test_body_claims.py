"""Body claims, from the squatter's side and from label staff's (an Équipe label account in
the admin, never a superuser); dossier emails to verified members only, référents told once."""

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from candidatures import notifications
from candidatures.models import (
    ApplicantProfile,
    BodyClaim,
    Candidature,
    CandidatureStatus,
    ClaimStatus,
    Membership,
    ReferentNotice,
)
from candidatures.tests.applicant_helpers import (
    ensure_workflow,
    fill_dossier,
    make_edition,
    make_questionnaire,
    make_territory,
    make_user,
)
from editions.models import Collectivite
from tests.people import JURY, STAFF, person

pytestmark = pytest.mark.django_db

REGISTER = "/espace-candidat/collectivites/inscrire/"


def verified(email, **extra):
    user = make_user(email, **extra)
    ApplicantProfile.objects.create(user=user, email_verified_at=timezone.now())
    return user


def lyon_body_pk():
    return Collectivite.objects.get(insee_code="69123").pk


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_squatter_cannot_submit_and_staff_give_the_body_to_its_real_manager():
    edition = make_edition()
    make_questionnaire(edition)
    ensure_workflow()
    lyon = make_territory(name="Lyon", insee="69123", siren="216901231", postal="69001")

    # The squatter registers Lyon first: manager of a pending body, may draft, not submit.
    staff = person("equipe-claims", STAFF)
    squatter = verified("lyon.officiel@mail.example", first_name="Sam", last_name="Squat")
    as_squatter = logged_in(squatter)
    response = as_squatter.post(REGISTER, {"territory": lyon.pk})
    assert response["Location"] == f"/espace-candidat/collectivites/{lyon_body_pk()}/demande/"
    to_staff = mail.outbox[-1]
    assert to_staff.to == [staff.email] and "Demande à confirmer : Lyon" in to_staff.subject
    body = Collectivite.objects.get(insee_code="69123")
    assert BodyClaim.objects.get(collectivite=body).status == ClaimStatus.PENDING
    assert as_squatter.post(f"/espace-candidat/collectivites/{body.pk}/dossier/").status_code == 302
    candidature = Candidature.objects.get(collectivite=body)
    fill_dossier(candidature, squatter)
    recap = as_squatter.get(f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/")
    assert "pas encore confirmé que vous représentez Lyon" in recap.content.decode()
    response = as_squatter.post(
        f"/espace-candidat/dossiers/{candidature.pk}/deposer/", {"confirm": "1"}
    )
    assert response.status_code == 400
    assert "pas encore confirmé que vous représentez Lyon" in response.content.decode()
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DRAFT
    # Nor invite accomplices, nor reach the queue.
    response = as_squatter.post(
        f"/espace-candidat/collectivites/{body.pk}/membres/", {"email": "complice@mail.example"}
    )
    assert response.status_code == 409 and "une fois que l" in response.content.decode()
    assert not body.invitations.exists() and "complice" not in mail.outbox[-1].to[0]
    assert as_squatter.get("/admin/body_claims/").status_code in {302, 403}

    # The real manager is refused a second registration; the request goes to staff only.
    real = verified("dsi@mairie-lyon.example", first_name="Rita", last_name="Réelle")
    as_real = logged_in(real)
    assert as_real.post(REGISTER, {"territory": lyon.pk}).status_code == 409
    mail.outbox.clear()
    response = as_real.post(f"/espace-candidat/collectivites/{body.pk}/demander-acces/")
    # The real manager is asked their function, for staff.
    assert response["Location"] == f"/espace-candidat/collectivites/{body.pk}/demande/"
    details = {"function": "Directrice des systèmes d'information", "note": "Standard : 04 72"}
    assert as_real.post(response["Location"], details).status_code == 302
    assert not any(squatter.email in m.to for m in mail.outbox)
    assert [m.to for m in mail.outbox] == [[staff.email]]  # the queue's new entry
    real_claim = BodyClaim.objects.get(user=real)
    assert real_claim.status == ClaimStatus.PENDING and not real_claim.is_first_account
    squatter_claim = BodyClaim.objects.get(user=squatter)

    # A juror reaches the admin but not the queue's decisions.
    as_juror = logged_in(person("jure-claims", JURY))
    response = as_juror.post(f"/admin/body_claims/{real_claim.pk}/confirmer/")
    assert response.status_code == 403 or response["Location"] == "/admin/"  # Wagtail's refusal
    real_claim.refresh_from_db()
    assert real_claim.status == ClaimStatus.PENDING

    # Label staff see both in the queue, with name, role and address, and decide.
    as_staff = logged_in(staff)
    queue = as_staff.get("/admin/body_claims/").content.decode()
    texts = ("Rita Réelle", real.email, "Sam Squat", squatter.email, "Demande d&#x27;accès")
    for text in (*texts, "Directrice des systèmes"):
        assert text in queue
    page = as_staff.get(f"/admin/body_claims/{real_claim.pk}/confirmer/")
    assert page.status_code == 200 and "Standard : 04 72" in page.content.decode()
    mail.outbox.clear()
    assert as_staff.post(f"/admin/body_claims/{real_claim.pk}/confirmer/").status_code == 302
    # The other pending claim was refused with it.
    squatter_claim.refresh_from_db()
    assert squatter_claim.status == ClaimStatus.REFUSED
    assert {tuple(m.to) for m in mail.outbox} == {(real.email,), (squatter.email,)}
    assert Membership.objects.get(collectivite=body).user == real
    assert Membership.objects.get(collectivite=body).role == "manager"

    # The squatter has lost the body; the real manager submits.
    recap_url = f"/espace-candidat/dossiers/{candidature.pk}/recapitulatif/"
    assert as_squatter.get(recap_url).status_code in {403, 404}
    response = as_real.post(
        f"/espace-candidat/dossiers/{candidature.pk}/deposer/", {"confirm": "1"}
    )
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.status in {CandidatureStatus.SUBMITTED, CandidatureStatus.ELIGIBILITY}

    # Confirmed now: a new claim is an access request to its members, not to staff.
    third = logged_in(verified("troisieme@mail.example"))
    assert third.post(REGISTER, {"territory": lyon.pk}).status_code == 409
    mail.outbox.clear()
    third.post(f"/espace-candidat/collectivites/{body.pk}/demander-acces/")
    assert [m.to for m in mail.outbox] == [[real.email]]
    assert not BodyClaim.objects.filter(user__email="troisieme@mail.example").exists()


def test_an_address_on_the_bodys_known_domain_confirms_but_a_typed_website_proves_nothing():
    make_edition()
    # Recorded by staff (e.g. imported with past results), nobody acts for it yet.
    Collectivite.objects.create(
        name="Lyon", kind="commune", insee_code="69123", website="https://www.lyon.fr/"
    )
    lyon = make_territory(name="Lyon", insee="69123", siren="216901231", postal="69001")
    agent = verified("dsi@services.lyon.fr")
    assert logged_in(agent).post(REGISTER, {"territory": lyon.pk}).status_code == 302
    claim = BodyClaim.objects.get(user=agent)
    assert (claim.status, claim.method) == (ClaimStatus.CONFIRMED, "domain")

    # A new body whose website the claimant types: the domain is not trusted, the site waits.
    squatter = verified("contact@squat.example")
    response = logged_in(squatter).post(
        "/espace-candidat/collectivites/inscrire/autre/",
        {
            "name": "Syndicat",
            "kind": "syndicat",
            "siren": "130005481",
            "website": "https://squat.example",
        },
    )
    assert response.status_code == 302
    claim = BodyClaim.objects.get(user=squatter)
    assert claim.status == ClaimStatus.PENDING
    assert claim.collectivite.website == "" and claim.proposed_website == "https://squat.example"


def test_dossier_emails_go_to_verified_members_and_each_referent_is_told_once():
    from candidatures.tests.jury_fixtures import make_candidature
    from candidatures.tests.jury_fixtures import make_edition as make_jury_edition

    creator = verified("createur@ville.example", first_name="Chloé", last_name="Créatrice")
    unverified = make_user("pas-verifie@ville.example")
    candidature = make_candidature(
        make_jury_edition(year=2034), creator, elected_email="elue@ville.example"
    )
    candidature.technical_email = unverified.email
    candidature.save(update_fields=["technical_email"])
    for user in (creator, unverified):
        Membership.objects.create(user=user, collectivite=candidature.collectivite)
    mail.outbox.clear()
    notifications.notify_applicant(candidature, "receipt")
    notifications.notify_applicant(candidature, "receipt")  # a second submission
    notifications.notify_applicant(candidature, "changes_requested", message="Pièce manquante")
    receipts = [m for m in mail.outbox if "Accusé de réception" in m.subject]
    assert [m.to for m in receipts] == [[creator.email], [creator.email]]
    changes = next(m for m in mail.outbox if "compléments" in m.subject)
    assert changes.to == [creator.email] and "Pièce manquante" in changes.body
    notices = [m for m in mail.outbox if "référent" in m.subject]
    assert sorted(m.to[0] for m in notices) == ["elue@ville.example", unverified.email]
    for notice in notices:
        assert "Chloé Créatrice" in notice.body and "2034" in notice.body
        assert "Pièce manquante" not in notice.body and "/compte/inscription/" in notice.body
    assert ReferentNotice.objects.filter(candidature=candidature).count() == 2
