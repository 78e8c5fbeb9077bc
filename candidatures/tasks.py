"""Background work (Django tasks): emails are sent outside the request that caused them."""

import logging

from django.core.mail import EmailMessage
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_notification(event, recipients, context):
    """Render the event's template and send it; a failure is logged, never raised.

    Arguments are plain JSON values so that any task backend can store them.
    """
    from candidatures.applicant.receipt import recap_attachments
    from candidatures.models import EmailTemplate

    try:
        subject, body = EmailTemplate.render(event, context)
        message = EmailMessage(subject, body, None, recipients)
        for attachment in recap_attachments(context):  # the receipt carries the recap PDF
            message.attach(*attachment)
        message.send()
    except Exception:
        logger.exception("Email %s to %s could not be sent", event, recipients)
        return False
    return True
