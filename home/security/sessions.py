"""Session limits of admin accounts: logged out after SECURITY_ADMIN_SESSION_IDLE seconds without
a request, and SECURITY_ADMIN_SESSION_MAX_AGE seconds after the login whatever they do. Other
accounts keep Django's SESSION_COOKIE_AGE."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .second_factor import can_reach_admin

LOGIN_AT = "security_login_at"
SEEN_AT = "security_seen_at"
# The last-seen time is written at most once a minute: not a session write per request.
SEEN_RESOLUTION = 60


@receiver(user_logged_in, dispatch_uid="security-session-login-time")
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


def session_expired(session, now):
    idle = settings.SECURITY_ADMIN_SESSION_IDLE
    max_age = settings.SECURITY_ADMIN_SESSION_MAX_AGE
    login_at = session.get(LOGIN_AT)
    seen_at = session.get(SEEN_AT, login_at)
    if login_at is None:
        return True  # opened before these limits existed
    if max_age is not None and now - login_at > max_age:
        return True
    return idle is not None and now - seen_at > idle


class AdminSessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SECURITY_ADMIN_SESSION_IDLE or settings.SECURITY_ADMIN_SESSION_MAX_AGE:
            self.apply(request)
        return self.get_response(request)

    def apply(self, request):
        user = request.user
        if not can_reach_admin(user):
            return
        now = int(time.time())
        if session_expired(request.session, now):
            logout(request)
            messages.info(request, _("Votre session a expiré : reconnectez-vous."))
        elif now - request.session.get(SEEN_AT, 0) >= SEEN_RESOLUTION:
            request.session[SEEN_AT] = now
