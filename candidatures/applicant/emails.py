"""Emails of the applicant space (texts in ``templates/candidatures/emails/``).

Sent through ``home.emails`` (text + HTML, links on the site's real address, the queued mailer
in production). The receipt of a submitted dossier is sent by the workflow's editable
notifications (``candidatures.notifications``), not from here.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from candidatures.models import Invitation, Membership
from candidatures.roles import staff_recipients
from editions.models import Collectivite
from home.emails import absolute, send_templated


def send(template, recipients, context, attachments=()):
    return send_templated(f"candidatures/emails/{template}", recipients, context, attachments)


def verified_member_emails(collectivite_id):
    """Addresses of the body's members whose address is verified (the only ones told of it)."""
    return list(
        Membership.objects.filter(
            collectivite_id=collectivite_id,
            user__is_active=True,
            user__applicant_profile__email_verified_at__isnull=False,
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )


def send_verification_email(user_id, link):
    user = get_user_model().objects.get(pk=user_id)
    send("verify_email", [user.email], {"user": user, "link": link})


def send_already_registered_email(email, login_link, reset_link):
    send("already_registered", [email], {"login_link": login_link, "reset_link": reset_link})


def send_invitation_email(invitation_id, link):
    invitation = Invitation.objects.select_related("collectivite", "invited_by").get(
        pk=invitation_id
    )
    send("invitation", [invitation.email], {"invitation": invitation, "link": link})


def send_access_request_email(collectivite_id, requester_email):
    """To the verified members of a body whose manager is confirmed (see ``bodies``)."""
    collectivite = Collectivite.objects.get(pk=collectivite_id)
    emails = verified_member_emails(collectivite_id)
    link = absolute(reverse("candidatures:members", args=[collectivite_id]))
    send(
        "access_request",
        emails,
        {"collectivite": collectivite, "requester_email": requester_email, "link": link},
    )


def send_claim_decision_email(claim):
    """Tell the claimant what staff (or the domain check) decided."""
    template = "claim_confirmed" if claim.status == "confirmed" else "claim_refused"
    send(
        template,
        [claim.user.email],
        {
            "claim": claim,
            "collectivite": claim.collectivite,
            "link": absolute(reverse("candidatures:dashboard")),
        },
    )


def send_referent_notice(candidature, email, named_by):
    """A référent named in a dossier, who is not a verified member of the body: who named them,
    for which body and édition, how to join; nothing of the dossier's content."""
    send(
        "referent_notice",
        [email],
        {
            "named_by": named_by,
            "collectivite": candidature.collectivite,
            "edition_year": candidature.edition.year,
            "signup_link": absolute(reverse("candidatures:signup")),
            "login_link": absolute(reverse("candidatures:login")),
        },
    )


def send_claim_to_staff(claim):
    """Label staff learn of a claim waiting in their queue (Demandes d'organismes)."""
    send(
        "claim_to_staff",
        staff_recipients(),
        {
            "claim": claim,
            "collectivite": claim.collectivite,
            "requester": claim.user.get_full_name() or claim.user.email,
            "link": absolute(reverse("body_claims:confirm", args=[claim.pk])),
        },
    )
