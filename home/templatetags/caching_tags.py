"""Template helpers that keep anonymous pages free of session reads (home.caching)."""

from django import template
from django.conf import settings

register = template.Library()


@register.filter
def has_session_cookie(request):
    """True when the browser sent a session cookie: only then may a tag look at request.user.

    ``{% wagtailuserbar %}`` reads the user, hence the session, which adds ``Vary: Cookie`` and
    makes the page private; an anonymous visitor has no session cookie, so the userbar (shown
    to logged-in editors only) is skipped without reading anything.
    """
    return bool(request is not None and settings.SESSION_COOKIE_NAME in request.COOKIES)
