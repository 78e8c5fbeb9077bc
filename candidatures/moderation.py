"""Workflow transitions on a dossier that are not plain approvals: entry point for submission,
ineligibility, status bookkeeping."""

from django.db import transaction
from django.utils import timezone

from .history import log_candidature
from .models import Candidature, CandidatureStatus


def set_status(candidature, status, user=None, **extra):
    """Store the applicant-facing status without creating a revision, and log the change."""
    fields = {"status": status, **extra}
    Candidature.objects.filter(pk=candidature.pk).update(**fields)
    for key, value in fields.items():
        setattr(candidature, key, value)
    log_candidature(
        candidature, "tnl.status", user, {"status": str(CandidatureStatus(status).label)}
    )


@transaction.atomic
def submit(candidature, user):
    """Start the workflow on a submitted dossier, or resume it after a send-back.

    The applicant space calls this once the dossier is complete (it checks the user's rights).
    """
    state = candidature.current_workflow_state
    if not candidature.submitted_at:
        Candidature.objects.filter(pk=candidature.pk).update(submitted_at=timezone.now())
    if state and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    workflow = Candidature.get_default_workflow()
    return workflow.start(candidature, user)


@transaction.atomic
def declare_ineligible(task_state, user, reason):
    """Close the dossier's workflow for good: the reason is kept for the applicant."""
    from . import notifications

    task_state.comment = reason
    task_state.save(update_fields=["comment"])
    workflow_state = task_state.workflow_state
    candidature = workflow_state.content_object
    set_status(candidature, CandidatureStatus.INELIGIBLE, user, ineligibility_reason=reason)
    workflow_state.cancel(user=user)
    log_candidature(candidature, "tnl.ineligible", user, {"comment": reason})
    notifications.notify_applicant(candidature, "ineligible", message=reason)
