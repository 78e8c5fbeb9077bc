"""The contact page (/contact/): a Wagtail form page that comms staff edit, whose messages are
kept in the admin (Formulaires) and sent to the label's address from a background task."""

import datetime
import logging

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home import contact
from home.models.site_settings import SiteIdentity
from home.tasks import send_email

logger = logging.getLogger(__name__)

RETENTION_DAYS = 365
PRIVACY_NOTICE = (
    "<p>L'association ADULLACT, responsable du traitement, utilise les informations de ce "
    "formulaire pour répondre à votre message, sur la base de votre démarche volontaire "
    "(intérêt légitime). Elles ne sont transmises à personne d'autre et sont conservées un an, "
    "puis supprimées. Vous pouvez y accéder, les faire rectifier ou effacer, vous opposer à leur "
    "traitement en écrivant à l'adresse du label ; en cas de difficulté, vous pouvez saisir la "
    "CNIL (www.cnil.fr). Voir aussi notre "
    '<a href="/confidentialite/">politique de confidentialité</a>.</p>'
)


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractForm):
    intro = RichTextField(_("introduction"), blank=True)
    privacy_notice = RichTextField(
        _("information RGPD"),
        default=PRIVACY_NOTICE,
        help_text=_(
            "Affichée au formulaire : responsable, finalité, base légale, durée de conservation, "
            "droits, CNIL."
        ),
    )
    thank_you_text = RichTextField(_("message de remerciement"), blank=True)
    email_subject = models.CharField(
        _("objet des courriels reçus"),
        max_length=200,
        default="Message reçu par le formulaire de contact",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = [
        FormSubmissionsPanel(),
        *AbstractForm.content_panels,
        "intro",
        InlinePanel("form_fields", label=_("champ du formulaire")),
        "privacy_notice",
        "thank_you_text",
        MultiFieldPanel(
            [FieldPanel("email_subject")],
            heading=_("Courriel"),
            help_text=_(
                "Les messages sont envoyés à l'adresse de contact de l'identité du site "
                "(Paramètres) et conservés ici (Formulaires)."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("page de contact")

    def get_form_class(self):
        return contact.with_honeypot(super().get_form_class())

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if contact.over_limit(request):
            form.is_valid()  # show what was typed, with the message below
            form.add_error(
                None,
                _(
                    "Trop de messages envoyés depuis votre connexion : réessayez dans une heure, "
                    "ou écrivez directement à l'adresse du label. Votre message est conservé "
                    "ci-dessous."
                ),
            )
            return self.render_form(request, form, status=429)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        if form.spam:
            return self.render_landing_page(request, None, *args, **kwargs)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def render_form(self, request, form, status):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        submission = super().process_form_submission(form)
        self.get_submissions().filter(
            submit_time__lt=timezone.now() - datetime.timedelta(days=RETENTION_DAYS)
        ).delete()
        site = self.get_site()
        address = SiteIdentity.for_site(site).contact_email if site else ""
        if not address:
            logger.warning("Contact message %s kept but not sent: no contact address", submission)
            return submission
        send_email.enqueue(
            self.email_subject, self.render_email(form), [address], self.reply_to(form)
        )
        return submission

    def render_email(self, form):
        lines = []
        for name, value in form.cleaned_data.items():
            shown = ", ".join(value) if isinstance(value, list) else value
            lines.append(f"{form.fields[name].label} : {shown}")
        return "\n\n".join(lines) + "\n"

    def reply_to(self, form):
        """The sender's address (the form's first email field), so a reply reaches them."""
        for field in self.get_form_fields():
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name):
                return [form.cleaned_data[field.clean_name]]
        return []
