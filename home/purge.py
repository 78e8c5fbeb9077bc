"""Which public URLs show a change of editorial content, and the reverse proxy's purge of them.

Wagtail's front-end cache (``wagtail.contrib.frontend_cache``) purges a published page's own
URL; a news item or a press release is also shown by its index (and the index's first pages
and the tag pages it appears on), the home page (latest items) and the feeds. ``purge_urls``
lists them all, in order, so a test can read the list and the receivers purge exactly that.
With no ``WAGTAILFRONTENDCACHE`` configured (dev, tests) nothing is sent.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from home import page_cache
from home.listing import PER_PAGE
from home.models import HomePage, NewsPage, PressReleasePage

logger = logging.getLogger(__name__)

# Index pages beyond this are left to expire by s-maxage (HTTP_CACHE_S_MAXAGE).
PURGED_INDEX_PAGES = 5

FEEDS = {
    NewsPage: ("feed_news_rss", "feed_news_atom"),
    PressReleasePage: ("feed_press_rss", "feed_press_atom"),
}


def _index_urls(index, page):
    url = index.get_url()
    if not url:
        return []
    urls = [url]
    count = type(page).objects.live().public().child_of(index).count()
    pages = min(PURGED_INDEX_PAGES, max(1, -(-count // PER_PAGE)))
    urls += [f"{url}?page={number}" for number in range(2, pages + 1)]
    if page.date:
        urls.append(f"{url}?annee={page.date.year}")
    tags = page.tags.all() if isinstance(page, NewsPage) else []
    urls += [f"{url}?tag={tag.slug}" for tag in tags]
    return urls


def purge_urls(page):
    """Site-relative URLs that show ``page`` (a specific page instance), its own first."""
    page = page.specific
    urls = []
    own = page.get_url()
    if own:
        urls.append(own)
    if isinstance(page, NewsPage | PressReleasePage):
        index = page.get_parent()
        if index is not None:
            urls += _index_urls(index.specific, page)
        home = HomePage.objects.live().first()
        if home is not None and home.get_url():
            urls.append(home.get_url())
        urls += [reverse(name) for name in FEEDS[type(page)]]
        urls.append(reverse("sitemap"))
    elif not isinstance(page, HomePage):
        urls.append(reverse("sitemap"))
    return list(dict.fromkeys(urls))


def absolute(urls):
    """Absolute, percent-encoded as browsers send them (the proxy's cache key is the raw URI)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return [iri_to_uri(url if url.startswith("http") else base + url) for url in urls]


def send_purge(urls):
    """Purge these site-relative URLs from the reverse proxy; never fails a publication.

    The application's page cache forgets its pages first: the proxy's purge refetches the
    pages, which must not come from a copy made before the change (``home.page_cache``).
    """
    page_cache.pages_changed()
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not urls:
        return
    batch = PurgeBatch()
    batch.add_urls(absolute(urls))
    try:
        batch.purge()
    except Exception:  # a proxy that does not answer must never break a publication
        logger.exception("Front-end cache purge failed")


def on_page_changed(sender, instance, **kwargs):
    """page_published / page_unpublished receiver: purge once the transaction commits."""
    urls = purge_urls(instance)
    transaction.on_commit(lambda: send_purge(urls))
