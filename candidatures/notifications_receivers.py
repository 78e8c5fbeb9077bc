"""The emails that follow the lifecycle's transitions (``lifecycle.events.transitioned``):
the lifecycle sits beneath the notifications and does not import them. Connected in
``CandidaturesConfig.ready``."""

from candidatures import notifications
from candidatures.lifecycle.announcement import decision_label
from candidatures.lifecycle.events import transitioned


def on_enter_eligibility(candidature, extra):
    # The Recevabilité task started: first submission or resubmission after a send-back.
    notifications.notify_receipt(candidature)
    notifications.notify_staff_new_submission(candidature)


def on_request_changes(candidature, extra):
    notifications.notify_applicant(
        candidature, "changes_requested", message=extra.get("changes_requested_message", "")
    )


def on_declare_ineligible(candidature, extra):
    notifications.notify_applicant(
        candidature, "ineligible", message=extra.get("ineligibility_reason", "")
    )


def on_announce(candidature, extra):
    notifications.notify_applicant(
        candidature, "decision_published", decision=decision_label(candidature)
    )


# The transition's name → the emails it sends (the other transitions send none).
EMAILS = {
    "enter_eligibility": on_enter_eligibility,
    "request_changes": on_request_changes,
    "declare_ineligible": on_declare_ineligible,
    "announce": on_announce,
}


def on_transitioned(sender, name, candidature, user=None, extra=None, **kwargs):
    emails = EMAILS.get(name)
    if emails is not None:
        emails(candidature, extra or {})


transitioned.connect(on_transitioned, dispatch_uid="tnl_transition_emails")
