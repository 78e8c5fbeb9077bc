"""Throttling of the forms an attacker would hammer.

- Logins: django-axes locks the pair (account, client) after repeated failures (settings
  ``AXES_*``); ``attempted_username`` and ``lockout_response`` are its callables.
- Forms that send email or check a code: ``RateLimitedFormMixin`` counts POSTs with
  django-ratelimit under the named rates of ``SECURITY_RATE_LIMITS``, each by its own key.
"""

import unicodedata
from typing import NamedTuple

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage, is_ratelimited

from .client import client_address


def normalised_identifier(value):
    """An address or login as the limits count it: NFKC folds look-alikes (full-width letters,
    ligatures) that would otherwise open a fresh count, case and outer spaces ignored."""
    return unicodedata.normalize("NFKC", value or "").strip().casefold()


def attempted_username(request, credentials=None):
    """The login typed in a login form, as django-axes counts it (``AXES_USERNAME_CALLABLE``)."""
    if credentials and credentials.get("username") is not None:
        return normalised_identifier(str(credentials["username"]))
    return normalised_identifier(request.POST.get("username", ""))


def is_admin_path(request):
    return request.path.startswith(reverse("wagtailadmin_home"))


def lockout_response(request, original_response=None, credentials=None):
    """The answer to a locked pair (account, client): 429, what to do, the login kept."""
    template = "security/lockout_admin.html" if is_admin_path(request) else "security/lockout.html"
    context = {
        "username": attempted_username(request, credentials),
        "login_url": request.path,
        "minutes": round(settings.AXES_COOLOFF_TIME * 60),
    }
    return render(request, template, context, status=429)


def by_client(group, request):
    return client_address(request)


def by_posted_email(group, request):
    return normalised_identifier(request.POST.get("email", ""))


def by_user_and_client(group, request):
    return f"{request.user.pk}:{client_address(request)}"


def by_pending_user_and_client(group, request):
    """The account whose password was right but whose code is still awaited (applicant login,
    not logged in yet), with the client."""
    return f"{request.session.get('applicant_2fa_user')}:{client_address(request)}"


def by_user(group, request):
    return str(request.user.pk)


def by_url_pk(group, request):
    """The object named by the URL (e.g. the body whose members send invitations)."""
    return str(request.resolver_match.kwargs.get("pk", ""))


class RateLimit(NamedTuple):
    """A named rate of ``SECURITY_RATE_LIMITS`` and what it counts by."""

    name: str
    key: object


PASSWORD_RESET_LIMITS = (
    RateLimit("password_reset_client", by_client),
    RateLimit("password_reset_address", by_posted_email),
)
SECOND_FACTOR_LIMITS = (RateLimit("second_factor", by_user_and_client),)
APPLICANT_SECOND_FACTOR_LIMITS = (RateLimit("second_factor", by_pending_user_and_client),)
SIGNUP_LIMITS = (RateLimit("signup_client", by_client),)
ACCESS_REQUEST_LIMITS = (RateLimit("access_request_user", by_user),)
INVITATION_LIMITS = (RateLimit("invitations_body", by_url_pk),)


def limit_reached(request, limits):
    """True if any limit is already used up, without counting this request."""
    for limit in limits:
        usage = get_usage(
            request,
            group=f"tnl:{limit.name}",
            key=limit.key,
            rate=settings.SECURITY_RATE_LIMITS[limit.name],
            method="POST",  # part of the counter's key: the one over_limits counts under
            increment=False,
        )
        if usage and usage["count"] >= usage["limit"]:
            return True
    return False


def count(request, limits):
    """Count one event (a sign-up made, an invitation sent) under each limit."""
    over_limits(request, limits)


def over_limits(request, limits):
    """Count this POST under each limit (all of them, so each counter moves); True if any is
    exceeded."""
    exceeded = [
        is_ratelimited(
            request,
            group=f"tnl:{limit.name}",
            key=limit.key,
            rate=settings.SECURITY_RATE_LIMITS[limit.name],
            method="POST",
            increment=True,
        )
        for limit in limits
    ]
    return any(exceeded)


class RateLimitedFormMixin:
    """For a FormView: POSTs beyond ``rate_limits`` answer 429 with the form as typed and a
    message, and do nothing else (no email sent)."""

    rate_limits = ()

    def rate_limited_message(self):
        return _(
            "Trop de demandes depuis votre connexion ou pour cette adresse : "
            "réessayez dans une heure."
        )

    def post(self, request, *args, **kwargs):
        if over_limits(request, self.rate_limits):
            form = self.get_form()
            form.add_error(None, self.rate_limited_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)
