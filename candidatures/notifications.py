"""Who receives which email. Builds a plain context and hands it to a background task.

A failed email never blocks a transition: enqueueing is guarded, and the task itself catches
sending errors (see tasks.py). With the database task backend the queued email commits or rolls
back with the transition that caused it.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from candidatures.access import STAFF_GROUP

logger = logging.getLogger(__name__)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def applicant_url():
    """The public applicant space (never an admin URL)."""
    try:
        path = reverse("candidatures:dashboard")
    except NoReverseMatch:
        path = "/espace-candidat/"
    return _absolute(path)


def applicant_recipients(candidature):
    emails = []
    if candidature.created_by_id and candidature.created_by.email:
        emails.append(candidature.created_by.email)
    state = candidature.workflow_states.order_by("-created_at").first()
    if state and state.requested_by and state.requested_by.email:
        emails.append(state.requested_by.email)
    if candidature.technical_email:
        emails.append(candidature.technical_email)
    if candidature.elected_email:
        emails.append(candidature.elected_email)
    return sorted(set(emails), key=emails.index)


def staff_recipients():
    users = (
        get_user_model().objects.filter(groups__name=STAFF_GROUP, is_active=True).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def base_context(candidature):
    return {
        "collectivite": candidature.collectivite.name,
        "edition_year": candidature.edition.year,
    }


def send(event, recipients, context):
    if not recipients:
        return None
    from candidatures.tasks import send_notification

    try:
        return send_notification.enqueue(event, list(recipients), context)
    except Exception:
        logger.exception("Email %s could not be queued", event)
        return None


def notify_applicant(candidature, event, **extra):
    context = {**base_context(candidature), "applicant_url": applicant_url(), **extra}
    return send(event, applicant_recipients(candidature), context)


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
