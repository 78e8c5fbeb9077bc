"""Files attached to a dossier, kept on the private storage and served only through a view."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024


def private_storage():
    return storages["private"]


def attachment_path(instance, filename):
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"candidatures/{instance.candidature_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    candidature = models.ForeignKey(
        "candidatures.Candidature", on_delete=models.CASCADE, related_name="attachments"
    )
    question_key = models.CharField(_("question"), max_length=80)
    file = models.FileField(_("fichier"), upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")

    def __str__(self):
        return self.original_name

    def can_be_seen_by(self, user):
        """Members of the body, and staff allowed to read candidatures.

        Also the jurors who may open the dossier in the admin (``candidatures.access``).
        """
        from candidatures.models.accounts import Membership

        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser or user.has_perm("candidatures.change_candidature"):
            return True
        if Membership.objects.filter(
            user=user, collectivite_id=self.candidature.collectivite_id
        ).exists():
            return True
        # Jurors assigned to the dossier (or presiding its édition), never with a conflict.
        from candidatures.access import can_view

        return can_view(user, self.candidature)
