"""Background work of the editorial site (Django tasks): emails leave outside the request."""

from django_tasks import task

from home.emails import send_text


@task()
def send_email(subject, body, recipients, reply_to=()):
    """Send one email (text + HTML from the text) through ``home.emails``; a failure is logged,
    never raised (the message is kept in the admin anyway). Arguments are plain JSON values, as
    any task backend stores them."""
    return bool(send_text(subject, body, recipients, reply_to=reply_to))
