"""The jury's side of the workflow tasks: the Évaluation task's start assigns the dossier to
jurors, the Délibération task's approval records the decision (the task classes only forward,
``candidatures.models.workflow``)."""

from candidatures.jury.assignment import assign_candidature
from candidatures.jury.deliberation import finish_deliberation
from candidatures.models import JuryEvaluationTask
from candidatures.models.workflow import task_action, task_started


def on_task_started(sender, task_state, workflow_state, user=None, **kwargs):
    if issubclass(sender, JuryEvaluationTask):
        assign_candidature(workflow_state.content_object, by=user)


def on_task_action(sender, task_state, user, action, comment="", **kwargs):
    if action == "decide":
        finish_deliberation(task_state, user)


task_started.connect(on_task_started, dispatch_uid="tnl_jury_task_started")
task_action.connect(on_task_action, dispatch_uid="tnl_jury_task_action")
