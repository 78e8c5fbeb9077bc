"""The transitions of a dossier, one function each (the names of ``states.TRANSITIONS``), each
in one transaction, each logging its history entry (``tnl.status`` with the transition's name);
``set_status`` is the one writer of ``Candidature.status`` beneath them. Signal receivers, the
workflow task classes (through ``models.workflow.task_action``), the announcement and the
applicant space call these. (``submit`` is ``applicant.submission.submit_dossier``, which checks the
dossier first and then enters the workflow; ``submit_to_workflow`` is the demo's shortcut.)"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from candidatures.lifecycle.events import transitioned
from candidatures.lifecycle.history import log_candidature
from candidatures.lifecycle.states import TRANSITIONS, TransitionRefused, transition_for
from candidatures.models import Candidature, CandidatureStatus


@transaction.atomic
def set_status(candidature, status, user=None, name=None, **extra):
    """The one writer of ``Candidature.status``: checks the move against the declared table
    (``states.transition_for``, or the transition ``name`` when given; TransitionRefused
    otherwise), stores it without creating a revision, and logs the change with the
    transition's name."""
    current = (
        Candidature.objects.select_for_update()
        .filter(pk=candidature.pk)
        .values_list("status", flat=True)
    ).first()
    if current == status:
        transition = None
    elif name is not None:
        transition = TRANSITIONS[name]
        if current not in transition.sources or transition.target != status:
            transition_for(current, status)  # the French message when the pair is unknown
            raise TransitionRefused(transition.label)
    else:
        transition = transition_for(current, status)
    fields = {"status": status, **extra}
    Candidature.objects.filter(pk=candidature.pk).update(**fields)
    for key, value in fields.items():
        setattr(candidature, key, value)
    data = {"status": str(CandidatureStatus(status).label)}
    if transition is not None:
        data["transition"] = transition.name
    log_candidature(candidature, "tnl.status", user, data)


@transaction.atomic
def active_workflow_state(candidature):
    return WorkflowState.objects.for_instance(candidature).active().first()


def start_or_resume_workflow(candidature, user):
    """Start the workflow on a submitted dossier, or resume it after a send-back.

    ``Workflow.start`` would fail while a "needs changes" state is still active, hence the
    resume; any other active state is cancelled first (two cannot coexist). The caller checks
    the user's rights and the dossier's completeness.
    """
    state = active_workflow_state(candidature)
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    if state:
        state.cancel(user=user)
    workflow = Candidature.get_default_workflow()
    return workflow.start(candidature, user) if workflow else None


def submit_to_workflow(candidature, user):
    """Mark a dossier submitted and move it into the workflow (demo and tests; the applicant
    space goes through ``applicant.submission.submit_dossier``, which checks the dossier first)."""
    if not candidature.submitted_at:
        Candidature.objects.filter(pk=candidature.pk).update(submitted_at=timezone.now())
    candidature.assign_receipt_number()
    return start_or_resume_workflow(candidature, user)


@transaction.atomic
def declare_ineligible(task_state, user, reason):
    """Close the dossier's workflow for good: the reason is kept for the applicant."""
    task_state.comment = reason
    task_state.save(update_fields=["comment"])
    workflow_state = task_state.workflow_state
    candidature = workflow_state.content_object
    fire("declare_ineligible", candidature, user, ineligibility_reason=reason)
    workflow_state.cancel(user=user)
    log_candidature(candidature, "tnl.ineligible", user, {"comment": reason})


def fire(name, candidature, user=None, **extra):
    """Move the dossier along the declared transition ``name`` (TransitionRefused if its state
    is not one of the transition's sources), then send ``events.transitioned`` (the emails)."""
    set_status(candidature, TRANSITIONS[name].target, user, name=name, **extra)
    transitioned.send(sender=name, name=name, candidature=candidature, user=user, extra=extra)


@transaction.atomic
def enter_eligibility(candidature, user=None):
    """The Recevabilité task started (first submission or resubmission)."""
    fire("enter_eligibility", candidature, user)


@transaction.atomic
def declare_eligible(candidature, user=None):
    """Recevabilité approved: the Évaluation task started."""
    fire("declare_eligible", candidature, user)


@transaction.atomic
def end_evaluation(candidature, user=None):
    """Every assigned evaluation is in, or staff closed the evaluation early."""
    fire("end_evaluation", candidature, user)


@transaction.atomic
def request_changes(candidature, user, message):
    """Recevabilité sent back: the message is kept for the applicant."""
    fire("request_changes", candidature, user, changes_requested_message=message)
    log_candidature(candidature, "tnl.changes_requested", user, {"comment": message})


@transaction.atomic
def decide(candidature, user=None):
    """The workflow ended with the decision (the Délibération task approved)."""
    fire("decide", candidature, user, changes_requested_message="")


@transaction.atomic
def announce(candidature, user=None):
    """The results date passed: the decision becomes public for the applicant."""
    fire("announce", candidature, user)
    log_candidature(candidature, "tnl.results_announced", user)


@transaction.atomic
def withdraw(candidature, user):
    """The applicant withdrew the dossier (the caller checks it may; its workflow is cancelled
    after, and the cancellation receiver keeps "Retiré")."""
    fire("withdraw", candidature, user)


@transaction.atomic
def cancel_workflow(candidature, user=None):
    """A superuser cancelled the workflow: the dossier is "Déposé" again."""
    fire("cancel_workflow", candidature, user)
