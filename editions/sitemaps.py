"""Sitemap entries for the generated pages: only what is public (no embargoed decision)."""

from django.urls import reverse

from home.sitemaps import PublicAddressSitemap

from .models import Collectivite, Edition


class EditionsSitemap(PublicAddressSitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "list",
            "directory",
            *Edition.objects.order_by("-year").values_list("year", flat=True),
        ]

    def location(self, item):
        if item == "list":
            return reverse("editions:edition_list")
        if item == "directory":
            return reverse("editions:collectivite_list")
        return reverse("editions:edition_detail", kwargs={"year": item})


class CollectivitesSitemap(PublicAddressSitemap):
    changefreq = "yearly"

    def items(self):
        return Collectivite.objects.labelled().order_by("name").only("slug")


SITEMAPS = {"editions": EditionsSitemap, "collectivites": CollectivitesSitemap}
