"""wagtail-modeladmin screens for label staff: read-only index of evaluations, conflicts of
interest. ModelAdmin fits these flat, staff-only tables (list, filters, inspect) with little code;
see docs/jury-workflow.md."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import HistoryView

from candidatures.models import ConflictOfInterest, Evaluation
from candidatures.permissions import sees_every_dossier


class StaffOnlyPermissionHelper(PermissionHelper):
    """Jurors hold evaluation/conflict permissions for their own screens, not for these tables:
    they list every dossier's evaluations and conflicts, so they are for the rows of the
    permission map that see every dossier (``permissions.sees_every_dossier``)."""

    def user_can_list(self, user):
        return sees_every_dossier(user)

    def user_can_create(self, user):
        return sees_every_dossier(user) and super().user_can_create(user)

    def user_can_inspect_obj(self, user, obj):
        return sees_every_dossier(user)

    def user_can_edit_obj(self, user, obj):
        return sees_every_dossier(user) and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        return sees_every_dossier(user) and super().user_can_delete_obj(user, obj)


class ReadOnlyPermissionHelper(StaffOnlyPermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class GuardedHistoryView(HistoryView):
    """wagtail-modeladmin's history view checks no permission (any admin user read every
    evaluation's and conflict's log): it asks the helper, as the inspect view does."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class EvaluationAdmin(ModelAdmin):
    model = Evaluation
    menu_label = _("Évaluations")
    menu_icon = "list-ol"
    permission_helper_class = ReadOnlyPermissionHelper
    history_view_class = GuardedHistoryView
    inspect_view_enabled = True
    list_display = ("candidature", "juror", "proposed_level", "submitted_at")
    list_filter = ("candidature__edition", "submitted_at", "proposed_level__number")
    search_fields = ("candidature__collectivite__name", "juror__username")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "candidature__collectivite", "candidature__edition", "juror", "proposed_level"
            )
        )


class ConflictOfInterestAdmin(ModelAdmin):
    model = ConflictOfInterest
    menu_label = _("Conflits d'intérêts")
    menu_icon = "warning"
    permission_helper_class = StaffOnlyPermissionHelper
    history_view_class = GuardedHistoryView
    inspect_view_enabled = True
    list_display = ("user", "collectivite", "reason", "declared_at")
    search_fields = ("collectivite__name", "user__username")


class JuryWorkAdminGroup(ModelAdminGroup):
    menu_label = _("Suivi du jury")
    menu_icon = "group"
    menu_order = 230
    items = (EvaluationAdmin, ConflictOfInterestAdmin)
