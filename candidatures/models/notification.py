"""Editable email templates, one per event, with French defaults kept in code."""

from django.db import models
from django.template import Context, Template
from django.utils.translation import gettext_lazy as _


class NotificationEvent(models.TextChoices):
    RECEIPT = "receipt", _("Accusé de réception (candidat)")
    CHANGES_REQUESTED = "changes_requested", _("Compléments demandés (candidat)")
    INELIGIBLE = "ineligible", _("Dossier irrecevable (candidat)")
    DECISION_PUBLISHED = "decision_published", _("Décision publiée (candidat)")
    JUROR_ASSIGNED = "juror_assigned", _("Dossier attribué (juré)")
    JUROR_REMINDER = "juror_reminder", _("Rappel des évaluations manquantes (juré)")
    STAFF_NEW_SUBMISSION = "staff_new_submission", _("Nouveau dossier déposé (équipe)")
    STAFF_CONFLICT_DECLARED = (
        "staff_conflict_declared",
        _("Lien d'intérêts déclaré et remplacement du juré (équipe)"),
    )


# Placeholders use Django template syntax; applicant emails never carry an admin link.
DEFAULT_TEMPLATES = {
    NotificationEvent.RECEIPT: (
        "Accusé de réception {{ receipt_number }} de votre candidature {{ edition_year }} au "
        "label TNL",
        "Bonjour,\n\nNous avons bien reçu le dossier de {{ collectivite }} pour l'édition "
        "{{ edition_year }} du label Territoire Numérique Libre.\n\n"
        "Numéro d'accusé de réception : {{ receipt_number }}\n\n"
        "L'équipe du label va vérifier qu'il est complet, puis le jury l'examinera.\n\n"
        "Vos réponses en bref :\n\n{{ answers_summary }}\n\n"
        "Le récapitulatif complet est joint à ce message (PDF) ; il reste téléchargeable depuis "
        "votre espace candidat : {{ recap_pdf_url }}\n\nVous suivez l'avancement du dossier "
        "dans votre espace candidat : {{ applicant_url }}\n\nL'équipe du label",
    ),
    NotificationEvent.CHANGES_REQUESTED: (
        "Des compléments sont demandés pour votre candidature {{ edition_year }}",
        "Bonjour,\n\nL'équipe du label demande des compléments au dossier de {{ collectivite }} :"
        "\n\n{{ message }}\n\nModifiez votre dossier puis déposez-le de nouveau depuis votre "
        "espace candidat : {{ applicant_url }}\n\nL'équipe du label",
    ),
    NotificationEvent.INELIGIBLE: (
        "Votre candidature {{ edition_year }} n'est pas recevable",
        "Bonjour,\n\nLe dossier de {{ collectivite }} pour l'édition {{ edition_year }} n'est pas "
        "recevable, pour la raison suivante :\n\n{{ message }}\n\nPour toute question, répondez à "
        "ce message.\n\nL'équipe du label",
    ),
    NotificationEvent.DECISION_PUBLISHED: (
        "Les résultats {{ edition_year }} du label Territoire Numérique Libre sont publiés",
        "Bonjour,\n\nLe jury a rendu sa décision pour {{ collectivite }} : {{ decision }}.\n\n"
        "Retrouvez le niveau, les mentions et l'appréciation du jury dans votre espace "
        "candidat : {{ applicant_url }}\n\nL'équipe du label",
    ),
    NotificationEvent.JUROR_ASSIGNED: (
        "Un dossier vous est attribué : {{ collectivite }} ({{ edition_year }})",
        "Bonjour,\n\nLe dossier de {{ collectivite }} vous est attribué pour évaluation.\n\n"
        "Votre tableau de bord de juré : {{ admin_url }}\n\nMerci pour votre participation,\n"
        "L'équipe du label",
    ),
    NotificationEvent.JUROR_REMINDER: (
        "Rappel : {{ missing }} évaluation(s) à remettre avant le {{ jury_date }}",
        "Bonjour,\n\nIl vous reste {{ missing }} évaluation(s) à remettre avant la délibération du "
        "{{ jury_date }} :\n{{ dossiers }}\n\nVotre tableau de bord de juré : {{ admin_url }}\n\n"
        "L'équipe du label",
    ),
    NotificationEvent.STAFF_NEW_SUBMISSION: (
        "Nouveau dossier déposé : {{ collectivite }} ({{ edition_year }})",
        "Bonjour,\n\n{{ collectivite }} a déposé son dossier pour l'édition {{ edition_year }}. "
        "Il attend la vérification de recevabilité : {{ admin_url }}\n",
    ),
    NotificationEvent.STAFF_CONFLICT_DECLARED: (
        "Lien d'intérêts déclaré : {{ collectivite }} ({{ edition_year }})",
        "Bonjour,\n\n{{ message }}\n\nLes attributions de l'édition : {{ admin_url }}\n",
    ),
}


class EmailTemplate(models.Model):
    event = models.CharField(
        _("événement"), max_length=40, choices=NotificationEvent.choices, unique=True
    )
    subject = models.CharField(_("objet"), max_length=255)
    body = models.TextField(
        _("texte"),
        help_text=_(
            "Variables disponibles : {{ collectivite }}, {{ edition_year }}, {{ message }}, "
            "{{ decision }}, {{ applicant_url }}, {{ admin_url }}, {{ missing }}, "
            "{{ jury_date }}, {{ dossiers }}."
        ),
    )

    class Meta:
        ordering = ["event"]
        verbose_name = _("modèle de courriel")
        verbose_name_plural = _("modèles de courriels")

    def __str__(self):
        return self.get_event_display()

    @classmethod
    def render(cls, event, context):
        """Return (subject, body) for an event: the edited template, else the default."""
        row = cls.objects.filter(event=event).first()
        subject, body = (row.subject, row.body) if row else DEFAULT_TEMPLATES[event]
        ctx = Context(context, autoescape=False)
        subject = " ".join(Template(subject).render(ctx).split())
        return subject, Template(body).render(ctx)
