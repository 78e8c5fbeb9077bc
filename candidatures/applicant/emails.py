"""Emails of the applicant space, sent in the background (Django tasks).

Plain French text, no admin link. The receipt of a submitted dossier is sent by the workflow's
editable notifications (``candidatures.notifications``), not from here.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template, recipients, context):
    """Render ``templates/candidatures/emails/<template>.txt``: first line subject, rest body."""
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME}
    text = render_to_string(f"candidatures/emails/{template}.txt", context).strip()
    subject, _blank, body = text.partition("\n")
    send_mail(subject.strip(), body.strip() + "\n", None, list(recipients))


@task()
def send_verification_email(user_id, link):
    user = get_user_model().objects.get(pk=user_id)
    send("verify_email", [user.email], {"user": user, "link": link})


@task()
def send_already_registered_email(email, login_link, reset_link):
    send("already_registered", [email], {"login_link": login_link, "reset_link": reset_link})


@task()
def send_invitation_email(invitation_id, link):
    from candidatures.models import Invitation

    invitation = Invitation.objects.select_related("collectivite", "invited_by").get(
        pk=invitation_id
    )
    send("invitation", [invitation.email], {"invitation": invitation, "link": link})


@task()
def send_access_request_email(collectivite_id, requester_email):
    from candidatures.models import Membership

    emails = (
        Membership.objects.filter(collectivite_id=collectivite_id)
        .values_list("user__email", flat=True)
        .distinct()
    )
    membership = Membership.objects.filter(collectivite_id=collectivite_id).first()
    if membership:
        send(
            "access_request",
            emails,
            {
                "collectivite": membership.collectivite,
                "requester_email": requester_email,
                "link": absolute("/espace-candidat/"),
            },
        )
