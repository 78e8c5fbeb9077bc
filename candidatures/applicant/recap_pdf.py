"""The recap of a dossier as a PDF (WeasyPrint): what the body submitted, with its receipt number.

Rendered from ``templates/candidatures/applicant/recap_pdf.html`` with the answers read by
``candidatures.answers.read_answers`` (the same reader as the jury's screens). Nothing is fetched
while rendering: the template carries its stylesheet and uses the system's fonts (DejaVu, from
Debian's ``fonts-dejavu-core``), and any URL the HTML might name is refused.
"""

import functools

from django.template.loader import render_to_string
from django.utils import timezone

from candidatures.answers import read_answers
from candidatures.applicant.drafts import referent_labels
from candidatures.permissions import can, role_of

# The recap is the body's and the label team's: jurors read dossiers in their own screens.
RECAP_ROLES = {"applicant_member", "staff", "superuser"}


def can_download_recap(user, candidature):
    """The body's members and label staff (the map's ``download`` action, without the jury)."""
    return role_of(user, candidature) in RECAP_ROLES and can(user, "download", candidature)


def filename(candidature):
    number = candidature.receipt_number or f"brouillon-{candidature.pk}"
    return f"recapitulatif-{number}.pdf"


def recap_context(candidature):
    attachments = list(candidature.attachments.order_by("uploaded_at", "pk"))
    return {
        "candidature": candidature,
        "edition": candidature.edition,
        "collectivite": candidature.collectivite,
        "referents": [(label, getattr(candidature, name)) for name, label in referent_labels()],
        "sections": read_answers(candidature, attachments),
        "attachments": attachments,
        "generated_at": timezone.localtime(),
    }


def render_recap_html(candidature):
    return render_to_string("candidatures/applicant/recap_pdf.html", recap_context(candidature))


@functools.cache
def renderer():
    """WeasyPrint's HTML class, a fetcher that fetches nothing and one font configuration, made
    once per process (the font configuration alone halves the time of each PDF)."""
    from weasyprint import HTML  # heavy import (Pango through cffi): only when a PDF is made
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    class NoFetch(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"No resource is fetched for the recap PDF: {url}")

    return HTML, NoFetch(fail_on_errors=False), FontConfiguration()


def render_recap_pdf(candidature):
    """The PDF's bytes."""
    html_class, fetcher, fonts = renderer()
    html = html_class(string=render_recap_html(candidature), base_url=None, url_fetcher=fetcher)
    return html.write_pdf(font_config=fonts)
