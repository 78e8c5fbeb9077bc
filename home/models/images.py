"""The image fields that page types share: the sharing image (OpenGraph / Twitter cards) and
the listing image of dated articles. Abstract; imports no page module (pages, news, press and
dated all use them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.restrictions import CachedViewRestrictionsMixin


class SocialImageMixin(CachedViewRestrictionsMixin, models.Model):
    """An optional image for OpenGraph / Twitter cards; page types may offer a better default.

    Every page type but the contact form has it, so it also carries the cached privacy check.
    """

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Affichée quand la page est partagée sur les réseaux sociaux."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image


class ListingImageMixin(SocialImageMixin):
    """The image of a dated article (news, press release), shown in listings and on the page,
    with its alternative text; it is also the sharing image unless one is set."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_("Laissez vide si l'image est purement décorative."),
    )

    class Meta:
        abstract = True

    def get_social_image(self):
        return self.social_image or self.image
