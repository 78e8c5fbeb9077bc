"""Every email the site sends has a plain-text part and an HTML part (the accessible layout,
no remote asset), and its links are on the site's real address (WAGTAILADMIN_BASE_URL), never
on the Host header of the request that caused it."""

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from candidatures import notifications
from candidatures.applicant.bodies import confirm_claim, register_body
from candidatures.applicant.emails import send_claim_decision_email, send_referent_notice
from candidatures.models import ApplicantProfile, BodyClaim, NotificationEvent
from candidatures.tests.applicant_helpers import PASSWORD, make_body, make_user
from candidatures.tests.jury_fixtures import make_candidature, make_edition
from editions.models import Collectivite
from home.tasks import send_email
from tests.people import STAFF, person

pytestmark = pytest.mark.django_db

SITE = "https://label.example.org"
LINK = re.compile(r"""https?://[^\s<>"']+""")


def verified(email):
    user = make_user(email)
    ApplicantProfile.objects.create(user=user, email_verified_at=timezone.now())
    return user


def assert_text_and_html_on_the_site(message):
    assert len(message.alternatives) == 1, message.subject
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "<img" not in html and "<link" not in html and "<script" not in html
    assert message.body.strip() and "<p" not in message.body
    for part in (message.body, html):
        links = LINK.findall(part)
        assert links or part is message.body, message.subject  # the layout links the site
        for link in links:
            assert link == SITE or link.startswith(SITE + "/"), (message.subject, link)


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_every_email_kind_has_text_and_html_with_links_on_the_sites_address():
    client = Client(HTTP_HOST="testserver")
    mail.outbox.clear()
    kinds = {}

    def sent(kind):
        assert mail.outbox, kind
        kinds[kind] = mail.outbox[-1]

    # Sign-up (confirmation link), sign-up of a known address, applicant password reset.
    data = {"first_name": "Ana", "last_name": "Agent", "password1": PASSWORD}
    data |= {"password2": PASSWORD, "email": "ana@ville.example"}
    assert client.post("/compte/inscription/", data).status_code == 302
    sent("verify_email")
    member = verified("membre@ville.example")
    assert client.post("/compte/inscription/", {**data, "email": member.email}).status_code == 302
    sent("already_registered")
    assert client.post("/compte/mot-de-passe/", {"email": member.email}).status_code == 302
    sent("password_reset")
    assert "/compte/mot-de-passe/" in kinds["password_reset"].body

    # Admin password reset (label staff).
    staff = person("equipe-mails", STAFF)
    assert client.post("/admin/password_reset/", {"email": staff.email}).status_code == 302
    sent("admin_password_reset")
    assert "/admin/password_reset/" in kinds["admin_password_reset"].body

    # Invitation and access request (a body whose manager is confirmed).
    body = make_body(member, name="Ville de démonstration", insee="99101")
    client.force_login(member)
    response = client.post(
        f"/espace-candidat/collectivites/{body.pk}/membres/", {"email": "collegue@ville.example"}
    )
    assert response.status_code == 302
    sent("invitation")
    other = Client()
    other.force_login(verified("autre@ville.example"))
    other.post(f"/espace-candidat/collectivites/{body.pk}/demander-acces/")
    sent("access_request")
    assert kinds["access_request"].to == [member.email]

    # Claim decisions and the référent notice.
    claimant = verified("premier@syndicat.example")
    new_body = register_body(
        claimant, Collectivite(name="Syndicat de démonstration", kind="syndicat", siren="130005481")
    )
    sent("claim_to_staff")
    assert kinds["claim_to_staff"].to == [staff.email]
    confirm_claim(BodyClaim.objects.get(collectivite=new_body), by=staff)
    sent("claim_confirmed")
    refused = BodyClaim.objects.create(user=member, collectivite=new_body, status="refused")
    send_claim_decision_email(refused)
    sent("claim_refused")
    edition = make_edition(year=2033)
    candidature = make_candidature(edition, member, name="<b>Ville</b> & Co")
    send_referent_notice(candidature, "elu@ville.example", "Ana Agent")
    sent("referent_notice")

    # The process's editable emails, each event.
    for event in NotificationEvent.values:
        context = {
            **notifications.base_context(candidature),
            "applicant_url": notifications.applicant_url(),
            "admin_url": notifications.juror_dashboard_url(),
            "message": "Message de l'équipe",
            "decision": "Niveau 3",
            "missing": 1,
            "jury_date": "05/11/2033",
            "dossiers": "- Ville",
        }
        assert notifications.send(event, ["destinataire@ville.example"], context) == 1
        sent(event)
    # Applicant-typed names are escaped in the HTML part.
    html = kinds["receipt"].alternatives[0][0]
    assert "&lt;b&gt;Ville&lt;/b&gt; &amp; Co" in html and "<b>Ville" not in html

    # The contact form's message to the label (background task).
    send_email.enqueue("Message reçu", f"Voir {SITE}/contact/", ["label@example.org"])
    sent("contact")

    # Wagtail's own moderation emails: home/tests/test_notifications.py (text + our HTML).
    assert len(kinds) == 11 + len(NotificationEvent.values)
    for message in kinds.values():
        assert_text_and_html_on_the_site(message)


def test_attachments_are_kept_beside_both_parts():
    from home.emails import send_templated

    sent = send_templated(
        "candidatures/emails/claim_confirmed",
        ["a@ville.example"],
        {"collectivite": {"name": "Ville"}, "link": "https://x.example/"},
        attachments=[("recapitulatif.pdf", b"%PDF-1.4 demo", "application/pdf")],
    )
    assert sent == 1
    message = mail.outbox[-1]
    assert message.attachments[0][0] == "recapitulatif.pdf"
    assert message.alternatives[0][1] == "text/html"


def test_in_production_the_queued_mailer_keeps_both_parts_and_the_attachment(settings):
    """MAILERS["default"] is home.mail's queue: the delivery is recorded, then sent by its task
    with the HTML part and the attachment intact."""
    from home.emails import send_templated
    from home.models import EmailDelivery

    settings.MAILERS = {
        "default": {"BACKEND": "home.mail.QueuedEmailBackend"},
        "outgoing": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }
    mail.outbox.clear()
    send_templated(
        "candidatures/emails/claim_confirmed",
        ["a@ville.example"],
        {"collectivite": {"name": "Ville"}, "link": f"{SITE}/espace-candidat/"},
        attachments=[("recapitulatif.pdf", b"%PDF-1.4 demo", "application/pdf")],
    )
    assert EmailDelivery.objects.get().status == EmailDelivery.Status.SENT
    message = mail.outbox[-1]
    assert message.alternatives[0][1] == "text/html" and "Ville" in message.alternatives[0][0]
    assert message.attachments[0][0] == "recapitulatif.pdf"
    assert message.attachments[0][1] == b"%PDF-1.4 demo"
