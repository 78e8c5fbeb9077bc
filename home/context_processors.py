"""Context every page shares (menus, footer, site settings are read through it)."""

from django.conf import settings


def site_chrome(request):
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}
