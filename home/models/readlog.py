"""Who read which personal data, and when (dossier screens, attachment downloads, exports)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataRead(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("consultation")
        DOWNLOAD = "download", _("téléchargement")
        EXPORT = "export", _("export")

    at = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    username = models.CharField(_("identifiant"), max_length=150)  # kept if the account goes
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(_("données"), max_length=255)
    detail = models.CharField(_("détail"), max_length=255, blank=True)
    client = models.CharField(_("adresse du client"), max_length=64, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("consultation de données personnelles")
        verbose_name_plural = _("consultations de données personnelles")

    def __str__(self):
        return f"{self.username} — {self.object_label}"
