"""Low-level cache of the published record, invalidated at once when any part of it changes.

Every cached payload's key carries a global version number; saving or deleting a Result,
MentionAward, Edition, Level or Collectivite bumps it, so the next request rebuilds. The exact
public URLs that show an édition are also purged from the front-end cache when one is configured.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from home import page_cache
from home.cache_versions import CacheVersion

from . import purge

logger = logging.getLogger(__name__)

VERSION_KEY = "editions:record-version"
# The version lives in the cache itself, so several worker processes must share one cache
# (REDIS_URL); with per-process local memory, this timeout bounds how stale another process gets.
TIMEOUT = getattr(settings, "EDITIONS_CACHE_TIMEOUT", 600)


RECORD_VERSION = CacheVersion(VERSION_KEY)
version = RECORD_VERSION.current


def bump_version():
    """A new record: its cached payloads and every cached page (``home.page_cache``) go."""
    page_cache.pages_changed()
    RECORD_VERSION.bump()


def cached(name, builder):
    """Return the payload ``name`` for the current record version, building it if needed."""
    key = f"editions:{name}:v{version()}"
    payload = cache.get(key)
    if payload is None:
        payload = builder()
        cache.set(key, payload, TIMEOUT)
    return payload


def edition_urls(year):
    """The pages built on an édition's record (the lists live in ``editions.purge``)."""
    return purge.edition_urls(year) + purge.record_urls()


def purge_frontend(urls):
    """Ask the reverse proxy to forget these URLs; nothing happens when none is configured.

    The application's page cache first, as in ``home.purge.send_purge``.
    """
    page_cache.pages_changed()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        purge_urls_from_cache([base + url for url in urls])
    except Exception:  # a proxy that does not answer must never break a publication
        logger.exception("Front-end cache purge failed")


def record_changed(years=(), extra_urls=()):
    bump_version()
    urls = [url for year in years for url in edition_urls(year)] + list(extra_urls)
    if urls:
        transaction.on_commit(lambda: purge_frontend(urls))
