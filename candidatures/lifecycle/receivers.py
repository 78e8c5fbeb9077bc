"""Receivers of Wagtail's workflow signals for candidatures: the applicant-facing status, the
history and the emails. Each receiver ignores objects that are not candidatures."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)
from wagtail.users.models import UserProfile

from candidatures.lifecycle import workflow as transitions
from candidatures.lifecycle.announcement import announce_if_public
from candidatures.lifecycle.history import log_candidature
from candidatures.lifecycle.states import TRANSITIONS
from candidatures.lifecycle.workflow import declare_ineligible, set_status
from candidatures.models import (
    Candidature,
    CandidatureStatus,
    DeliberationTask,
    EligibilityTask,
    JuryEvaluationTask,
    JuryMember,
)
from candidatures.models.workflow import task_action
from candidatures.roles import JURY_GROUP, PRESIDENT_GROUP

# The task that starts → the transition it fires.
TASK_TRANSITION = {
    EligibilityTask: transitions.enter_eligibility,
    JuryEvaluationTask: transitions.declare_eligible,
    DeliberationTask: transitions.end_evaluation,
}


def _candidature(workflow_state):
    obj = workflow_state.content_object
    return obj if isinstance(obj, Candidature) else None


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    """Applicants never get Wagtail's admin emails (they carry admin links): switch them off."""
    if _candidature(instance) is None or user is None:
        return
    if not user.has_perm("wagtailadmin.access_admin"):
        profile = UserProfile.get_for_user(user)
        profile.submitted_notifications = False
        profile.approved_notifications = False
        profile.rejected_notifications = False
        profile.updated_comments_notifications = False
        profile.save()


def on_task_submitted(sender, instance, user=None, **kwargs):
    """The task that starts fires its transition (the Recevabilité one, ``enter_eligibility``,
    is followed by the receipt and the staff's notice: ``notifications_receivers``)."""
    candidature = _candidature(instance.workflow_state)
    if candidature is None:
        return
    task = instance.task.specific
    transition = TASK_TRANSITION.get(type(task))
    if transition is None:
        return
    transition(candidature, user)


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    candidature = _candidature(instance)
    if candidature is None:
        return
    message = instance.current_task_state.comment if instance.current_task_state else ""
    transitions.request_changes(candidature, user, message)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    candidature = _candidature(instance)
    if candidature is None:
        return
    candidature.refresh_from_db()
    transitions.decide(candidature, user)
    announce_if_public(candidature)


def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    """A workflow cancelled by staff leaves the dossier "déposé" (ineligibility and withdrawal
    keep their own status)."""
    candidature = _candidature(instance)
    if candidature is None:
        return
    candidature.refresh_from_db()
    if candidature.status in TRANSITIONS["cancel_workflow"].sources:
        transitions.cancel_workflow(candidature, user)
    elif candidature.status not in (CandidatureStatus.INELIGIBLE, CandidatureStatus.WITHDRAWN):
        set_status(candidature, CandidatureStatus.SUBMITTED, user)  # as before: the table says


workflow_submitted.connect(on_workflow_submitted, dispatch_uid="tnl_workflow_submitted")
task_submitted.connect(on_task_submitted, dispatch_uid="tnl_task_submitted")
workflow_rejected.connect(on_workflow_rejected, dispatch_uid="tnl_workflow_rejected")
workflow_approved.connect(on_workflow_approved, dispatch_uid="tnl_workflow_approved")
workflow_cancelled.connect(on_workflow_cancelled, dispatch_uid="tnl_workflow_cancelled")


def on_task_action(sender, task_state, user, action, comment="", **kwargs):
    """The Recevabilité and Évaluation tasks forward these actions (``models.workflow``)."""
    if action == "ineligible":
        declare_ineligible(task_state, user, comment)
    elif action == "end_evaluation":
        log_candidature(
            task_state.workflow_state.content_object,
            "tnl.evaluation_closed",
            user,
            {"comment": comment},
        )
        task_state.task.specific.approve(task_state, user, comment)


task_action.connect(on_task_action, dispatch_uid="tnl_task_action_lifecycle")


def on_jury_member_saved(sender, instance, **kwargs):
    """A member added to a jury gets the matching group (admin access, evaluation rights)."""
    name = PRESIDENT_GROUP if instance.is_president else JURY_GROUP
    group = Group.objects.filter(name=name).first()
    if group is not None:
        instance.user.groups.add(group)


post_save.connect(on_jury_member_saved, sender=JuryMember, dispatch_uid="tnl_jury_member_saved")
