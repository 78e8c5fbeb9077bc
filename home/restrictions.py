"""Wagtail's page privacy (view restrictions), looked up once for the whole site.

Serving a page, Wagtail reads the page's ancestors then their restrictions (two queries), and
``PageQuerySet.public()`` reads every restriction again for each listing (one more query per
listing). This site rarely has any: whether one exists is kept in the shared cache and forgotten
whenever a restriction is saved or deleted (``home.apps``), and while there is none, pages skip
both lookups. As soon as one exists, Wagtail's own checks run unchanged.
"""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

from home import page_cache

KEY = "home:any-view-restriction"


def any_view_restriction():
    exists = cache.get(KEY)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(KEY, exists, None)
    return exists


def forget(**kwargs):
    """A page became private or public again: the cached pages may show it wrongly."""
    cache.delete(KEY)
    page_cache.pages_changed()


def public(queryset):
    """``queryset.public()``, without its query while no page of the site is restricted."""
    return queryset.public() if any_view_restriction() else queryset


class CachedViewRestrictionsMixin:
    """For page models: no restriction lookup while the site has none (Wagtail's serve hook)."""

    def get_view_restrictions(self):
        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
