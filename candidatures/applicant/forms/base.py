"""Form helpers: errors and help texts linked to their field with aria-describedby."""

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

GROUP_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


class AccessibleFormMixin:
    fields_template = "candidatures/applicant/includes/form_fields.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()

    def render(self, template_name=None, context=None, renderer=None):
        # Project templates (not the form renderer's app-only loader), field by field.
        return mark_safe(render_to_string(self.fields_template, {"form": self}))  # noqa: S308

    __str__ = render

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def describe_fields(self):
        errors = self._errors or {}
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_help")
            if name in errors:
                ids.append(f"{bound.auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            field.is_group = isinstance(field.widget, GROUP_WIDGETS)
            field.describedby = " ".join(ids)
            if ids and not field.is_group:
                field.widget.attrs["aria-describedby"] = field.describedby
            else:
                field.widget.attrs.pop("aria-describedby", None)
