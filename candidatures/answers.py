"""Reading a dossier: its answers grouped by section, and the attachments a user may open.

Contract with the applicant space (see docs/jury-workflow.md):
``Candidature.questions`` is a list of sections
``{"key", "title", "questions": [{"key", "label", "type", "help_text", "required", "choices"}]}``
and ``Candidature.answers`` a dict keyed by question key.
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from candidatures.models import Attachment
from candidatures.permissions import can


def display_answer(question, value):
    if value in (None, "", [], {}):
        return None
    kind = question.get("type", "")
    choices = {}
    for choice in question.get("choices") or []:
        if isinstance(choice, dict):
            choices[str(choice.get("value", choice.get("key", "")))] = choice.get("label", "")
        else:
            choices[str(choice)] = str(choice)
    if kind in ("yes_no", "boolean", "bool") or isinstance(value, bool):
        return _("Oui") if value in (True, "yes", "oui", "true", "1") else _("Non")
    if isinstance(value, list):
        return ", ".join(choices.get(str(v), str(v)) for v in value)
    if isinstance(value, dict):
        return (
            value.get("name")
            or value.get("label")
            or ", ".join(f"{k} : {v}" for k, v in value.items())
        )
    return choices.get(str(value), str(value))


@dataclass
class Answer:
    """One question of the frozen questionnaire with what the dossier says about it."""

    key: str
    label: str
    type: str
    raw: object = None
    value: str | None = None
    files: list = field(default_factory=list)

    @property
    def is_url(self):
        return self.type == "url" and bool(self.raw)

    @property
    def answered(self):
        return self.value is not None or bool(self.files)


@dataclass
class Section:
    key: str
    title: str
    rows: list


def read_answers(candidature, attachments=None):
    """The dossier's sections and answers, attachments included (a question answered by a file
    is answered). ``attachments`` may be given when the caller already loaded them."""
    if attachments is None:
        attachments = list(candidature.attachments.order_by("uploaded_at", "pk"))
    files = {}
    for attachment in attachments:
        files.setdefault(attachment.question_key, []).append(attachment)
    answers = candidature.answers or {}
    sections = []
    for section in candidature.questions or []:
        if not isinstance(section, dict):
            continue
        rows = []
        for question in section.get("questions") or []:
            key = question.get("key")
            value = answers.get(key)
            rows.append(
                Answer(
                    key=key,
                    label=question.get("label") or key,
                    type=question.get("type", ""),
                    raw=value,
                    value=display_answer(question, value),
                    files=files.get(key, []),
                )
            )
        sections.append(Section(key=section.get("key"), title=section.get("title"), rows=rows))
    return sections


answer_sections = read_answers


def attachments_for(candidature, user):
    """The dossier's attachments that ``user`` may open."""
    if not can(user, "download", candidature):
        return []
    items = Attachment.objects.filter(candidature=candidature)
    return [{"label": str(a), "url": attachment_url(a)} for a in items]


def attachment_url(attachment):
    if hasattr(attachment, "get_absolute_url"):
        return attachment.get_absolute_url()
    try:
        return reverse("candidatures:attachment", args=[attachment.pk])
    except NoReverseMatch:
        return ""
