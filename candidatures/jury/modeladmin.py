"""wagtail-modeladmin screens for label staff: read-only index of evaluations, conflicts of
interest. ModelAdmin fits these flat, staff-only tables (list, filters, inspect) with little code;
see docs/jury-workflow.md."""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from candidatures.access import is_label_staff
from candidatures.models import ConflictOfInterest, Evaluation


class StaffOnlyPermissionHelper(PermissionHelper):
    """Jurors hold evaluation/conflict permissions for their own screens, not for these tables."""

    def user_can_list(self, user):
        return is_label_staff(user)

    def user_can_create(self, user):
        return is_label_staff(user) and super().user_can_create(user)

    def user_can_inspect_obj(self, user, obj):
        return is_label_staff(user)

    def user_can_edit_obj(self, user, obj):
        return is_label_staff(user) and super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        return is_label_staff(user) and super().user_can_delete_obj(user, obj)


class ReadOnlyPermissionHelper(StaffOnlyPermissionHelper):
    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class EvaluationAdmin(ModelAdmin):
    model = Evaluation
    menu_label = _("Évaluations")
    menu_icon = "list-ol"
    permission_helper_class = ReadOnlyPermissionHelper
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
    list_display = ("user", "collectivite", "reason", "declared_at")
    search_fields = ("collectivite__name", "user__username")


class JuryWorkAdminGroup(ModelAdminGroup):
    menu_label = _("Suivi du jury")
    menu_icon = "group"
    menu_order = 230
    items = (EvaluationAdmin, ConflictOfInterestAdmin)
