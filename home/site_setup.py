"""The Site record and the home page a fresh install needs: production-safe and idempotent.

``manage.py setup_site`` (run by ``deploy/release`` and by ``make demo``) gives the default Site
the public address of ``settings.SITE_URL``, so every absolute URL Wagtail builds (sitemap, feeds,
canonical and OpenGraph tags) carries it, and replaces Wagtail's placeholder "Welcome" page with
our home page. Content already edited in the admin is never touched.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page, Site

from home.models import HomePage


def site_address(url):
    """(hostname, port) of an absolute http(s) URL; the port defaults to the scheme's."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must be an absolute http(s) URL, not {url!r}.")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def is_placeholder(page):
    """Wagtail's initial "Welcome to your new Wagtail site!" page: a bare Page, no content type
    of ours."""
    return page.content_type.app_label == "wagtailcore" and page.content_type.model == "page"


def ensure_home_page(build=None):
    """The home page, created under the root (from ``build()`` or bare) if there is none yet."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    for page in root.get_children().select_related("content_type"):
        if is_placeholder(page):
            page.delete()
    home = build() if build else HomePage(title=settings.WAGTAIL_SITE_NAME, slug="accueil")
    home = root.add_child(instance=home)
    home.save_revision().publish()
    return home


def setup_site(url=None, site_name=None, home=None):
    """Point the default Site at the home page, with the address of ``url`` (SITE_URL)."""
    home = home or ensure_home_page()
    hostname, port = site_address(url or settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.root_page = home
    site.site_name = site_name or site.site_name or settings.WAGTAIL_SITE_NAME
    site.save()
    return site
