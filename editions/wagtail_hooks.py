from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.action_menu import ActionMenuItem

from . import (
    permissions,
    press_release_admin,  # noqa: F401 ("Préparer le communiqué" hooks register on import)
)
from .admin_copy import CopyEditionView, copy_url
from .admin_imports import ResultImportView, TerritoryImportView
from .admin_palmares import PalmaresView, palmares_preview, palmares_url
from .admin_views import FromTerritoryView, SuggestionsView
from .models import Edition
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
        path("label/editions/<int:pk>/suivante/", CopyEditionView.as_view(), name="editions_copy"),
        path("label/editions/<int:pk>/palmares/", PalmaresView.as_view(), name="editions_palmares"),
        path(
            "label/editions/<int:pk>/palmares/apercu/",
            palmares_preview,
            name="editions_palmares_preview",
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


EDITION_ACTIONS = [
    # (label, icon, url of an édition, permission, order)
    (_("Publier le palmarès"), "success", palmares_url, permissions.CHANGE_EDITION, 70),
    (_("Créer l'édition suivante"), "copy", copy_url, permissions.ADD_EDITION, 80),
]


@hooks.register("register_snippet_listing_buttons")
def edition_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Edition):
        for label, icon, url, perm, order in EDITION_ACTIONS:
            if user.has_perm(perm):
                yield ListingButton(label, url(snippet), icon_name=icon, priority=order)


class EditionActionMenuItem(ActionMenuItem):
    def __init__(self, label, icon_name, url, permission, order):
        super().__init__(order=order)
        self.label, self.icon_name, self.url, self.permission = label, icon_name, url, permission
        self.name = f"action-{icon_name}"

    def is_shown(self, context):
        return (
            context.get("view") == "edit"
            and context["request"].user.has_perm(self.permission)
            and super().is_shown(context)
        )

    def get_url(self, parent_context):
        return self.url(parent_context["instance"])


def _menu_item(index):
    @hooks.register("register_snippet_action_menu_item")
    def register(model):
        return EditionActionMenuItem(*EDITION_ACTIONS[index]) if model is Edition else None

    return register


for _index in range(len(EDITION_ACTIONS)):
    _menu_item(_index)
