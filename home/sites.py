"""Wagtail's lookup of the request's Site, from the shared cache.

``Site.find_for_request`` runs ``get_site_for_hostname`` once per request: a query that ranks the
sites with a CASE and joins the root page's whole row, ~5 ms of CPU here, against ~0.5 ms for a
cache read. The answer is kept per (hostname, port) under the menus' version
(``home.context_processors``), which changes whenever a page is published, moved or renamed,
the menus change, or a Site is saved or deleted (``home.apps``). Wagtail finds it where it
caches its own answer (``request._wagtail_site``); it still loads the root page's specific
instance itself, fresh, when it routes.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models.sites import get_site_for_hostname

from home.context_processors import CHROME_CACHE_TIMEOUT, menus_version


def cached_site(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = f"home:site:{menus_version()}:{hostname}:{port}"
    site = cache.get(key)
    if site is None:
        try:
            site = get_site_for_hostname(hostname, port)
        except Exception:  # Site.DoesNotExist: no site yet; Wagtail answers as it does
            return None
        cache.set(key, site, CHROME_CACHE_TIMEOUT)
    return site


class CachedSiteMiddleware:
    """After CommonMiddleware (the host is validated): the Site from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            site = cached_site(request)
            if site is not None:
                request._wagtail_site = site
        return self.get_response(request)
