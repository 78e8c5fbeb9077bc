"""Background work of the editorial site (Django tasks): emails leave outside the request."""

import logging

from django.core.mail import EmailMessage
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(subject, body, recipients, reply_to=()):
    """Send one plain-text email; a failure is logged, never raised (the message is kept in the
    admin anyway). Arguments are plain JSON values, as any task backend stores them."""
    try:
        EmailMessage(subject, body, None, list(recipients), reply_to=list(reply_to)).send()
    except Exception:
        logger.exception("Email %r to %s could not be sent", subject, recipients)
        return False
    return True
