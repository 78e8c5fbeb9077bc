"""Staff-only admin views: mention suggestions per édition, bodies from the reference data."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Collectivite, Edition, Territory
from .suggestions import suggestions_for


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


class SuggestionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editions/admin/suggestions.html"
    header_icon = "tag"

    def dispatch(self, request, *args, **kwargs):
        _require(request, "editions.change_edition")
        self.edition = get_object_or_404(Edition, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Suggestions de mentions — édition %(year)s") % {"year": self.edition.year}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_editions_edition:list"), "label": _("Éditions")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition, suggestions=suggestions_for(self.edition), **kwargs
        )


class FromTerritoryView(WagtailAdminTemplateMixin, TemplateView):
    """Search the official communes and EPCI, then create the body with its codes filled."""

    template_name = "editions/admin/from_territory.html"
    header_icon = "group"
    page_title = _("Ajouter une collectivité depuis le référentiel officiel")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_editions_collectivite:list"),
                "label": _("Collectivités"),
            },
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        _require(request, "editions.add_collectivite")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[:100]
        territories = []
        if len(query) >= 2:
            territories = list(
                Territory.objects.filter(name__icontains=query).order_by("name")[:50]
            )
        return super().get_context_data(
            query=query,
            territories=territories,
            territory_count=Territory.objects.count(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        raw = request.POST.get("territory", "")
        territory = Territory.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
        if territory is None:
            messages.error(request, _("Ce territoire n'existe pas dans le référentiel."))
            return redirect("editions_from_territory")
        body = Collectivite.from_territory(territory)
        messages.success(request, _("« %(name)s » est enregistrée.") % {"name": body.name})
        return redirect("wagtailsnippets_editions_collectivite:edit", body.pk)
