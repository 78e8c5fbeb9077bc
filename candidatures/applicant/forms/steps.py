"""Step forms of a dossier, built from the dossier's frozen questions (never the live model).

Drafts accept incomplete answers: every field is optional here; required answers are checked
when the dossier is submitted (see applicant.submission).
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from candidatures.applicant.drafts import REFERENT_FIELDS, REQUIRED_REFERENT_FIELDS
from candidatures.applicant.forms.base import AccessibleFormMixin
from candidatures.applicant.uploads import ACCEPT, BadUpload, check_upload
from candidatures.models.questionnaire import QuestionType

YES_NO = [("oui", _("Oui")), ("non", _("Non"))]


class VersionedForm(AccessibleFormMixin, forms.Form):
    """Carries the revision id the form was loaded from (optimistic concurrency)."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)


class ReferentsForm(VersionedForm):
    elected_name = forms.CharField(label=_("Nom et prénom"), max_length=200, required=False)
    elected_role = forms.CharField(
        label=_("Fonction"), max_length=200, required=False, help_text=_("Ex. : adjoint au maire.")
    )
    elected_email = forms.EmailField(label=_("Adresse électronique"), required=False)
    elected_phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False)
    technical_name = forms.CharField(label=_("Nom et prénom"), max_length=200, required=False)
    technical_role = forms.CharField(
        label=_("Fonction"), max_length=200, required=False, help_text=_("Ex. : DSI.")
    )
    technical_email = forms.EmailField(label=_("Adresse électronique"), required=False)
    technical_phone = forms.CharField(label=_("Téléphone"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REFERENT_FIELDS:
            field = self.fields[name]
            field.required_for_submission = name in REQUIRED_REFERENT_FIELDS
            if name.endswith("_phone"):
                field.widget.input_type = "tel"
                field.widget.attrs["autocomplete"] = "tel"
        self.describe_fields()

    def groups(self):
        return [
            (_("Élu référent"), [self[n] for n in REFERENT_FIELDS[:4]]),
            (_("Référent technique"), [self[n] for n in REFERENT_FIELDS[4:]]),
        ]

    def values(self):
        return {name: self.cleaned_data.get(name) or "" for name in REFERENT_FIELDS}


def question_field(question):
    kind = question["type"]
    options = {
        "label": question["label"],
        "help_text": question["help_text"],
        "required": False,
    }
    if kind == QuestionType.LONG_TEXT:
        field = forms.CharField(
            max_length=20000, widget=forms.Textarea(attrs={"rows": 6}), **options
        )
    elif kind == QuestionType.YES_NO:
        field = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **options)
    elif kind == QuestionType.SINGLE_CHOICE:
        choices = [(c, c) for c in question["choices"]]
        field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)
    elif kind == QuestionType.MULTIPLE_CHOICE:
        choices = [(c, c) for c in question["choices"]]
        field = forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **options
        )
    elif kind == QuestionType.NUMBER:
        field = forms.DecimalField(max_digits=15, decimal_places=2, localize=True, **options)
        field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
    elif kind == QuestionType.URL:
        field = forms.URLField(max_length=500, assume_scheme="https", **options)
    elif kind == QuestionType.FILE:
        field = forms.FileField(widget=forms.FileInput(attrs={"accept": ACCEPT}), **options)
        field.help_text = " ".join(
            filter(
                None, [question["help_text"], str(_("PDF, ODT, ODS, PNG ou JPEG, 10 Mo au plus."))]
            )
        )
    else:
        field = forms.CharField(max_length=500, **options)
    field.required_for_submission = question["required"]
    field.question_type = kind
    return field


class SectionForm(VersionedForm):
    def __init__(self, *args, section, **kwargs):
        self.section = section
        super().__init__(*args, **kwargs)
        for question in section["questions"]:
            self.fields[question["key"]] = question_field(question)
        self.describe_fields()

    @classmethod
    def initial_for(cls, section, answers):
        initial = {}
        for question in section["questions"]:
            value = answers.get(question["key"])
            if value is not None and question["type"] == QuestionType.NUMBER:
                value = Decimal(str(value))
            initial[question["key"]] = value
        return initial

    def clean(self):
        cleaned = super().clean()
        for question in self.section["questions"]:
            upload = cleaned.get(question["key"]) if question["type"] == QuestionType.FILE else None
            if upload:
                try:
                    upload.checked_content_type = check_upload(upload)
                except BadUpload as error:
                    self.add_error(question["key"], str(error))
        return cleaned

    def answer_values(self):
        """JSON-ready answers of this step (files excluded: they become attachments)."""
        values = {}
        for question in self.section["questions"]:
            key, kind = question["key"], question["type"]
            if kind == QuestionType.FILE:
                continue
            value = self.cleaned_data.get(key)
            if kind == QuestionType.NUMBER:
                value = None if value is None else format(value.normalize(), "f")
            elif value is None:
                value = [] if kind == QuestionType.MULTIPLE_CHOICE else ""
            values[key] = value
        return values

    def uploads(self):
        return [
            (q["key"], self.cleaned_data[q["key"]])
            for q in self.section["questions"]
            if q["type"] == QuestionType.FILE and self.cleaned_data.get(q["key"])
        ]
