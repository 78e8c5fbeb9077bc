from wagtail.snippets.models import register_snippet

from home.viewsets import PressContactViewSet

register_snippet(PressContactViewSet)
