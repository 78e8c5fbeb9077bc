"""Dated articles (news items, press releases): their date, their admin form, their listing.

The date has no callable model default on purpose: Django gives such a field a hidden "initial"
input, which Wagtail's editor does not post back, so every form looked changed. Approving from
the editor then saved a new revision and, with re-approval on edit, restarted the review instead
of publishing. The editor proposes today's date through the form instead.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from home.models.images import ListingImageMixin
from home.restrictions import public

# The renditions of a card (templates/includes/dated_card.html): two widths, WebP with a JPEG
# fallback. Listings prefetch exactly these, so a page of cards costs two queries, not one per
# card and format.
CARD_RENDITIONS = [
    f"fill-{size}|format-{fmt}" for size in ("320x180", "640x360") for fmt in ("webp", "jpeg")
]


class DatedPageQuerySet(PageQuerySet):
    def latest_public(self):
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        return (
            public(self.live())
            .prefetch_related(Prefetch("image", queryset=images))
            .order_by("-date", "-first_published_at")
        )


DatedPageManager = PageManager.from_queryset(DatedPageQuerySet)


class DatedPageForm(WagtailAdminPageForm):
    """A new article starts dated today (what the model default used to do)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "date" in self.fields and self.instance.date is None:
            self.initial["date"] = timezone.localdate()


class DatedPageMixin(ListingImageMixin):
    date = models.DateField(_("date"))

    objects = DatedPageManager()
    base_form_class = DatedPageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # Created in code without a date (e.g. a generated draft): dated today.
        if self.date is None:
            self.date = timezone.localdate()
        super().full_clean(*args, **kwargs)
