from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import press_release_admin  # noqa: F401 ("Préparer le communiqué" hooks register on import)
from .admin_imports import ResultImportView, TerritoryImportView
from .admin_views import FromTerritoryView, SuggestionsView
from .viewsets import LabelViewSetGroup


@hooks.register("register_admin_viewset")
def register_label_viewsets():
    return LabelViewSetGroup()


@hooks.register("register_admin_urls")
def register_editions_admin_urls():
    return [
        path(
            "label/suggestions/<int:pk>/",
            SuggestionsView.as_view(),
            name="editions_suggestions",
        ),
        path(
            "label/referentiel/",
            FromTerritoryView.as_view(),
            name="editions_from_territory",
        ),
        path("label/resultats/import/", ResultImportView.as_view(), name="editions_import_results"),
        path(
            "label/referentiel/import/",
            TerritoryImportView.as_view(),
            name="editions_import_territories",
        ),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("editions.add_collectivite")


@hooks.register("register_settings_menu_item")
def register_from_territory_menu_item():
    return StaffMenuItem(
        _("Collectivité depuis le référentiel"),
        reverse("editions_from_territory"),
        icon_name="group",
        order=900,
    )
