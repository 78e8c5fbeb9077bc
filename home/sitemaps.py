"""Sitemaps of views that are not Wagtail pages, on the configured public address (SITE_URL).

Wagtail's own sitemap takes its addresses from the Site (set from SITE_URL by ``setup_site``);
Django's would take the Host header of whoever asks. Sitemaps of the other apps subclass this.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class PublicAddressSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc
