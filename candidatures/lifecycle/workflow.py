"""Workflow transitions on a dossier that are not plain approvals: entry point for submission,
ineligibility, status bookkeeping."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from candidatures.lifecycle.history import log_candidature
from candidatures.lifecycle.states import transition_for
from candidatures.models import Candidature, CandidatureStatus


@transaction.atomic
def set_status(candidature, status, user=None, **extra):
    """The one writer of ``Candidature.status``: checks the move against the declared table
    (``states.transition_for``, TransitionRefused otherwise), stores it without creating a
    revision, and logs the change with the transition's name."""
    current = (
        Candidature.objects.select_for_update()
        .filter(pk=candidature.pk)
        .values_list("status", flat=True)
    ).first()
    transition = None if current == status else transition_for(current, status)
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
    space goes through ``applicant.submission.submit``, which checks the dossier first)."""
    if not candidature.submitted_at:
        Candidature.objects.filter(pk=candidature.pk).update(submitted_at=timezone.now())
    candidature.assign_receipt_number()
    return start_or_resume_workflow(candidature, user)


@transaction.atomic
def declare_ineligible(task_state, user, reason):
    """Close the dossier's workflow for good: the reason is kept for the applicant."""
    from candidatures import notifications

    task_state.comment = reason
    task_state.save(update_fields=["comment"])
    workflow_state = task_state.workflow_state
    candidature = workflow_state.content_object
    set_status(candidature, CandidatureStatus.INELIGIBLE, user, ineligibility_reason=reason)
    workflow_state.cancel(user=user)
    log_candidature(candidature, "tnl.ineligible", user, {"comment": reason})
    notifications.notify_applicant(candidature, "ineligible", message=reason)
