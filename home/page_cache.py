"""The application's cache of whole anonymous public pages, shared by every app server.

Django's own cache middleware (``CacheMiddleware``: fetch on the way in, update on the way out)
keeps, in the default cache (Redis in production, so every app server agrees), the responses
``home.caching.HttpCachingMiddleware`` marked as shared-cacheable: a GET or HEAD, 200, public,
anonymous, no session read, no cookie set. Nothing else is stored, and a request that may be
somebody's is never even looked up: one carrying a session or messages cookie or an
Authorization header, or under the private prefixes (admin and its previews, applicant space,
accounts, documents). So a logged-in reader never gets the anonymous copy, and their page is
never stored.

It sits above GZip: the key varies on ``Accept-Encoding`` (GZip's ``Vary``), the compressed
copy is stored, and a hit is not compressed again. A hit answers ``If-None-Match`` (304) with
the stored ETag and says ``X-App-Cache: hit``; a stored response says ``X-App-Cache: miss``.

Staying true. Every key carries a site-wide *pages version*; any change of what a public page
may show bumps it, so every cached page is forgotten at once, on every server: page published,
unpublished, moved or renamed, menus, footer, site identity, Sites (``home.context_processors``),
page privacy (``home.restrictions``), images and documents, any purge of the reverse proxy
(``home.purge.send_purge``: palmarès going live, announced at its results date) and any change
of the record (``editions.cache.bump_version``). Forgetting everything is right for a site edited
a few times a day: a change costs one rebuild per page actually visited, and exact per-URL
invalidation (what the proxy purge does) would have to list every page a change shows on.
The version is bumped at once and again when the transaction commits: a request that read the
new version before the commit, and so rendered the old content, stored it under a version the
commit then retires.

What changes with the clock alone (an embargoed palmarès public at its results date, the call
for candidatures opening, a page's ``go_live_at`` before ``publish_scheduled`` runs) is not an
event: a cached copy lives as long as the response's ``max-age`` (``HTTP_CACHE_MAX_AGE``, one
minute), no longer than a browser may keep it anyway; the announcement task and
``publish_scheduled`` then bump the version.

On when ``APP_PAGE_CACHE`` is true (production with Redis; off in dev and tests, which switch
it on).
"""

import copy

from django.conf import settings
from django.db import transaction
from django.middleware.cache import CacheMiddleware
from django.utils.cache import get_conditional_response

from home.cache_versions import CacheVersion
from home.caching import PRIVATE_PREFIXES

VERSION_KEY = "home:pages-version"
HEADER = "X-App-Cache"
MESSAGES_COOKIE = "messages"


PAGES_VERSION = CacheVersion(VERSION_KEY)
version = PAGES_VERSION.current


def pages_changed(**kwargs):
    """Forget every cached page, now and once the current transaction commits (a receiver)."""
    PAGES_VERSION.bump()
    transaction.on_commit(PAGES_VERSION.bump)


def enabled():
    return getattr(settings, "APP_PAGE_CACHE", False)


def may_be_personal(request):
    """A request whose answer may be somebody's: not looked up, not stored."""
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or MESSAGES_COOKIE in request.COOKIES
        or "Authorization" in request.headers
        or request.path.startswith(PRIVATE_PREFIXES)
        or request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
    )


class AppPageCacheMiddleware(CacheMiddleware):
    """Django's cache middleware, keyed on the pages version, storing only shared pages."""

    def _for(self, request):
        """This middleware with the key prefix of the request's pages version (read once, on
        the way in, so a page rendered before a change is stored under the retired version)."""
        bound = copy.copy(self)
        bound.key_prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}pages.v{request._pages_version}"
        return bound

    def _should_update_cache(self, request, response):
        return super()._should_update_cache(request, response) and getattr(
            request, "_shared_cacheable", False
        )

    def process_request(self, request):
        if not enabled() or may_be_personal(request):
            request._cache_update_cache = False
            return None
        request._pages_version = version()
        response = super(CacheMiddleware, self._for(request)).process_request(request)
        if response is None:
            return None
        response = get_conditional_response(
            request, etag=response.get("ETag"), last_modified=None, response=response
        )
        response[HEADER] = "hit"
        return response

    def process_response(self, request, response):
        if not getattr(request, "_cache_update_cache", False):
            return response
        stored = self._should_update_cache(request, response) and response.status_code == 200
        response = super(CacheMiddleware, self._for(request)).process_response(request, response)
        if stored:
            response[HEADER] = "miss"
        return response
