"""GET filter forms of the directory and the map: an invalid value is reported and ignored,
never a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Collectivite, CollectiviteKind, Edition, Result
from .schemes import level_schemes


class LenientFilterForm(forms.Form):
    """A GET filter form whose invalid values are reported next to their field and ignored."""

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


def level_choices(schemes):
    """Level names to choose from, grouped by scheme when the éditions have more than one."""
    if len(schemes) == 1:
        return [(name, name) for name in schemes[0].names]
    seen, groups = set(), []
    for scheme in reversed(schemes):  # the current scheme first
        names = [name for name in scheme.names if name not in seen]
        seen.update(names)
        if names:
            groups.append((scheme.label, [(name, name) for name in names]))
    return groups


class DirectoryFilterForm(LenientFilterForm):
    q = forms.CharField(label=_("Nom"), required=False, max_length=100)
    niveau = forms.ChoiceField(label=_("Niveau"), required=False)
    type = forms.ChoiceField(label=_("Type d'organisme"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)
    edition = forms.ChoiceField(label=_("Édition"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("Tous"))]
        published = Edition.objects.with_public_results()
        self.fields["niveau"].choices = every + level_choices(level_schemes(published))
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


class MapFilterForm(LenientFilterForm):
    """The map's filters (offered as links): a published édition, a level of that édition."""

    edition = forms.ChoiceField(label=_("Édition"), required=False)
    niveau = forms.ChoiceField(label=_("Niveau"), required=False)

    def __init__(self, *args, schemes, **kwargs):
        super().__init__(*args, **kwargs)
        self.names_by_year = {year: scheme.names for scheme in schemes for year in scheme.years}
        self.fields["edition"].choices = [("", _("Toutes"))] + [
            (str(year), str(year)) for year in sorted(self.names_by_year, reverse=True)
        ]
        year = self.data.get("edition", "")
        names = self.names_by_year.get(int(year)) if year.isascii() and year.isdigit() else None
        self.fields["niveau"].choices = [("", _("Tous"))] + (
            [(name, name) for name in names] if names else level_choices(schemes)
        )
