"""Background work (Django tasks) of the process.

Emails need no task of their own: ``home.emails`` sends through the default mailer, which in
production queues each message (``home.mail``) and sends it from a background task, retried.
``send_notification`` stays for callers that enqueue an event by name.
"""

from django_tasks import task

from candidatures.notifications import send


@task()
def send_notification(event, recipients, context):
    """Render the event's template and send it (see ``candidatures.notifications.send``)."""
    return bool(send(event, recipients, context))
