"""Context every page shares: menus, footer links and the site's identity (footer).

The menus are the same for every visitor of a site, so their titles and URLs are kept in the
cache (one read per request instead of three queries) and dropped whenever the menus or any page
change (``home.apps``). Only the "active" flag depends on the request. The site's identity
(``SiteIdentity``, read by the footer through ``settings.home.SiteIdentity``) is kept with them
and put where Wagtail's ``for_request`` looks first, which saves the site and settings queries.
"""

import uuid

from django.conf import settings
from django.core.cache import cache

from home import page_cache
from home.models import Navigation, SiteIdentity

CHROME_CACHE_KEY = "home:chrome"
CHROME_VERSION_KEY = "home:chrome:version"
CHROME_CACHE_TIMEOUT = 60 * 60


def _is_active(url, path):
    if not url or not url.startswith("/"):
        return False
    if url == "/":
        return path == "/"
    return path == url or path.startswith(url.rstrip("/") + "/")


def build_menus(request):
    """{"main_menu": [(title, url), ...], "footer_links": [...], "identity": SiteIdentity}."""
    try:
        navigation = Navigation.for_request(request)
    except Navigation.DoesNotExist:  # no site yet (fresh install before load_demo)
        return {"main_menu": [], "footer_links": [], "identity": None}
    menus = {"identity": SiteIdentity.for_request(request)}
    for key, relation in (("main_menu", "main_menu_items"), ("footer_links", "footer_items")):
        items = getattr(navigation, relation).select_related("link_page").order_by("sort_order")
        menus[key] = [(item.title, url) for item in items if (url := item.get_url(request))]
    return menus


def menus_version():
    version = cache.get(CHROME_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(CHROME_VERSION_KEY, version, None)
        version = cache.get(CHROME_VERSION_KEY, version)
    return version


def cached_menus(request):
    key = f"{CHROME_CACHE_KEY}:{menus_version()}:{request.get_host()}"
    menus = cache.get(key)
    if menus is None:
        menus = build_menus(request)
        cache.set(key, menus, CHROME_CACHE_TIMEOUT)
    return menus


def clear_menus_cache(**kwargs):
    """Forget the cached menus of every host: a new version makes the old keys unreachable.

    Every page shows them: the cached pages go too (``home.page_cache``).
    """
    cache.set(CHROME_VERSION_KEY, uuid.uuid4().hex, None)
    page_cache.pages_changed()


def site_chrome(request):
    """Menus with the current page marked, computed once per request."""
    chrome = getattr(request, "_tnl_chrome", None)
    if chrome is None:
        menus = dict(cached_menus(request))
        identity = menus.pop("identity", None)
        if identity is not None and not hasattr(request, SiteIdentity.get_cache_attr_name()):
            identity._request = request  # as for_request leaves it (page URLs)
            setattr(request, SiteIdentity.get_cache_attr_name(), identity)
        chrome = {
            key: [
                {"title": title, "url": url, "active": _is_active(url, request.path)}
                for title, url in links
            ]
            for key, links in menus.items()
        }
        request._tnl_chrome = chrome
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME, **chrome}
