"""The home page and the standard pages (rules, criteria, FAQ, legal pages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models.images import SocialImageMixin
from home.models.news import NewsPage
from home.models.press import PressReleasePage


class HomePage(SocialImageMixin, Page):  # noqa: DJ008 (Page has __str__)
    tagline = models.CharField(
        _("le label en une phrase"),
        max_length=255,
        default="",
        blank=True,
    )
    intro = RichTextField(_("présentation"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'en-tête"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l'image d'en-tête"),
        max_length=250,
        blank=True,
        help_text=_("Laissez vide si l'image est purement décorative."),
    )
    key_figures_title = models.CharField(
        _("titre des chiffres clés"), max_length=120, default="Le label en chiffres", blank=True
    )
    # The figures of the latest published édition come from its record (editions app); only
    # their wording is editable here.
    candidatures_figure_label = models.CharField(
        _("libellé du nombre de candidatures"),
        max_length=120,
        blank=True,
        help_text=_(
            "Par défaut : « candidatures en {année} ». Le nombre vient du palmarès de la "
            "dernière édition publiée ; {année} est remplacé par son année."
        ),
    )
    mentions_figure_label = models.CharField(
        _("libellé du nombre de mentions"),
        max_length=120,
        blank=True,
        help_text=_(
            "Par défaut : « mentions spéciales décernées en {année} » (même origine que le "
            "nombre de candidatures)."
        ),
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: other apps hang their own index pages under the home page.

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(["tagline", "intro", "hero_image", "hero_image_alt"], heading=_("En-tête")),
        MultiFieldPanel(
            [
                "key_figures_title",
                "candidatures_figure_label",
                "mentions_figure_label",
                InlinePanel(
                    "key_figures",
                    label=_("chiffre clé"),
                    help_text=_("Chiffres ajoutés à ceux de la dernière édition publiée."),
                ),
            ],
            heading=_("Chiffres clés"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("tagline"),
        index.SearchField("intro"),
    ]

    class Meta:
        verbose_name = _("page d'accueil")

    def get_social_image(self):
        return self.social_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.latest_public()[:3]
        context["latest_press_releases"] = PressReleasePage.objects.latest_public()[:3]
        context["key_figures"] = self.key_figures.all()
        return context


class HomeKeyFigure(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=20, help_text=_("Par exemple : 24"))
    label = models.CharField(_("libellé"), max_length=120)

    panels = ["value", "label"]

    class Meta(Orderable.Meta):
        verbose_name = _("chiffre clé")
        verbose_name_plural = _("chiffres clés")

    def __str__(self):
        return f"{self.value} {self.label}"


class StandardPage(SocialImageMixin, Page):  # noqa: DJ008
    intro = models.TextField(_("chapô"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")
