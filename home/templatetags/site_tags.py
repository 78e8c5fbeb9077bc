"""Absolute addresses for the page head: built on the configured public address (SITE_URL),
never on the Host header a request happens to carry."""

from django import template
from django.conf import settings

register = template.Library()


@register.filter
def absolute(url):
    """``url`` as an absolute address on SITE_URL (absolute URLs, e.g. S3 media, stay)."""
    url = str(url or "")
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL.rstrip("/") + "/" + url.lstrip("/")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own URL on its Site (set from SITE_URL), else the request path on SITE_URL."""
    page = context.get("page")
    full_url = getattr(page, "full_url", None)
    if full_url:
        return full_url
    request = context.get("request")
    return absolute(request.path if request else "/")
