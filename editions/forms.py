"""The directory's GET filter form: every invalid value is reported and ignored, never a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Collectivite, CollectiviteKind, Edition, Level, Result


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Nom"), required=False, max_length=100)
    niveau = forms.ChoiceField(label=_("Niveau"), required=False)
    type = forms.ChoiceField(label=_("Type d'organisme"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)
    edition = forms.ChoiceField(label=_("Édition"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("Tous"))]
        published = Edition.objects.with_public_results()
        self.fields["niveau"].choices = every + [
            (name, name)
            for name in Level.objects.filter(edition__in=published)
            .order_by("number", "name")
            .values_list("name", flat=True)
            .distinct()
        ]
        self.fields["type"].choices = every + list(CollectiviteKind.choices)
        labelled = Result.objects.public().laureates().values("collectivite_id")
        self.fields["region"].choices = [("", _("Toutes"))] + [
            (region, region)
            for region in Collectivite.objects.filter(pk__in=labelled)
            .exclude(region="")
            .order_by("region")
            .values_list("region", flat=True)
            .distinct()
        ]
        self.fields["edition"].choices = [("", _("Toutes"))] + [
            (str(year), str(year))
            for year in published.order_by("-year").values_list("year", flat=True)
        ]

    def valid_filters(self):
        """The values that passed validation; the others are ignored (their error is shown)."""
        self.is_valid()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-erreur"}
                )
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value and name not in self.errors
        }
