"""Site search: one full-text query over the pages per request, ``.specific()`` only on the
results shown, brief caching of identical anonymous queries, and the public record's bodies
and éditions from the providers named in ``SEARCH_PROVIDERS`` (home does not import the apps
above it; ``editions.search`` is one).

On PostgreSQL the index uses the ``french_unaccent`` configuration (home migration 0009):
French stemming with accents folded, so "Medicis" finds "Médicis"; SQLite keeps Wagtail's FTS5.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string
from wagtail.models import Page

SEARCH_MAX_LENGTH = 200
# Ranked page ids kept per query: the database ranks the matches once, pagination is in memory.
SEARCH_MAX_RESULTS = 200
SEARCH_CACHE_TIMEOUT = 60


def normalise(query):
    return " ".join(query.split())[:SEARCH_MAX_LENGTH]


def search_terms(query):
    """Words only, lower-cased: quotes or operators (AND, NOT, *) must not reach the backend."""
    return " ".join(re.findall(r"\w+", query.lower()))


def _cache_key(kind, terms):
    digest = hashlib.sha256(terms.encode()).hexdigest()[:32]
    return f"search:{kind}:{digest}"


def ranked_page_ids(terms):
    """Ids of the live public pages matching ``terms``, best first, in one search query."""
    results = Page.objects.live().public().search(terms)[:SEARCH_MAX_RESULTS]
    return [page.pk for page in results]


def record_hits(terms):
    """[{"title", "url", "kind"}] from every provider (bodies, éditions...)."""
    hits = []
    for path in getattr(settings, "SEARCH_PROVIDERS", []):
        hits += import_string(path)(terms)
    return hits


def search(terms, anonymous):
    """(page ids, record hits) for ``terms``; anonymous visitors share a brief cache."""
    if not anonymous:
        return ranked_page_ids(terms), record_hits(terms)
    key = _cache_key("v1", terms)
    found = cache.get(key)
    if found is None:
        found = (ranked_page_ids(terms), record_hits(terms))
        cache.set(key, found, SEARCH_CACHE_TIMEOUT)
    return found


def shown_pages(ids):
    """The specific pages of ``ids`` (one page of results), in rank order, still live."""
    pages = Page.objects.live().public().filter(pk__in=ids).specific()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]
