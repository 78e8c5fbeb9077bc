from django import forms
from django.utils.translation import gettext_lazy as _

from candidatures.applicant.bodies import siren_is_valid
from candidatures.applicant.forms.base import AccessibleFormMixin
from editions.models import CollectiviteKind, Territory

OTHER_KINDS = [
    (CollectiviteKind.SYNDICAT, CollectiviteKind.SYNDICAT.label),
    (CollectiviteKind.ETABLISSEMENT_PUBLIC, CollectiviteKind.ETABLISSEMENT_PUBLIC.label),
    (CollectiviteKind.ASSOCIATION, CollectiviteKind.ASSOCIATION.label),
    (CollectiviteKind.DEPARTEMENT, CollectiviteKind.DEPARTEMENT.label),
    (CollectiviteKind.REGION, CollectiviteKind.REGION.label),
    (CollectiviteKind.OTHER, CollectiviteKind.OTHER.label),
]


class TerritoryForm(AccessibleFormMixin, forms.Form):
    territory = forms.ModelChoiceField(
        label=_("Collectivité"),
        queryset=Territory.objects.all(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choisissez votre collectivité dans la liste."),
            "invalid_choice": _("Choisissez votre collectivité dans la liste."),
        },
    )


class OtherBodyForm(AccessibleFormMixin, forms.Form):
    name = forms.CharField(label=_("Nom de l'organisme"), max_length=255)
    kind = forms.ChoiceField(label=_("Type d'organisme"), choices=OTHER_KINDS)
    siren = forms.CharField(
        label=_("Numéro SIREN"),
        max_length=11,
        help_text=_("9 chiffres, tel qu'il figure au répertoire SIRENE (ex. : 130 005 481)."),
    )
    website = forms.URLField(label=_("Site web"), required=False, assume_scheme="https")

    def clean_siren(self):
        siren = "".join(self.cleaned_data["siren"].split())
        if not siren_is_valid(siren):
            raise forms.ValidationError(
                _("Ce numéro SIREN n'est pas valide : vérifiez ses 9 chiffres.")
            )
        return siren
