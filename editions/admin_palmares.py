""" "Publier le palmarès" on an édition: the results page previewed as the public will see it,
the dossiers still undecided or not yet evaluated (from ``hooks.palmares_pending``), then
"publier maintenant" or "programmer à la date des résultats" (``editions.palmares``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import palmares, permissions
from .models import Edition, EditionState
from .records import build_record
from .views.editions import detail_context

ACTIONS = ("now", "schedule")


def palmares_url(edition):
    return reverse("editions_palmares", args=[edition.pk])


def preview_moment(edition):
    """The public's view at the results date (or now, when that date has passed or is unset)."""
    now = timezone.now()
    when = edition.results_published_at
    return when if when and when > now else now


def preview_record(edition):
    edition.results_published_at = preview_moment(edition)  # unsaved: only for this rendering
    return build_record(edition, now=edition.results_published_at)


def _edition(request, pk):
    if not request.user.has_perm(permissions.CHANGE_EDITION):
        raise PermissionDenied
    return get_object_or_404(Edition.objects.prefetch_related("levels", "criteria_domains"), pk=pk)


@xframe_options_sameorigin
def palmares_preview(request, pk):
    """The public results page of the édition, rendered now as it will be once published."""
    edition = _edition(request, pk)
    record = preview_record(edition)
    response = render(
        request,
        "editions/edition_detail.html",
        detail_context(edition, record, EditionState.PUBLISHED),
    )
    response["X-Robots-Tag"] = "noindex"
    return response


class PalmaresView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editions/admin/palmares.html"
    header_icon = "success"

    def dispatch(self, request, *args, **kwargs):
        self.edition = _edition(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Publier le palmarès — édition %(year)s") % {"year": self.edition.year}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets_editions_edition:list"), "label": _("Éditions")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        edition = self.edition
        now = timezone.now()
        when = edition.results_published_at
        return super().get_context_data(
            edition=edition,
            pending=palmares.pending_dossiers(edition),
            public=edition.results_are_public(),
            announced=edition.palmares_announced_at,
            scheduled_for=edition.palmares_scheduled_for,
            can_schedule=bool(when and when > now),
            can_defer=palmares.can_defer(),
            preview_url=reverse("editions_palmares_preview", args=[edition.pk]),
            edit_url=reverse("wagtailsnippets_editions_edition:edit", args=[edition.pk]),
            **kwargs,
        )

    def refuse(self, message):
        messages.error(self.request, message)
        return self.render_to_response(self.get_context_data(), status=400)

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        edition = self.edition
        if action not in ACTIONS:
            return self.refuse(_("Choisissez « Publier maintenant » ou « Programmer »."))
        if edition.palmares_announced_at:
            return self.refuse(_("Le palmarès de cette édition est déjà publié et annoncé."))
        if action == "now":
            palmares.publish_now(edition, request.user)
            messages.success(
                request,
                _(
                    "Le palmarès %(year)s est public. Les candidats sont avertis par courriel "
                    "(envoi en arrière-plan) et le communiqué de presse est préparé pour la "
                    "communication."
                )
                % {"year": edition.year},
            )
            return redirect(palmares_url(edition))
        when = edition.results_published_at
        if not when or when <= timezone.now():
            return self.refuse(
                _("La date des résultats est passée ou vide : publiez maintenant ou changez-la.")
            )
        deferred = palmares.schedule(edition, request.user)
        date = formats.date_format(timezone.localtime(when), "j F Y à H:i")
        if deferred:
            text = _(
                "Le palmarès %(year)s sera publié le %(date)s ; les candidats seront avertis "
                "à ce moment-là et le communiqué préparé."
            )
        else:
            text = _(
                "Le palmarès %(year)s sera public le %(date)s. Ce serveur ne sait pas "
                "programmer de tâche : l'annonce aux candidats partira avec la commande "
                "announce_results."
            )
        messages.success(request, text % {"year": edition.year, "date": date})
        return redirect(palmares_url(edition))
