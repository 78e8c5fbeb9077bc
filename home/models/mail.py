"""The delivery log of outgoing email: one row per message, one row per attempt to send it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        RETRYING = "retrying", _("nouvel essai prévu")
        SENT = "sent", _("envoyé")
        FAILED = "failed", _("échec définitif")

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    subject = models.CharField(_("objet"), max_length=998)
    recipients = models.JSONField(_("destinataires"), default=list)
    # The message itself (body, alternatives, headers) until it is sent or given up: it may hold
    # a login link, so it is erased then and never shown in the admin.
    message = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("envoi d'email")
        verbose_name_plural = _("journal des envois d'emails")

    def __str__(self):
        return self.subject

    @property
    def recipients_display(self):
        return ", ".join(self.recipients)


class EmailAttempt(models.Model):
    delivery = models.ForeignKey(EmailDelivery, on_delete=models.CASCADE, related_name="tries")
    number = models.PositiveSmallIntegerField(_("essai n°"))
    at = models.DateTimeField(_("le"), auto_now_add=True)
    succeeded = models.BooleanField(_("réussi"), default=False)
    error = models.TextField(_("erreur"), blank=True)

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("essai d'envoi")
        verbose_name_plural = _("essais d'envoi")

    def __str__(self):
        return f"{self.delivery} #{self.number}"
