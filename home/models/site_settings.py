"""Site settings editable in the admin: identity, legal information, menus."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


class AccessibilityStatus(models.TextChoices):
    FULL = "totalement conforme", _("totalement conforme")
    PARTIAL = "partiellement conforme", _("partiellement conforme")
    NONE = "non conforme", _("non conforme")


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    association_name = models.CharField(
        _("association"), max_length=150, default="ADULLACT", blank=True
    )
    association_seat = models.CharField(
        _("siège de l'association"), max_length=255, default="Montpellier", blank=True
    )
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"), max_length=150, blank=True
    )
    host_name = models.CharField(_("hébergeur"), max_length=150, blank=True)
    host_address = models.CharField(_("adresse de l'hébergeur"), max_length=255, blank=True)
    accessibility_status = models.CharField(
        _("état de conformité au RGAA"),
        max_length=30,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.PARTIAL,
    )
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    twitter_handle = models.CharField(
        _("compte X (Twitter)"),
        max_length=50,
        blank=True,
        help_text=_("Par exemple : TerrNumLibre"),
    )
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    peertube_url = models.URLField(_("PeerTube"), blank=True)

    panels = [
        MultiFieldPanel(
            ["association_name", "association_seat", "contact_email"], heading=_("Association")
        ),
        MultiFieldPanel(
            ["publication_director", "host_name", "host_address", "accessibility_status"],
            heading=_("Mentions légales"),
        ),
        MultiFieldPanel(
            ["mastodon_url", "twitter_handle", "linkedin_url", "peertube_url"],
            heading=_("Réseaux sociaux"),
        ),
    ]

    class Meta:
        verbose_name = _("identité du site")

    @property
    def social_links(self):
        links = [
            ("Mastodon", self.mastodon_url),
            ("X (Twitter)", f"https://x.com/{self.twitter_handle}" if self.twitter_handle else ""),
            ("LinkedIn", self.linkedin_url),
            ("PeerTube", self.peertube_url),
        ]
        return [(name, url) for name, url in links if url]


@register_setting(icon="list-ul")
class Navigation(ClusterableModel, BaseSiteSetting):
    """The main menu and the footer links, as ordered lists of pages or addresses."""

    panels = [
        InlinePanel("main_menu_items", heading=_("Menu principal"), label=_("lien")),
        InlinePanel("footer_items", heading=_("Liens du pied de page"), label=_("lien")),
    ]

    class Meta:
        verbose_name = _("menus")


class NavigationLink(Orderable):
    title = models.CharField(_("libellé"), max_length=80)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("ou adresse"),
        max_length=500,
        blank=True,
        help_text=_("Une adresse du site (/editions/) ou complète (https://...)."),
    )

    panels = ["title", FieldPanel("link_page"), "link_url"]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.link_page_id and not self.link_url:
            raise ValidationError({"link_url": _("Choisissez une page ou saisissez une adresse.")})
        if self.link_url and not self.link_url.startswith(("/", "https://", "http://", "mailto:")):
            raise ValidationError(
                {"link_url": _("L'adresse doit commencer par /, https://, http:// ou mailto:.")}
            )

    def get_url(self, request=None):
        if self.link_page_id:
            return self.link_page.get_url(request) or ""
        return self.link_url


class MainMenuItem(NavigationLink):
    navigation = ParentalKey(Navigation, on_delete=models.CASCADE, related_name="main_menu_items")

    class Meta(NavigationLink.Meta):
        verbose_name = _("lien du menu principal")


class FooterItem(NavigationLink):
    navigation = ParentalKey(Navigation, on_delete=models.CASCADE, related_name="footer_items")

    class Meta(NavigationLink.Meta):
        verbose_name = _("lien du pied de page")
