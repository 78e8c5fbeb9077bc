"""Imports the label staff run from the admin: an édition's past results (CSV in the open-data
format, ``editions.importers``) and the reference territories (the shipped extract, in the
background, or an uploaded CSV of the same format). Bad files get a French message and a 400."""

import csv
import gzip
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import permissions
from .importers import ResultImportError, import_results
from .models import Edition, Territory
from .services import import_territories, territories_from_csv
from .tasks import import_shipped_territories

MAX_UPLOAD = 20 * 1024 * 1024
TERRITORY_COLUMNS = {"kind", "code", "name", "insee_code", "siren", "population"}


def text_of(upload):
    """The uploaded CSV as text (gzip accepted), or a French ``ValidationError``."""
    if upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("Le fichier dépasse 20 Mo."))
    raw = upload.read()
    if upload.name.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise forms.ValidationError(_("Ce fichier n'est pas un gzip valide.")) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise forms.ValidationError(_("Le fichier doit être un CSV encodé en UTF-8.")) from error


class ResultImportForm(forms.Form):
    edition = forms.ModelChoiceField(
        label=_("Édition"), queryset=Edition.objects.order_by("-year"), empty_label=None
    )
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Colonnes : name, kind, level (vide : non labellisé) ; facultatives : insee_code, "
            "siren, departement, region, population, population_year."
        ),
    )

    def clean_file(self):
        return text_of(self.cleaned_data["file"])


class TerritoryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV (facultatif)"),
        required=False,
        help_text=_(
            "Au format de l'extrait livré (kind, code, name, insee_code, siren, population…). "
            "Sans fichier, l'extrait livré avec le site est chargé en arrière-plan."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        text = text_of(upload)
        header = set(next(csv.reader(io.StringIO(text)), []))
        missing = sorted(TERRITORY_COLUMNS - header)
        if missing:
            raise forms.ValidationError(
                _("Colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)}
            )
        return text


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "editions/admin/import.html"
    header_icon = "upload"
    permission = None
    parent_label = parent_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.page_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.parent_url_name), "label": self.parent_label},
            {"url": "", "label": self.page_title},
        ]

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ResultImportView(ImportView):
    form_class = ResultImportForm
    permission = permissions.IMPORT_RESULTS
    page_title = _("Importer les résultats d'une édition")
    parent_label, parent_url_name = _("Résultats"), "resultats:index"

    def form_valid(self, form):
        edition = form.cleaned_data["edition"]
        if not edition.levels.exists():
            edition.add_levels()
        try:
            count = import_results(edition, io.StringIO(form.cleaned_data["file"]))
        except (ResultImportError, KeyError, csv.Error) as error:
            message = str(error) if isinstance(error, ResultImportError) else None
            form.add_error("file", message or _("Ce fichier CSV n'a pas les colonnes attendues."))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(count)s résultat(s) enregistré(s) pour l'édition %(year)s.")
            % {"count": count, "year": edition.year},
        )
        return redirect(reverse("resultats:index") + f"?edition={edition.pk}")


class TerritoryImportView(ImportView):
    form_class = TerritoryImportForm
    permission = permissions.IMPORT_TERRITORIES
    page_title = _("Importer le référentiel des territoires")
    parent_label, parent_url_name = _("Collectivités"), "wagtailsnippets_editions_collectivite:list"

    def get_context_data(self, **kwargs):
        return super().get_context_data(territory_count=Territory.objects.count(), **kwargs)

    def form_valid(self, form):
        text = form.cleaned_data["file"]
        if text is None:
            import_shipped_territories.enqueue()
            messages.success(
                self.request,
                _(
                    "Le chargement de l'extrait officiel livré (communes et intercommunalités, "
                    "Licence Ouverte 2.0) est lancé en arrière-plan."
                ),
            )
            return redirect("editions_import_territories")
        try:
            with transaction.atomic():
                count = import_territories(territories_from_csv(io.StringIO(text)))
        except (KeyError, ValueError, csv.Error):
            form.add_error("file", _("Une ligne du fichier est illisible (code ou population)."))
            return self.form_invalid(form)
        messages.success(self.request, _("%(count)s territoire(s) importé(s).") % {"count": count})
        return redirect("editions_import_territories")
