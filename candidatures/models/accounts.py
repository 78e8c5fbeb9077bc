"""Applicant accounts: a profile beside Django's User, the bodies a user acts for, invitations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_VALIDITY = timedelta(days=7)


class ApplicantProfile(models.Model):
    """What Django's User lacks for an applicant: a phone number and the verified address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applicant_profile"
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email_verified_at = models.DateTimeField(_("adresse vérifiée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("profil de candidat")
        verbose_name_plural = _("profils de candidats")

    def __str__(self):
        return str(self.user)


class MembershipRole(models.TextChoices):
    MANAGER = "manager", _("Responsable du compte")
    MEMBER = "member", _("Membre")


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


class Membership(models.Model):
    """A user acting for a body (collectivité); a body has several users."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    collectivite = models.ForeignKey(
        "editions.Collectivite", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membre d'une collectivité")
        verbose_name_plural = _("membres des collectivités")
        constraints = [
            models.UniqueConstraint(fields=["user", "collectivite"], name="unique_membership")
        ]

    def __str__(self):
        return f"{self.user} — {self.collectivite}"


def new_invitation_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + INVITATION_VALIDITY


class Invitation(models.Model):
    """An emailed invitation to act for a body; accepted by an existing or a new account."""

    email = models.EmailField(_("adresse électronique"))
    collectivite = models.ForeignKey(
        "editions.Collectivite", on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} — {self.collectivite}"

    def is_expired(self, now=None):
        return (now or timezone.now()) >= self.expires_at


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    CONFIRMED = "confirmed", _("Confirmée")
    REFUSED = "refused", _("Refusée")


class ClaimMethod(models.TextChoices):
    STAFF = "staff", _("Par l'équipe du label")
    DOMAIN = "domain", _("Adresse sur le domaine de l'organisme")


class BodyClaimQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ClaimStatus.PENDING)

    def confirmed(self):
        return self.filter(status=ClaimStatus.CONFIRMED)


class BodyClaim(models.Model):
    """Someone asking to manage a body: its first account, or a request for access while the
    body has no confirmed manager. A body with a pending claim and none confirmed may draft but
    not submit; staff confirm or refuse (candidatures.viewsets_claims), or the claim is
    confirmed at once when the requester's verified address is on the body's known domain."""

    collectivite = models.ForeignKey(
        "editions.Collectivite",
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("organisme"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="body_claims",
        verbose_name=_("demandeur"),
    )
    is_first_account = models.BooleanField(
        _("première inscription"),
        default=True,
        help_text=_("Sinon : demande d'accès à un organisme déjà inscrit par un autre compte."),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.PENDING
    )
    method = models.CharField(
        _("confirmée"), max_length=20, choices=ClaimMethod.choices, blank=True
    )
    function = models.CharField(
        _("fonction"),
        max_length=150,
        blank=True,
        help_text=_("Dans l'organisme, selon le demandeur (ex. : DSI, secrétaire de mairie)."),
    )
    note = models.TextField(_("message à l'équipe"), max_length=1000, blank=True)
    proposed_website = models.URLField(
        _("site web indiqué"),
        blank=True,
        help_text=_("Indiqué par le demandeur ; enregistré sur l'organisme une fois confirmé."),
    )
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("décidée par"),
    )

    objects = BodyClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande de gestion d'un organisme")
        verbose_name_plural = _("demandes de gestion des organismes")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "collectivite"],
                condition=models.Q(status="pending"),
                name="unique_pending_body_claim",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.collectivite}"


class ReferentNotice(models.Model):
    """A référent named in a dossier was told so (once per dossier and address)."""

    candidature = models.ForeignKey(
        "candidatures.Candidature", on_delete=models.CASCADE, related_name="referent_notices"
    )
    email = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("avis à un référent")
        verbose_name_plural = _("avis aux référents")
        constraints = [
            models.UniqueConstraint(fields=["candidature", "email"], name="unique_referent_notice")
        ]

    def __str__(self):
        return self.email
