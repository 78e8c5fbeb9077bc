"""Choosers that show people by full name (``person_name``), never by login."""

from django import forms
from django.contrib.auth import get_user_model

from candidatures.models.jury import person_name

BY_NAME = ("last_name", "first_name", "username")


class PersonSelect(forms.Select):
    """A select of users labelled by full name; for admin panels (``FieldPanel(widget=...)``),
    where the form field is built by Wagtail."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        instance = getattr(value, "instance", None)
        if instance is not None:
            label = person_name(instance)
        return super().create_option(name, value, label, selected, index, subindex, attrs)


class PersonChoiceField(forms.ModelChoiceField):
    widget = PersonSelect

    def label_from_instance(self, obj):
        return person_name(obj)


def people_by_name(queryset=None):
    qs = get_user_model().objects.all() if queryset is None else queryset
    return qs.order_by(*BY_NAME)
