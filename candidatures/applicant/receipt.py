"""What the receipt email of a submitted dossier adds: its number, the answers in short, the PDF.

``notifications.notify_receipt`` sends the receipt with ``receipt_context`` and the PDF of
``recap_attachments``.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from candidatures.answers import read_answers
from candidatures.applicant.recap_pdf import filename, render_recap_pdf
from candidatures.models import Candidature

logger = logging.getLogger(__name__)

SHORT = 120  # characters of an answer in the email


def shorten(text, width=SHORT):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def answers_summary(candidature):
    """The sections and answers in short, as plain text lines."""
    lines = []
    for section in read_answers(candidature):
        lines.append(f"{section.title}")
        for row in section.rows:
            if row.files:
                value = ", ".join(a.original_name for a in row.files)
            else:
                value = row.value if row.value is not None else _("sans réponse")
            lines.append(f"- {shorten(row.label, 80)} : {shorten(value)}")
        lines.append("")
    return "\n".join(lines).strip()


def receipt_context(candidature):
    path = reverse("candidatures:recap_pdf", args=[candidature.pk])
    return {
        "receipt_number": candidature.assign_receipt_number(),
        "answers_summary": answers_summary(candidature),
        "recap_pdf_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        "attach_recap": candidature.pk,
    }


def recap_attachments(context):
    """[(filename, bytes, mimetype)] for an email whose context names a dossier's recap; the
    email still goes without it if the PDF cannot be made (logged)."""
    pk = context.get("attach_recap")
    if not pk:
        return []
    try:
        candidature = Candidature.objects.select_related("edition", "collectivite").get(pk=pk)
        return [(filename(candidature), render_recap_pdf(candidature), "application/pdf")]
    except Exception:
        logger.exception("The recap PDF of dossier %s could not be attached", pk)
        return []
