"""Submitting, resubmitting and withdrawing a dossier; how it enters the Wagtail workflow.

Submitting sets ``status=SUBMITTED`` and ``submitted_at``, saves a revision, then starts the
Candidature's default workflow (or resumes the one sent back for changes). The jury workflow's
signal receivers move ``status`` on from there (en instruction, compléments demandés...).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.edit import EditAction
from wagtail.models import TaskState, WorkflowState

from candidatures.applicant import bodies
from candidatures.applicant.drafts import (
    EDITABLE_STATUSES,
    deadline_message,
    is_editable,
    missing_answers,
)
from candidatures.lifecycle import workflow as lifecycle
from candidatures.lifecycle.workflow import active_workflow_state, start_or_resume_workflow
from candidatures.models import Candidature, CandidatureStatus

WITHDRAWABLE_STATUSES = {
    CandidatureStatus.DRAFT,
    CandidatureStatus.SUBMITTED,
    CandidatureStatus.ELIGIBILITY,
    CandidatureStatus.CHANGES_REQUESTED,
}


class SubmissionRefused(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(str(m) for m in messages))
        self.messages = messages


def submission_problems(candidature, now=None):
    """French messages explaining why the dossier cannot be submitted now (empty: it can)."""
    problems = []
    if candidature.status not in EDITABLE_STATUSES:
        problems.append(_("Ce dossier a déjà été déposé."))
        return problems
    if not is_editable(candidature, now):
        problems.append(deadline_message(candidature.edition))
    if bodies.is_pending(candidature.collectivite):
        problems.append(bodies.pending_message(candidature.collectivite))
    missing = missing_answers(candidature)
    if missing:
        problems.append(
            _("%(count)s réponse(s) obligatoire(s) manquent encore.") % {"count": len(missing)}
        )
    return problems


def submit_dossier(candidature, user, now=None):
    """Check on the server, mark the dossier submitted, start or resume its workflow."""
    now = now or timezone.now()
    with transaction.atomic():
        current = Candidature.objects.select_for_update().get(pk=candidature.pk)
        problems = submission_problems(current, now)
        if problems:
            raise SubmissionRefused(problems)
        current.status = CandidatureStatus.SUBMITTED
        current.submitted_at = now
        current.assign_receipt_number()
        current = EditAction(current, user=user).execute(skip_permission_checks=True)
        start_or_resume_workflow(current, user)
    current.refresh_from_db()
    return current


def can_withdraw(candidature, now=None):
    return candidature.status in WITHDRAWABLE_STATUSES and candidature.edition.accepts_applications(
        now
    )


def withdraw_dossier(candidature, user, now=None):
    with transaction.atomic():
        current = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if not can_withdraw(current, now):
            raise SubmissionRefused([_("Ce dossier ne peut plus être retiré.")])
        # Withdrawn first: the cancel receiver then keeps it (otherwise it logs "Déposé").
        lifecycle.withdraw(current, user)
        state = active_workflow_state(current)
        if state:
            state.cancel(user=user)
        current = EditAction(current, user=user).execute(skip_permission_checks=True)
    current.refresh_from_db()
    return current


def latest_staff_message(candidature):
    """The comment of the latest rejected task (the send-back message), if any."""
    state = (
        TaskState.objects.filter(
            workflow_state__in=WorkflowState.objects.for_instance(candidature),
            status=TaskState.STATUS_REJECTED,
        )
        .exclude(comment="")
        .order_by("-finished_at", "-pk")
        .first()
    )
    return state.comment if state else ""
