"""The custom task types of the "Instruction des candidatures" workflow.

Recevabilité (label staff: accept, send back with a message, declare ineligible), Évaluation du
jury (completes when every assigned evaluation is submitted; staff may close it early) and
Délibération (the president or staff record the decision on the deliberation screen).
"""

from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from candidatures.models.jury import Jury
from candidatures.roles import is_label_staff

# The task classes only forward: what a task's start or action does to the dossier belongs to
# the lifecycle (``candidatures.lifecycle.receivers``) and to the jury's side
# (``candidatures.jury.receivers``), which connect to these signals. No import from above.
task_started = Signal()  # sender=task class; task_state, workflow_state, user
task_action = Signal()  # sender=task class; task_state, user, action, comment
# (task class name, action) → the form of its modal; filled by ``candidatures.lifecycle.forms``.
ACTION_FORMS = {}


def staff_may_decide(user, candidature):
    """Label staff record a decision only when the jury's settings let them (a superuser
    always may); the permission map (``permissions.CONDITIONS``) asks the same question."""
    if not is_label_staff(user):
        return False
    return user.is_superuser or Jury.staff_decides(candidature.edition_id)


def carry_approvals(task_state):
    """Keep earlier approvals valid when a new revision was saved during the workflow.

    The project sets ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``: approvals count only for the
    latest revision, so recording a decision (a new revision) would restart the workflow at
    Recevabilité. The approvals already given are copied onto the latest revision first.
    """
    obj = task_state.workflow_state.content_object
    latest = obj.get_latest_revision()
    if latest is None or task_state.revision_id == latest.pk:
        return
    approved = TaskState.objects.filter(
        workflow_state=task_state.workflow_state, status=TaskState.STATUS_APPROVED
    ).exclude(revision=latest)
    for state in approved:
        state.copy(update_attrs={"revision": latest})
    task_state.revision = latest
    task_state.save(update_fields=["revision"])


class CandidatureTask(Task):
    """Common rules: only label staff edit a dossier in the editor during these tasks."""

    class Meta:
        abstract = True

    def user_can_access_editor(self, obj, user):
        return is_label_staff(user)

    def locked_for_user(self, obj, user):
        return not is_label_staff(user)

    def user_can_lock(self, obj, user):
        return is_label_staff(user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if is_label_staff(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def approve(self, task_state, user, comment=""):
        carry_approvals(task_state)
        return task_state.approve(user=user, comment=comment)

    def get_form_for_action(self, action):
        form = ACTION_FORMS.get((type(self).__name__, action))
        return form or super().get_form_for_action(action)

    def forward(self, task_state, user, action, comment=""):
        task_action.send(
            sender=type(self), task_state=task_state, user=user, action=action, comment=comment
        )


class EligibilityTask(CandidatureTask):
    """Recevabilité: staff accept, send back for changes, or declare the dossier ineligible."""

    def get_actions(self, obj, user):
        if not is_label_staff(user):
            return []
        return [
            ("approve", _("Déclarer recevable"), False),
            ("reject", _("Demander des compléments"), True),
            ("ineligible", _("Déclarer irrecevable"), True),
        ]

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        comment = (kwargs.get("comment") or "").strip()
        if action_name in ("reject", "ineligible") and not comment:
            return  # the action modal requires the message; never send back without one
        if action_name == "approve":
            self.approve(task_state, user, comment)
        elif action_name == "reject":
            task_state.reject(user=user, comment=comment)
        elif action_name == "ineligible":
            self.forward(task_state, user, "ineligible", comment)

    @classmethod
    def get_description(cls):
        return _("L'équipe du label vérifie que le dossier est complet et recevable.")

    class Meta:
        verbose_name = _("tâche de recevabilité")
        verbose_name_plural = _("tâches de recevabilité")


class JuryEvaluationTask(CandidatureTask):
    """Évaluation du jury: done when every assigned juror has submitted their evaluation."""

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        task_started.send(
            sender=type(self), task_state=task_state, workflow_state=workflow_state, user=user
        )
        return task_state

    def get_actions(self, obj, user):
        if is_label_staff(user):
            return [("approve", _("Clore l'évaluation"), True)]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and is_label_staff(user):
            self.forward(task_state, user, "end_evaluation", kwargs.get("comment", ""))

    @classmethod
    def get_description(cls):
        return _("Les jurés attribués notent le dossier ; la tâche se termine à la dernière note.")

    class Meta:
        verbose_name = _("tâche d'évaluation du jury")
        verbose_name_plural = _("tâches d'évaluation du jury")


class DeliberationTask(CandidatureTask):
    """Délibération: the president or staff record the final level and the mentions."""

    def get_actions(self, obj, user):
        # Staff may approve from the editor after filling the decision panels, when the jury's
        # settings let them decide; the president uses the deliberation screen.
        if staff_may_decide(user, obj):
            return [("approve", _("Valider la décision"), False)]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and staff_may_decide(
            user, task_state.workflow_state.content_object
        ):
            self.forward(task_state, user, "decide")

    @classmethod
    def get_description(cls):
        return _("Le président du jury ou l'équipe enregistrent le niveau et les mentions.")

    class Meta:
        verbose_name = _("tâche de délibération")
        verbose_name_plural = _("tâches de délibération")
