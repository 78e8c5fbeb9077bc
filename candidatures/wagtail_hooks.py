"""Admin registration of the process: permission policy first (it must precede any lookup),
snippets, modeladmin tables, jury screens, menu items and history actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from candidatures.access import is_label_staff
from candidatures.middleware import STAFF_ONLY_REPORT_MENU_ITEMS, is_refused_report_user
from candidatures.models import Assignment, Candidature, ConflictOfInterest, Evaluation
from candidatures.permissions import ADMIN_SIDE, can, dossiers, role_of

# Wagtail's actions on a snippet → the action of the permission map that allows it.
POLICY_ACTIONS = {
    "view": "see",
    "add": "edit",
    "change": "edit",
    "delete": "edit",
    "lock": "edit",
    "unlock": "edit",
    "publish": "publish",
}


class CandidaturePermissionPolicy(ModelPermissionPolicy):
    """Model permissions from groups, narrowed per dossier by the permission map: a juror acts
    only on the dossiers their row lets them see (assigned, or of the édition they preside,
    never a declared conflict); a Wagtail action the map does not know is refused."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action) or action not in POLICY_ACTIONS:
            return False
        return role_of(user, instance) in ADMIN_SIDE and can(user, POLICY_ACTIONS[action], instance)

    def instances_user_has_permission_for(self, user, action):
        instances = super().instances_user_has_permission_for(user, action)
        if action not in POLICY_ACTIONS:
            return instances.none()
        return dossiers(user, POLICY_ACTIONS[action], instances, roles=ADMIN_SIDE)


register_permission_policy(Candidature, CandidaturePermissionPolicy(Candidature))

from candidatures.jury import urls as jury_urls  # noqa: E402
from candidatures.jury.instruction import editor_saves_drafts  # noqa: E402
from candidatures.jury.modeladmin import JuryWorkAdminGroup  # noqa: E402
from candidatures.lifecycle.history import LOG_ACTIONS, describe  # noqa: E402
from candidatures.viewsets import (  # noqa: E402
    REFUSED_MENU_ITEMS,
    CandidatureViewSet,
    EmailTemplateViewSet,
    JuryViewSet,
)
from candidatures.viewsets_claims import claims_viewset  # noqa: E402
from candidatures.viewsets_questionnaire import questionnaire_viewset  # noqa: E402

register_snippet(CandidatureViewSet)
register_snippet(JuryViewSet)
modeladmin_register(JuryWorkAdminGroup)


@hooks.register("register_admin_viewset")
def register_email_templates():
    return EmailTemplateViewSet()


@hooks.register("register_admin_viewset")
def register_questionnaire_viewsets():
    return questionnaire_viewset


@hooks.register("register_admin_viewset")
def register_claims_viewset():
    return claims_viewset


@hooks.register("register_admin_urls")
def register_jury_urls():
    return [path("jury/", include(jury_urls, namespace="candidatures_jury"))]


class JuryMenuItem(MenuItem):
    """Shown to jury members (their dossiers) and to label staff (deliberation, assignments)."""

    def is_shown(self, request):
        return is_label_staff(request.user) or request.user.jury_memberships.exists()


@hooks.register("register_admin_menu_item")
def juror_menu_item():
    return JuryMenuItem(
        _("Espace du jury"),
        reverse("candidatures_jury:dashboard"),
        icon_name="form",
        order=200,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label in LOG_ACTIONS.items():

        def format_message(self, log_entry, action=action):
            return describe(action, log_entry.data or {})

        formatter = type(
            "TnlLogFormatter", (LogFormatter,), {"label": label, "format_message": format_message}
        )
        actions.register_action(action)(formatter)


class JuryHomePanel(Component):
    """On the admin home page: what the jury member or staff has to do now."""

    name = "tnl_jury"
    order = 50
    template_name = "candidatures/admin/home_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        conflicts = ConflictOfInterest.objects.filter(user=user).values("collectivite_id")
        assigned = Assignment.objects.filter(juror=user, candidature__status="evaluation").exclude(
            candidature__collectivite_id__in=conflicts
        )
        done = Evaluation.objects.submitted().filter(
            juror=user, candidature__in=assigned.values("candidature_id")
        )
        return {
            "todo": assigned.count() - done.count(),
            "url": reverse("candidatures_jury:dashboard"),
        }


@hooks.register("construct_homepage_panels")
def add_jury_panel(request, panels):
    if request.user.jury_memberships.exists():
        panels.append(JuryHomePanel(request))


@hooks.register("construct_reports_menu")
def hide_staff_only_reports(request, menu_items):
    """Jurors and presidents do not see the site-wide history and workflow reports (refused by
    `middleware.StaffOnlyReportsMiddleware`: they would list every dossier)."""
    if is_refused_report_user(request.user):
        menu_items[:] = [i for i in menu_items if i.name not in STAFF_ONLY_REPORT_MENU_ITEMS]


@hooks.register("construct_snippet_action_menu")
def hide_refused_dossier_actions(menu_items, request, context):
    """No Publier / Dépublier / Annuler le workflow button on a dossier for anyone but a
    superuser: a dossier goes live only when its workflow ends (``lifecycle.finish``)."""
    if context.get("model") is not Candidature or request.user.is_superuser:
        return
    refused = set(REFUSED_MENU_ITEMS)
    instance = context.get("instance")
    if instance is not None and not editor_saves_drafts(instance):
        refused.add("action-save")  # no "Enregistrer le brouillon" on a submitted dossier
    menu_items[:] = [item for item in menu_items if item.name not in refused]
