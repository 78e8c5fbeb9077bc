"""wagtail-modeladmin screens for label staff: read-only index of evaluations, conflicts of
interest. ModelAdmin fits these flat, staff-only tables (list, filters, inspect) with little code;
see docs/jury-workflow.md."""

from django.contrib import messages
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import CreateView, HistoryView

from candidatures.jury.assignment import replace_after_conflict, replacement_message
from candidatures.jury.widgets import PersonSelect
from candidatures.models import ConflictOfInterest, Evaluation
from candidatures.models.jury import person_name
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


def juror_column(attribute):
    def column(obj):
        return person_name(getattr(obj, attribute))

    column.short_description = _("juré")
    column.admin_order_field = f"{attribute}__last_name"
    return column


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
    list_display = ("candidature", "juror_name", "proposed_level", "submitted_at")
    list_filter = ("candidature__edition", "submitted_at", "proposed_level__number")
    search_fields = (
        "candidature__collectivite__name",
        "juror__first_name",
        "juror__last_name",
        "juror__username",
    )
    juror_name = staticmethod(juror_column("juror"))

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "candidature__collectivite", "candidature__edition", "juror", "proposed_level"
            )
        )


class ConflictCreateView(CreateView):
    """Staff declare a juror's link: the juror's unsubmitted assignments on that body go to a
    replacement at once, and the message says so (the staff email goes out as well)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        conflict = self.instance
        for candidature, replacement in replace_after_conflict(conflict, by=self.request.user):
            messages.warning(
                self.request,
                replacement_message(candidature, conflict.user, replacement)
                + " "
                + _t("L'équipe du label est prévenue par courriel."),
            )
        return response


class ConflictOfInterestAdmin(ModelAdmin):
    model = ConflictOfInterest
    menu_label = _("Conflits d'intérêts")
    menu_icon = "warning"
    permission_helper_class = StaffOnlyPermissionHelper
    create_view_class = ConflictCreateView
    history_view_class = GuardedHistoryView
    inspect_view_enabled = True
    list_display = ("juror_name", "collectivite", "reason", "declared_at")
    search_fields = ("collectivite__name", "user__first_name", "user__last_name", "user__username")
    panels = [
        FieldPanel("user", widget=PersonSelect),
        FieldPanel("collectivite"),
        FieldPanel("reason"),
    ]
    juror_name = staticmethod(juror_column("user"))


class JuryWorkAdminGroup(ModelAdminGroup):
    menu_label = _("Suivi du jury")
    menu_icon = "group"
    menu_order = 230
    items = (EvaluationAdmin, ConflictOfInterestAdmin)
