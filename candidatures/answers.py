"""Reading a dossier: its answers grouped by section, and the attachments a user may open.

Contract with the applicant space (see docs/jury-workflow.md):
``Candidature.questions`` is a list of sections
``{"key", "title", "questions": [{"key", "label", "type", "help_text", "required", "choices"}]}``
and ``Candidature.answers`` a dict keyed by question key.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _


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


def answer_sections(candidature):
    answers = candidature.answers or {}
    sections = []
    for section in candidature.questions or []:
        if not isinstance(section, dict):
            continue
        rows = []
        for question in section.get("questions") or []:
            value = answers.get(question.get("key"))
            rows.append(
                {
                    "label": question.get("label") or question.get("key"),
                    "type": question.get("type", ""),
                    "value": display_answer(question, value),
                    "is_url": question.get("type") == "url" and bool(value),
                    "raw": value,
                }
            )
        sections.append({"key": section.get("key"), "title": section.get("title"), "rows": rows})
    return sections


def attachments_for(candidature, user):
    """Attachments of the applicant space's model, filtered by its ``can_be_seen_by(user)``.

    The attachment model belongs to the applicant issue; until it is merged there is none.
    """
    try:
        model = apps.get_model("candidatures", "Attachment")
    except LookupError:
        return []
    items = model.objects.filter(candidature=candidature).select_related("candidature")
    return [{"label": str(a), "url": attachment_url(a)} for a in items if a.can_be_seen_by(user)]


def attachment_url(attachment):
    if hasattr(attachment, "get_absolute_url"):
        return attachment.get_absolute_url()
    try:
        return reverse("candidatures:attachment", args=[attachment.pk])
    except NoReverseMatch:
        return ""
