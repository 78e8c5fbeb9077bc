"""Press releases (/communiques/) and the reusable press contact snippet."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import FilteredIndexMixin
from home.models.dated import DatedPageMixin
from home.models.images import SocialImageMixin


class PressContact(index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=150)
    role = models.CharField(_("fonction"), max_length=150, blank=True)
    email = models.EmailField(_("adresse électronique"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)

    panels = ["name", "role", "email", "phone"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact presse")
        verbose_name_plural = _("contacts presse")

    def __str__(self):
        return self.name


class PressReleaseIndexPage(FilteredIndexMixin, SocialImageMixin, Page):
    intro = models.TextField(_("chapô"), blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.PressReleasePage"]
    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("index des communiqués de presse")

    def get_listing_queryset(self):
        return PressReleasePage.objects.child_of(self).latest_public()


class PressReleasePage(DatedPageMixin, Page):
    place = models.CharField(_("lieu"), max_length=100, default="Montpellier")
    intro = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)
    press_contact = models.ForeignKey(
        PressContact,
        verbose_name=_("contact presse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases",
    )
    # Set on the draft written from an édition's palmarès (editions.press_release), so that
    # drafting it again finds this page instead of writing a second one.
    results_year = models.PositiveSmallIntegerField(
        _("palmarès de l'année"), null=True, blank=True, editable=False, unique=True
    )

    exclude_fields_in_copy = ["results_year"]
    parent_page_types = ["home.PressReleaseIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        "date",
        "place",
        "intro",
        "image",
        "image_alt",
        "body",
        "press_contact",
        InlinePanel("documents", label=_("document joint")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("communiqué de presse")
        verbose_name_plural = _("communiqués de presse")
        ordering = ["-date"]


class PressReleaseDocument(Orderable):
    """A file attached to a press release, such as its PDF version."""

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("intitulé"), max_length=200, blank=True, help_text=_("Par défaut : son titre.")
    )

    panels = ["document", "title"]

    class Meta(Orderable.Meta):
        verbose_name = _("document joint")
        verbose_name_plural = _("documents joints")

    @property
    def label(self):
        return self.title or self.document.title
