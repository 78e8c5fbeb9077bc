"""The read log in the admin (Rapports > Consultations de données personnelles): the
administrator only (``home.view_personaldataread`` is granted to no group); nobody edits it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from home.models import PersonalDataRead
from home.security.readonly import ReadOnlyPermissionPolicy

register_permission_policy(PersonalDataRead, ReadOnlyPermissionPolicy(PersonalDataRead))


class PersonalDataReadViewSet(ModelViewSet):
    model = PersonalDataRead
    icon = "view"
    url_prefix = "consultations"
    menu_label = _("Consultations de données personnelles")
    add_to_admin_menu = False
    form_fields = []  # never edited: the policy refuses add, change and delete
    list_display = ["at", "username", "action", "object_label", "detail", "client"]
    list_filter = ["action"]
    search_fields = ["username", "object_label"]
    ordering = ["-at"]


read_log_viewset = PersonalDataReadViewSet("personal_data_reads")


@hooks.register("register_admin_viewset")
def register_read_log_viewset():
    return read_log_viewset


class ReadLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.view_personaldataread")


@hooks.register("register_reports_menu_item")
def register_read_log_menu_item():
    return ReadLogMenuItem(
        _("Consultations de données personnelles"),
        reverse(read_log_viewset.get_url_name("index")),
        name="personal-data-reads",
        icon_name="view",
        order=910,
    )
