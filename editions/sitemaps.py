"""Sitemap entries for the generated pages: only what is public (no embargoed decision)."""

from django.urls import reverse

from home.sitemaps import PublicAddressSitemap

from .models import Collectivite, Edition

PAGES = {
    "list": "editions:edition_list",
    "directory": "editions:collectivite_list",
    "map": "editions:laureate_map",
    "open_data": "editions:open_data",
}


class EditionsSitemap(PublicAddressSitemap):
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


class CollectivitesSitemap(PublicAddressSitemap):
    changefreq = "yearly"

    def items(self):
        return Collectivite.objects.labelled().order_by("name").only("slug")


SITEMAPS = {"editions": EditionsSitemap, "collectivites": CollectivitesSitemap}
