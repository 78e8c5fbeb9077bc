"""Outgoing email through a background task that retries with backoff and logs every attempt.

``MAILERS["default"]`` is :class:`QueuedEmailBackend` in production: whatever sends a message
(our views, Wagtail's notifications, Django's password reset) only writes an
:class:`~home.models.EmailDelivery` and enqueues :func:`send_delivery`, which sends it with the
real mailer (``MAILERS["outgoing"]``). A failed try is recorded and retried after the next delay
of ``MAIL_RETRY_DELAYS``; after the last one the delivery is marked failed, shown to staff in the
admin (``home.mail_admin``), and the task run itself fails (it is never marked successful when
the send failed).
"""

import base64
import logging
from datetime import timedelta
from email import message_from_string
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task
from django.utils import timezone

from home.models import EmailAttempt, EmailDelivery

logger = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = (60, 300, 1800, 7200)  # seconds: 5 tries over about 2 h 40


class DeliveryFailed(Exception):
    """One try to send a delivery failed (the task run that made it is a failure)."""


def retry_delays():
    return tuple(getattr(settings, "MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def max_attempts():
    return len(retry_delays()) + 1


def serialise(message):
    """A JSON document from which :func:`restore` rebuilds the same message."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": attachment.as_string()})
        else:
            filename, content, mimetype = attachment
            if isinstance(content, str):
                content = content.encode()
            attachments.append(
                {
                    "filename": filename,
                    "content": base64.b64encode(content).decode("ascii"),
                    "mimetype": mimetype,
                }
            )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {key: str(value) for key, value in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def restore(data):
    message = EmailMultiAlternatives(
        data["subject"],
        data["body"],
        data["from_email"],
        data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in data["attachments"]:
        if "mime" in attachment:
            message.attach(message_from_string(attachment["mime"], _class=MIMEBase))
        else:
            content = base64.b64decode(attachment["content"])
            message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """Records each message and leaves its sending to :func:`send_delivery`."""

    def __init__(self, *args, deliver_with="outgoing", **kwargs):
        super().__init__(*args, **kwargs)
        self.deliver_with = deliver_with

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            queue(message, self.deliver_with)
            count += 1
        return count


def queue(message: EmailMessage, mailer="outgoing"):
    delivery = EmailDelivery.objects.create(
        subject=str(message.subject)[:998],
        recipients=list(message.recipients()),
        message=serialise(message),
    )
    send_delivery.enqueue(delivery.pk, mailer)
    return delivery


def schedule_retry(delivery, mailer):
    delay = retry_delays()[delivery.attempts - 1]
    retry = send_delivery
    if delay and retry.get_backend().supports_defer:
        retry = retry.using(run_after=timezone.now() + timedelta(seconds=delay))
    retry.enqueue(delivery.pk, mailer)


def record_failure(delivery, error):
    text = f"{type(error).__name__}: {error}"[:2000]
    EmailAttempt.objects.create(delivery=delivery, number=delivery.attempts, error=text)
    delivery.last_error = text
    if delivery.attempts >= max_attempts():
        delivery.status = EmailDelivery.Status.FAILED
        delivery.finished_at = timezone.now()
        delivery.message = {}
        logger.error("Email %s to %s given up: %s", delivery.pk, delivery.recipients, text)
    else:
        delivery.status = EmailDelivery.Status.RETRYING
        logger.warning(
            "Email %s to %s failed (try %s): %s",
            delivery.pk,
            delivery.recipients,
            delivery.attempts,
            text,
        )
    delivery.save(update_fields=["attempts", "last_error", "status", "finished_at", "message"])


@task()
def send_delivery(delivery_id, mailer="outgoing"):
    """One try to send a recorded delivery (raises when it fails, so the run is a failure)."""
    delivery = EmailDelivery.objects.filter(
        pk=delivery_id, status__in=[EmailDelivery.Status.PENDING, EmailDelivery.Status.RETRYING]
    ).first()
    if delivery is None:  # already sent or given up (a duplicate run)
        return "done"
    delivery.attempts += 1
    try:
        with mailers[mailer] as connection:
            if connection.send_messages([restore(delivery.message)]) != 1:
                raise DeliveryFailed("the mailer sent nothing")
    except Exception as error:
        record_failure(delivery, error)
        if delivery.status == EmailDelivery.Status.RETRYING:
            schedule_retry(delivery, mailer)
        raise DeliveryFailed(delivery.last_error) from error
    EmailAttempt.objects.create(delivery=delivery, number=delivery.attempts, succeeded=True)
    delivery.status = EmailDelivery.Status.SENT
    delivery.finished_at = timezone.now()
    delivery.last_error = ""
    delivery.message = {}
    delivery.save(update_fields=["attempts", "last_error", "status", "finished_at", "message"])
    return "sent"
