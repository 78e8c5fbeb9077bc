"""One form for the whole self-assessment: a radio group per question, grouped by domain."""

from django import forms
from django.utils.translation import gettext_lazy as _

REQUIRED = _("Choisissez une réponse à cette question.")


def field_name(question):
    return f"q{question.pk}"


class SelfAssessmentForm(forms.Form):
    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[field_name(question)] = forms.TypedChoiceField(
                label=question.label,
                help_text=question.help_text,
                choices=[(str(i), text) for i, text in enumerate(question.choice_list)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": REQUIRED,
                    "invalid_choice": _("Cette réponse ne fait pas partie des choix proposés."),
                },
            )

    def answers(self):
        """{question id: index of the chosen answer} of a valid form."""
        return {q.pk: self.cleaned_data[field_name(q)] for q in self.questions}

    def domains(self):
        """[(domain, [bound field, ...]), ...] in display order, for the template."""
        groups = []
        for question in self.questions:
            bound = self[field_name(question)]
            bound.question = question
            if not groups or groups[-1][0].pk != question.domain_id:
                groups.append((question.domain, []))
            groups[-1][1].append(bound)
        return groups

    def error_links(self):
        """[(anchor of the first answer, question label, message), ...] for the error summary."""
        return [
            (f"{self[name].auto_id}_0", self.fields[name].label, " ".join(errors))
            for name, errors in self.errors.items()
            if name in self.fields
        ]
