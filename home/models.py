from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(_("présentation"), blank=True)

    max_count = 1
    content_panels = [*Page.content_panels, "intro"]

    class Meta:
        verbose_name = _("page d'accueil")
