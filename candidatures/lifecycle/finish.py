"""What ends a workflow (``WAGTAIL_FINISH_WORKFLOW_ACTION``): publish the latest revision.

Wagtail evaluates the setting while its models load, so this module imports nothing. Pages and
other snippets publish as Wagtail does (the last approver needs the publish permission). A dossier
publishes only here: no group holds ``publish_candidature`` (no Publier button anywhere); the
lifecycle already checked who approved the last task (``candidatures.lifecycle.states``).
"""


def finish_workflow(workflow_state, user=None):
    obj = workflow_state.content_object
    only_at_workflow_end = getattr(obj, "PUBLISHED_AT_WORKFLOW_END_ONLY", False)
    obj.get_latest_revision().publish(user=user, skip_permission_checks=only_at_workflow_end)
