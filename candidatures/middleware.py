"""Wagtail's site-wide reports list every object of a model whose permission the user holds:
a juror (view) or a president (publish) would read the history and workflow states of every
dossier, unassigned and conflicted ones included. These reports are for label staff only."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from candidatures.permissions import sees_every_dossier

STAFF_ONLY_REPORTS = (
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:site_history_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
)
STAFF_ONLY_REPORT_MENU_ITEMS = {"site-history", "workflows", "workflow-tasks"}


def holds_candidature_permission(user):
    """Jurors and presidents: they hold permissions on dossiers or evaluations without being
    staff (any permission of the candidatures app counts)."""
    return user.has_module_perms("candidatures")


def is_refused_report_user(user):
    """Holds a permission of the process but its row of the map does not see every dossier."""
    return (
        user.is_authenticated
        and not sees_every_dossier(user)
        and holds_candidature_permission(user)
    )


class StaffOnlyReportsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._paths = None

    def refused_paths(self):
        if self._paths is None:
            self._paths = {reverse(name) for name in STAFF_ONLY_REPORTS}
        return self._paths

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or request.path not in self.refused_paths():
            return None
        if is_refused_report_user(user):
            raise PermissionDenied
        return None
