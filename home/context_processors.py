"""Context every page shares: menus and footer links, computed once per request."""

from django.conf import settings


def _is_active(url, path):
    if not url or not url.startswith("/"):
        return False
    if url == "/":
        return path == "/"
    return path == url or path.startswith(url.rstrip("/") + "/")


def build_chrome(request):
    from home.models import Navigation

    try:
        navigation = Navigation.for_request(request)
    except Navigation.DoesNotExist:  # no site yet (fresh install before load_demo)
        return {"main_menu": [], "footer_links": []}
    chrome = {}
    for key, relation in (("main_menu", "main_menu_items"), ("footer_links", "footer_items")):
        items = getattr(navigation, relation).select_related("link_page").order_by("sort_order")
        chrome[key] = [
            {"title": item.title, "url": url, "active": _is_active(url, request.path)}
            for item in items
            if (url := item.get_url(request))
        ]
    return chrome


def site_chrome(request):
    """Menus come from the ``Navigation`` setting, read once and kept on the request."""
    chrome = getattr(request, "_tnl_chrome", None)
    if chrome is None:
        chrome = build_chrome(request)
        request._tnl_chrome = chrome
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME, **chrome}
