"""News: an index at /actualites/ and dated news items with tags."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import FilteredIndexMixin
from home.models.dated import DatedPageMixin
from home.models.images import SocialImageMixin


class NewsIndexPage(FilteredIndexMixin, SocialImageMixin, Page):
    intro = models.TextField(_("chapô"), blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("index des actualités")

    def get_listing_queryset(self):
        return NewsPage.objects.child_of(self).latest_public().prefetch_related("tags")

    def get_listing_tags(self):
        return Tag.objects.filter(home_newspagetag_items__isnull=False).distinct().order_by("name")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(DatedPageMixin, Page):
    intro = models.TextField(_("chapô"))
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("mots-clés"))

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        "date",
        "intro",
        "image",
        "image_alt",
        "body",
        "tags",
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
        ordering = ["-date"]
