""" "Préparer le communiqué" on the édition's admin screens: a confirmation page whose button
drafts the press release of the published palmarès (``editions.press_release``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.action_menu import ActionMenuItem

from home.models import PressReleaseIndexPage

from .models import Edition
from .press_release import ResultsNotPublic, draft_press_release, drafted_press_release

PERMISSION = "editions.change_edition"


def prepare_url(edition):
    return reverse("editions_press_release", args=[edition.pk])


class PreparePressReleaseView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editions/admin/press_release.html"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.edition = get_object_or_404(Edition, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Communiqué de presse — édition %(year)s") % {"year": self.edition.year}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_editions_edition:list"), "label": _("Éditions")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        page = drafted_press_release(self.edition)
        return super().get_context_data(
            edition=self.edition,
            results_public=self.edition.results_are_public(),
            page=page,
            page_edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if page else "",
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            page = draft_press_release(self.edition, user=request.user)
        except ResultsNotPublic as error:
            messages.error(request, str(error))
            return self.render_to_response(self.get_context_data(), status=400)
        except PressReleaseIndexPage.DoesNotExist:
            messages.error(request, _("Le site n'a pas de page « Communiqués de presse »."))
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(
            request,
            _(
                "Le brouillon « %(title)s » est dans les communiqués de presse, soumis à la "
                "relecture de la communication, qui en est avertie."
            )
            % {"title": page.title},
        )
        return redirect(prepare_url(self.edition))


@hooks.register("register_admin_urls")
def register_press_release_urls():
    return [
        path(
            "label/editions/<int:pk>/communique/",
            PreparePressReleaseView.as_view(),
            name="editions_press_release",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def press_release_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, Edition) and user.has_perm(PERMISSION):
        yield ListingButton(
            _("Préparer le communiqué"), prepare_url(snippet), icon_name="doc-full", priority=60
        )


class PreparePressReleaseMenuItem(ActionMenuItem):
    label = _("Préparer le communiqué")
    icon_name = "doc-full"
    order = 90

    def is_shown(self, context):
        return (
            context.get("view") == "edit"
            and context["request"].user.has_perm(PERMISSION)
            and super().is_shown(context)
        )

    def get_url(self, parent_context):
        return prepare_url(parent_context["instance"])


@hooks.register("register_snippet_action_menu_item")
def press_release_action_menu_item(model):
    return PreparePressReleaseMenuItem() if model is Edition else None
