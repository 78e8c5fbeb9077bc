"""StreamField blocks shared by every page of the site (other apps import them from here)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de niveau 2")), ("h3", _("Titre de niveau 3"))],
        default="h2",
        help_text=_("Respectez l'ordre des titres : un niveau 3 suit toujours un niveau 2."),
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image whose alternative text is required: the RGAA asks for it on every image."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        max_length=250,
        help_text=_("Décrivez ce que l'image apporte au texte (obligatoire)."),
    )
    caption = blocks.CharBlock(label=_("légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Le texte alternatif est obligatoire."))
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"))
    author = blocks.CharBlock(label=_("auteur ou autrice"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "home/blocks/quote.html"


class LinkTargetMixin:
    """Resolve a link that points either to a page or to a URL."""

    @staticmethod
    def link_url(value):
        page = value.get("page")
        if page:
            return page.url
        return value.get("url") or ""


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=200)
    text = blocks.TextBlock(label=_("texte"), required=False)
    button_label = blocks.CharBlock(label=_("libellé du bouton"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page cible"), required=False)
    url = blocks.CharBlock(
        label=_("ou adresse"),
        required=False,
        max_length=500,
        help_text=_("Une adresse du site (/editions/) ou complète (https://...)."),
    )

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "home/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choisissez une page ou une adresse."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["href"] = self.link_url(value)
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("intitulé"), required=False, max_length=200, help_text=_("Par défaut : son titre.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Documents à télécharger")
        template = "home/blocks/document_links.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("réponse"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), required=False, max_length=200)
    items = blocks.ListBlock(FaqItemBlock(), label=_("questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions fréquentes (accordéon)")
        template = "home/blocks/accordion.html"


class CaptionedTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Tableau")
        template = "home/blocks/table.html"


class LegalInformationBlock(blocks.StaticBlock):
    """The publisher, director and host read from the site settings (kept in one place)."""

    class Meta:
        icon = "info-circle"
        label = _("Informations légales (paramètres du site)")
        admin_text = _("Affiche l'éditeur, le directeur de la publication et l'hébergeur.")
        template = "home/blocks/legal_information.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentLinksBlock()
    accordion = AccordionBlock()
    legal_information = LegalInformationBlock()
    table = CaptionedTableBlock(table_options={"contextMenu": True, "startRows": 3, "startCols": 3})

    class Meta:
        label = _("Contenu")
