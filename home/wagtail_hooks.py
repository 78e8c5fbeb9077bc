from wagtail.snippets.models import register_snippet

from home import mail_admin, readlog_admin  # noqa: F401  (delivery and read logs in the admin)
from home.viewsets import PressContactViewSet

register_snippet(PressContactViewSet)
