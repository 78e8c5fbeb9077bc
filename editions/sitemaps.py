"""Sitemap entries for the generated pages: only what is public (no embargoed decision)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Collectivite, Edition

PAGES = {
    "list": "editions:edition_list",
    "directory": "editions:collectivite_list",
    "map": "editions:laureate_map",
    "open_data": "editions:open_data",
}


class EditionsSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return [
            *PAGES,
            *Edition.objects.order_by("-year").values_list("year", flat=True),
        ]

    def location(self, item):
        if item in PAGES:
            return reverse(PAGES[item])
        return reverse("editions:edition_detail", kwargs={"year": item})


class CollectivitesSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Collectivite.objects.labelled().order_by("name").only("slug")


SITEMAPS = {"editions": EditionsSitemap, "collectivites": CollectivitesSitemap}
