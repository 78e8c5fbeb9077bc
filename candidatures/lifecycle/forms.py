"""Forms of the workflow action modals, registered on the task classes (``ACTION_FORMS``);
imported from ``CandidaturesConfig.ready`` (wagtail.admin forms need the app registry)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

from candidatures.models.workflow import ACTION_FORMS

__all__ = ["CloseEarlyForm", "RequiredCommentForm", "TaskStateCommentForm"]


class RequiredCommentForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=True,
        error_messages={"required": _("Écrivez le message destiné au candidat.")},
    )


class CloseEarlyForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("Motif de la clôture anticipée"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=True,
        error_messages={"required": _("Indiquez pourquoi l'évaluation est close.")},
    )


ACTION_FORMS.update(
    {
        ("EligibilityTask", "approve"): TaskStateCommentForm,
        ("EligibilityTask", "reject"): RequiredCommentForm,
        ("EligibilityTask", "ineligible"): RequiredCommentForm,
        ("JuryEvaluationTask", "approve"): CloseEarlyForm,
    }
)
