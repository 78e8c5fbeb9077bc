"""HTTP caching that stays true: what a shared cache may keep, and what it never may.

An anonymous GET of a public page or export (no session read, no cookie set, no ``Vary:
Cookie``) is ``public`` with a short ``max-age`` for browsers and a longer ``s-maxage`` for the
reverse proxy, which is purged of the exact URLs when content changes (``home.purge``,
``editions.purge``); it carries an ETag and answers 304 to ``If-None-Match``. Everything else
that is personal (a session read or written, a cookie set, the applicant space, accounts, the
admin and its previews, any non-GET) is ``private, no-store``: no shared cache ever keeps it.

The decision is taken on the final response (this middleware sits above the session, CSRF and
authentication middleware), so a view or template that reads the session makes its page
private on its own: nothing has to be declared per view for the safe answer. What it marks
shared-cacheable (``request._shared_cacheable``) is also all ``home.page_cache`` may store.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

# Never shared-cacheable, whatever the response looks like.
PRIVATE_PREFIXES = (
    "/admin/",
    "/espace-candidat/",
    "/compte/",
    "/documents/",  # Wagtail's document view checks collection privacy per request
    "/sante/",
)
SAFE_METHODS = {"GET", "HEAD"}
CACHEABLE_STATUSES = {200}
NO_SHARING = ("private", "no-store", "no-cache")


def max_age():
    return getattr(settings, "HTTP_CACHE_MAX_AGE", 60)


def s_maxage():
    return getattr(settings, "HTTP_CACHE_S_MAXAGE", 600)


def _vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def is_personal(request, response):
    """True when the response depends on who asks, or is about them: never share it."""
    if request.method not in SAFE_METHODS:
        return True
    if request.path.startswith(PRIVATE_PREFIXES):
        return True
    session = getattr(request, "session", None)
    if session is not None and (session.accessed or session.modified):
        return True
    if response.cookies:
        return True
    return "cookie" in _vary(response) or "*" in _vary(response)


def _drop_single_language_vary(response):
    """One language only: ``Vary: Accept-Language`` would split the proxy's cache for nothing."""
    if len(settings.LANGUAGES) != 1 or not response.has_header("Vary"):
        return
    kept = [
        part.strip()
        for part in response["Vary"].split(",")
        if part.strip() and part.strip().lower() != "accept-language"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class HttpCachingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            cache_control = response.get("Cache-Control", "")
            if "no-store" not in cache_control or "public" in cache_control:
                add_never_cache_headers(response)
            return response
        if response.status_code not in CACHEABLE_STATUSES:
            return response
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in NO_SHARING):
            return response  # the view said so (never_cache...): keep its answer
        if not cache_control:
            patch_cache_control(response, public=True, max_age=max_age(), s_maxage=s_maxage())
        _drop_single_language_vary(response)
        request._shared_cacheable = True  # what the application's page cache may keep
        if not response.streaming and not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=None,
            response=response,
        )


class CookielessAnonymousMiddleware:
    """Right after AuthenticationMiddleware: a request without a session cookie is anonymous.

    That is what ``auth.get_user`` would find (an empty session), but deciding it from the
    cookie reads no session, so the middleware and tags that ask ``request.user`` on every
    request (second factor, admin session limits, the userbar) do not make an anonymous page
    ``Vary: Cookie`` and private. A login sets ``request.user`` and the session as usual.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            request.user = AnonymousUser()
        return self.get_response(request)
