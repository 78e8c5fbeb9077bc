"""The delivery log in the admin (Rapports > Envois d'emails) and a dashboard panel of failures.

Shown to the administrator and to label staff (``home.view_emaildelivery``, granted to the
Équipe label group by migration): subject, recipients, state, tries and each try's error, never
the message's body (it may hold a login link).
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from home.models import EmailDelivery
from home.security.readonly import ReadOnlyPermissionPolicy

FAILURES_SHOWN_FOR = timedelta(days=30)

register_permission_policy(EmailDelivery, ReadOnlyPermissionPolicy(EmailDelivery))


def can_read_log(user):
    return user.is_active and user.has_perm("home.view_emaildelivery")


class EmailDeliveryViewSet(ModelViewSet):
    model = EmailDelivery
    icon = "mail"
    url_prefix = "envois-emails"
    menu_label = _("Envois d'emails")
    add_to_admin_menu = False
    inspect_view_enabled = True
    form_fields = []  # never edited: the policy refuses add, change and delete
    list_display = [
        "created_at",
        "subject",
        "recipients_display",
        "status",
        "attempts",
        "last_error",
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    inspect_view_fields = [
        "created_at",
        "subject",
        "recipients",
        "status",
        "attempts",
        "last_error",
        "finished_at",
    ]
    ordering = ["-created_at"]


delivery_viewset = EmailDeliveryViewSet("email_deliveries")


@hooks.register("register_admin_viewset")
def register_delivery_viewset():
    return delivery_viewset


class DeliveryLogMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_log(request.user)


@hooks.register("register_reports_menu_item")
def register_delivery_log_menu_item():
    return DeliveryLogMenuItem(
        _("Envois d'emails"),
        reverse(delivery_viewset.get_url_name("index")),
        name="email-deliveries",
        icon_name="mail",
        order=900,
    )


class FailedDeliveriesPanel(Component):
    name = "failed_email_deliveries"
    order = 50
    template_name = "home/admin/failed_deliveries_panel.html"

    def __init__(self, failures):
        self.failures = failures

    def get_context_data(self, parent_context=None):
        return {
            "failures": self.failures,
            "log_url": reverse(delivery_viewset.get_url_name("index")) + "?status=failed",
        }


@hooks.register("construct_homepage_panels")
def add_failed_deliveries_panel(request, panels):
    if not can_read_log(request.user):
        return
    failures = list(
        EmailDelivery.objects.filter(
            status=EmailDelivery.Status.FAILED,
            finished_at__gte=timezone.now() - FAILURES_SHOWN_FOR,
        )[:10]
    )
    if failures:
        panels.append(FailedDeliveriesPanel(failures))
