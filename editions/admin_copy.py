""" "Créer l'édition suivante" on an édition: one confirmation with the year, then the new
édition's edit screen (levels, domains, mention types, questionnaire copied; dates a year on)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import permissions
from .copying import copy_edition, next_year
from .models import Edition


class CopyEditionForm(forms.Form):
    year = forms.IntegerField(
        label=_("Année de la nouvelle édition"), min_value=2016, max_value=2100
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if Edition.objects.filter(year=year).exists():
            raise forms.ValidationError(_("L'édition %(year)s existe déjà.") % {"year": year})
        return year


def copy_url(edition):
    return reverse("editions_copy", args=[edition.pk])


class CopyEditionView(WagtailAdminTemplateMixin, FormView):
    template_name = "editions/admin/copy.html"
    header_icon = "copy"
    form_class = CopyEditionForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(permissions.ADD_EDITION):
            raise PermissionDenied
        self.source = get_object_or_404(Edition, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Nouvelle édition à partir de %(year)s") % {"year": self.source.year}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_editions_edition:list"), "label": _("Éditions")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        return {"year": next_year(self.source)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.source, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        target, copied = copy_edition(self.source, form.cleaned_data["year"])
        messages.success(
            self.request,
            _(
                "L'édition %(year)s est créée à partir de %(source)s : %(copied)s. Ses dates sont "
                "celles de %(source)s un an plus tard ; vérifiez-les."
            )
            % {"year": target.year, "source": self.source.year, "copied": ", ".join(copied)},
        )
        return redirect("wagtailsnippets_editions_edition:edit", target.pk)
