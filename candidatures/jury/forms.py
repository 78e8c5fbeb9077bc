"""Forms of the jury screens: evaluation, decision, conflict declaration, hand assignment."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from candidatures.jury.widgets import PersonChoiceField, people_by_name
from candidatures.models import ConflictOfInterest
from candidatures.models.jury import SCORE_MAX, SCORE_MIN

SCORE_CHOICES = [("", _("— choisir —"))] + [
    (str(n), str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)
]


NOT_LABELLED = "non"


class EvaluationForm(forms.Form):
    """A score per criteria domain, the proposed level (no default: "— choisir —" until the juror
    picks a level or "Ne pas labelliser", required to submit), the comments."""

    jury_comment = forms.CharField(
        label=_("Commentaire pour le jury"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Lu par les autres jurés et l'équipe, jamais par le candidat."),
    )
    applicant_feedback = forms.CharField(
        label=_("Retour pour le candidat"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Peut être transmis au candidat avec la décision."),
    )

    def __init__(self, *args, candidature, evaluation=None, final=False, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        if evaluation is not None:
            initial.update(
                {
                    "proposed_level": (
                        str(evaluation.proposed_level_id or NOT_LABELLED)
                        if evaluation.level_chosen
                        else ""
                    ),
                    "jury_comment": evaluation.jury_comment,
                    "applicant_feedback": evaluation.applicant_feedback,
                }
            )
            for key, value in (evaluation.scores or {}).items():
                initial[f"score_{key}"] = str(value)
        super().__init__(*args, initial=initial, **kwargs)
        self.final = final
        edition = candidature.edition
        self.levels = {str(level.pk): level for level in candidature.reachable_levels()}
        self.fields["proposed_level"] = forms.ChoiceField(
            label=_("Niveau proposé"),
            choices=[("", _("— choisir —")), (NOT_LABELLED, _("Ne pas labelliser"))]
            + [(pk, str(level)) for pk, level in self.levels.items()],
            required=final,
            help_text=_("Obligatoire pour remettre l'évaluation."),
            error_messages={
                "required": _("Choisissez un niveau, ou « Ne pas labelliser », avant de remettre.")
            },
        )
        self.domains = list(edition.criteria_domains.all())
        for domain in self.domains:
            self.fields[f"score_{domain.pk}"] = forms.TypedChoiceField(
                label=domain.name,
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=final,
                help_text=domain.description,
                error_messages={"required": _("Notez ce domaine de 0 à 5 avant de remettre.")},
            )
        # Domains first, then the level and the comments.
        order = [f"score_{d.pk}" for d in self.domains]
        self.order_fields(order + ["proposed_level", "jury_comment", "applicant_feedback"])

    def score_fields(self):
        return [self[f"score_{d.pk}"] for d in self.domains]

    def other_fields(self):
        return [self[n] for n in ("proposed_level", "jury_comment", "applicant_feedback")]

    def proposal(self):
        """(level or None, chosen): None with chosen=True proposes not to label."""
        value = self.cleaned_data.get("proposed_level") or ""
        if not value:
            return None, False
        return self.levels.get(value), True

    def scores(self):
        return {
            str(d.pk): self.cleaned_data[f"score_{d.pk}"]
            for d in self.domains
            if self.cleaned_data.get(f"score_{d.pk}") is not None
        }


class DecisionForm(forms.Form):
    level = forms.ModelChoiceField(
        label=_("Niveau attribué"),
        queryset=None,
        required=False,
        empty_label=_("Non labellisée"),
    )
    public_comment = forms.CharField(
        label=_("Appréciation publique du jury"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, candidature, **kwargs):
        super().__init__(*args, **kwargs)
        edition = candidature.edition
        self.fields["level"].queryset = candidature.reachable_levels()  # the track's only
        self.mention_types = list(edition.mention_types.all())
        for mention in self.mention_types:
            self.fields[f"mention_{mention.pk}"] = forms.BooleanField(
                label=_("Décerner la mention « %(name)s »") % {"name": mention.name},
                required=False,
            )
            self.fields[f"citation_{mention.pk}"] = forms.CharField(
                label=_("Citation pour « %(name)s »") % {"name": mention.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def mention_rows(self):
        return [(self[f"mention_{m.pk}"], self[f"citation_{m.pk}"]) for m in self.mention_types]

    def clean(self):
        data = super().clean()
        for mention in self.mention_types:
            if data.get(f"mention_{mention.pk}") and not data.get(f"citation_{mention.pk}"):
                self.add_error(f"citation_{mention.pk}", _("Rédigez la citation de cette mention."))
        return data

    def mentions(self):
        return [
            (m, self.cleaned_data[f"citation_{m.pk}"])
            for m in self.mention_types
            if self.cleaned_data.get(f"mention_{m.pk}")
        ]


class ConflictForm(forms.ModelForm):
    class Meta:
        model = ConflictOfInterest
        fields = ["collectivite", "reason"]

    def __init__(self, *args, collectivites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collectivite"].queryset = collectivites


class AddJurorForm(forms.Form):
    candidature = forms.IntegerField(widget=forms.HiddenInput)
    juror = PersonChoiceField(label=_("Juré à ajouter"), queryset=None)

    def __init__(self, *args, jury, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = people_by_name(
            get_user_model().objects.filter(jury_memberships__jury=jury)
        )
