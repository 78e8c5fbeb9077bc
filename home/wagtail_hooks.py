from wagtail.snippets.models import register_snippet

from home import mail_admin  # noqa: F401  (the delivery log: viewset, report menu, panel)
from home.viewsets import PressContactViewSet

register_snippet(PressContactViewSet)
