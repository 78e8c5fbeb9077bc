"""The one way the site sends an email: a plain-text part and an HTML part, absolute links.

Every sender (applicant space, process notifications, contact form, password resets) calls
:func:`send_templated` (templates) or :func:`send_text` (text already rendered, e.g. the
editable templates of the process). The message goes through the default mailer, which in
production is ``home.mail.QueuedEmailBackend``: recorded, sent by a background task, retried.

Templates: ``<base>.txt`` holds the subject on its first line, then the text; ``<base>.html``
(optional) extends ``emails/layout.html``. Without it, the text is shown in the layout, with its
links made clickable. Links are built on ``WAGTAILADMIN_BASE_URL`` (:func:`absolute`), never on
the request's Host header.
"""

import logging
import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)

LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)»]")


def site_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path):
    """The site's real address + ``path`` (a path, or an URL already absolute)."""
    if path.startswith(("http://", "https://")):
        return path
    return site_url() + "/" + path.lstrip("/")


def base_context(context=None):
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url(),
        **(context or {}),
    }


def html_from_text(text):
    """Paragraphs of the text, escaped, with its links clickable (for the HTML part)."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        pieces, position = [], 0
        for match in LINK.finditer(paragraph):
            pieces.append(escape(paragraph[position : match.start()]))
            pieces.append(
                format_html(
                    '<a href="{}" style="color:#1d4f91;text-decoration:underline">{}</a>',
                    match.group(0),
                    match.group(0),
                )
            )
            position = match.end()
        pieces.append(escape(paragraph[position:]))
        # Every piece is escaped above; only the line breaks are added.
        inner = mark_safe("".join(pieces).replace("\n", "<br>\n"))  # noqa: S308
        paragraphs.append(format_html('<p style="margin:0 0 16px">{}</p>', inner))
    return mark_safe("\n".join(paragraphs))  # noqa: S308


def render_html(template_base, context, text):
    try:
        return render_to_string(f"{template_base}.html", context)
    except TemplateDoesNotExist:
        return render_layout(context.get("subject", ""), text)


def render_layout(subject, text):
    return render_to_string(
        "emails/layout.html", base_context({"subject": subject, "body_html": html_from_text(text)})
    )


def split_subject(rendered):
    subject, _blank, body = rendered.strip().partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


def build(
    subject, text, recipients, html=None, attachments=(), reply_to=(), from_email=None, **extra
):
    message = EmailMultiAlternatives(
        subject, text, from_email, list(recipients), reply_to=list(reply_to or ()), **extra
    )
    message.attach_alternative(
        html if html is not None else render_layout(subject, text), "text/html"
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send_text(
    subject, text, recipients, attachments=(), *, html=None, reply_to=(), from_email=None
):
    """Send an already-rendered text (HTML made from it unless given); returns the count sent.

    A mailer that fails (only possible when the default mailer is not the queued one) is
    logged, never raised: an email never blocks the action that caused it."""
    recipients = [r for r in dict.fromkeys(recipients) if r]
    if not recipients:
        return 0
    message = build(subject, text, recipients, html, attachments, reply_to, from_email)
    try:
        return message.send()
    except Exception:
        logger.exception("Email %r to %s could not be sent", subject, recipients)
        return 0


def render(template_base, context):
    """(subject, text, html) of ``<template_base>.txt`` / ``.html`` with the site's context."""
    context = base_context(context)
    subject, text = split_subject(render_to_string(f"{template_base}.txt", context))
    html = render_html(template_base, {**context, "subject": subject}, text)
    return subject, text, html


def send_templated(template_base, recipients, context, attachments=(), *, reply_to=()):
    """Render ``<template_base>.txt`` (first line = subject) and ``.html``, send both parts.

    ``attachments``: ``(filename, bytes, mimetype)`` triples. Returns the count sent."""
    subject, text, html = render(template_base, context)
    return send_text(subject, text, recipients, attachments, html=html, reply_to=reply_to)


class TemplatedPasswordResetMixin:
    """For a ``PasswordResetForm``: the reset email through :func:`send_templated`, its link on
    the site's real address (Django would build it from the request's Host header)."""

    reset_url_name = "password_reset_confirm"
    email_template_base = "home/emails/password_reset"

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        path = reverse(
            self.reset_url_name, kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        context = {**context, "reset_link": absolute(path)}
        send_templated(self.email_template_base, [to_email], context)
