"""Who receives which email. Renders the event's editable template and sends it through
``home.emails`` (text + HTML, the queued mailer in production: recorded in the transaction of
the transition that caused it, then sent and retried by a background task).

A failed email never blocks a transition: ``home.emails.send_text`` logs a failing mailer.
Emails that carry dossier content go only to the body's members whose address is verified
(:func:`applicant_recipients`); the référents named in the dossier who are not such members get
a notice that they were named, without the content, once per dossier and address
(:func:`notify_named_referents`).
"""

import logging

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from candidatures.applicant.emails import send_referent_notice
from candidatures.applicant.receipt import recap_attachments, receipt_context
from candidatures.models import EmailTemplate, ReferentNotice
from candidatures.roles import staff_recipients
from home.emails import absolute, send_text

logger = logging.getLogger(__name__)


def _absolute(path):
    return absolute(path)


def applicant_url():
    """The public applicant space (never an admin URL)."""
    try:
        path = reverse("candidatures:dashboard")
    except NoReverseMatch:
        path = "/espace-candidat/"
    return _absolute(path)


def verified_member_emails(candidature):
    """Lower-cased address -> address of the body's active members with a verified address."""
    users = (
        get_user_model()
        .objects.filter(
            memberships__collectivite_id=candidature.collectivite_id,
            is_active=True,
            applicant_profile__email_verified_at__isnull=False,
        )
        .exclude(email="")
    )
    return {email.lower(): email for email in users.values_list("email", flat=True)}


def named_addresses(candidature):
    """The people a dossier names: its creator, the latest submitter, the two référents."""
    emails = []
    if candidature.created_by_id and candidature.created_by.email:
        emails.append(candidature.created_by.email)
    state = candidature.workflow_states.order_by("-created_at").first()
    if state and state.requested_by and state.requested_by.email:
        emails.append(state.requested_by.email)
    for email in (candidature.technical_email, candidature.elected_email):
        if email:
            emails.append(email)
    return emails


def applicant_recipients(candidature):
    """Of the people the dossier names, those who are verified members of its body: the only
    ones who receive its content."""
    verified = verified_member_emails(candidature)
    emails = [verified[e.lower()] for e in named_addresses(candidature) if e.lower() in verified]
    return sorted(set(emails), key=emails.index)


def named_by(candidature):
    state = candidature.workflow_states.order_by("-created_at").first()
    user = (state.requested_by if state else None) or candidature.created_by
    if user is None:
        return candidature.collectivite.name
    return user.get_full_name() or user.email


def notify_named_referents(candidature):
    """Tell each référent who is not a verified member that they were named (no content),
    once per dossier and address, whatever the number of saves or submissions."""
    verified = verified_member_emails(candidature)
    sent = 0
    for email in {candidature.technical_email, candidature.elected_email} - {""}:
        if email.lower() in verified:
            continue
        _notice, created = ReferentNotice.objects.get_or_create(
            candidature=candidature, email=email.lower()
        )
        if created:
            send_referent_notice(candidature, email, named_by(candidature))
            sent += 1
    return sent


def base_context(candidature):
    return {
        "collectivite": candidature.collectivite.name,
        "edition_year": candidature.edition.year,
    }


def send(event, recipients, context, attachments=()):
    """Render the event's template (the edited one, else the default) and send it; returns
    the count sent (0 when nobody or the mailer failed, which is logged)."""
    recipients = list(recipients)
    if not recipients:
        return 0
    try:
        subject, body = EmailTemplate.render(event, context)
    except Exception:
        logger.exception("Email %s could not be rendered", event)
        return 0
    return send_text(subject, body, recipients, attachments)


def notify_applicant(candidature, event, attachments=(), **extra):
    """An email about the dossier to the body's verified members (``attachments``: triples
    ``(filename, bytes, mimetype)``, e.g. the receipt's PDF, or a callable giving them, called
    only when someone will receive the email)."""
    context = {**base_context(candidature), "applicant_url": applicant_url(), **extra}
    recipients = list(applicant_recipients(candidature))
    if recipients and callable(attachments):
        attachments = attachments()
    sent = send(event, recipients, context, attachments)
    if event == "receipt":
        notify_named_referents(candidature)
    return sent


def notify_receipt(candidature):
    """The receipt of a (re)submitted dossier: its number, the answers in short, the recap PDF
    attached (made only when a verified member will receive it: a PDF costs ~0.2 s of CPU);
    then the notices to the référents named in it."""
    context = receipt_context(candidature)
    return notify_applicant(
        candidature, "receipt", attachments=lambda: recap_attachments(context), **context
    )


def notify_staff_new_submission(candidature):
    path = reverse("wagtailsnippets_candidatures_candidature:edit", args=[candidature.pk])
    context = {**base_context(candidature), "admin_url": _absolute(path)}
    return send("staff_new_submission", staff_recipients(), context)


def juror_dashboard_url():
    return _absolute(reverse("candidatures_jury:dashboard"))


def notify_juror_assigned(candidature, juror):
    if not juror.email:
        return None
    context = {**base_context(candidature), "admin_url": juror_dashboard_url()}
    return send("juror_assigned", [juror.email], context)


def notify_juror_reminder(juror, candidatures, jury_date):
    if not juror.email:
        return None
    context = {
        "missing": len(candidatures),
        "jury_date": jury_date.strftime("%d/%m/%Y") if jury_date else "",
        "dossiers": "\n".join(f"- {c.collectivite.name}" for c in candidatures),
        "admin_url": juror_dashboard_url(),
    }
    return send("juror_reminder", [juror.email], context)
