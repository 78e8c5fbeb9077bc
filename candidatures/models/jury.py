"""The jury of an édition, its members, their conflicts of interest, assignments and evaluations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from editions.models import CriteriaDomain

SCORE_MIN, SCORE_MAX = 0, 5


def person_name(user):
    """How a juror (or any person of the process) is shown on every screen, list, chooser and
    history entry: the full name, the login only when no name is known."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class Jury(ClusterableModel):
    """One jury per édition: its members grade the dossiers assigned to them."""

    edition = models.OneToOneField(
        "editions.Edition", verbose_name=_("édition"), on_delete=models.CASCADE, related_name="jury"
    )
    jurors_per_dossier = models.PositiveSmallIntegerField(
        _("jurés par dossier"),
        default=2,
        help_text=_("Nombre d'évaluations demandées par dossier."),
    )
    president_evaluates = models.BooleanField(
        _("le président évalue aussi des dossiers"),
        default=False,
        help_text=_(
            "Par défaut, le président décide sans évaluer : il ne reçoit aucun dossier à noter."
        ),
    )
    staff_may_decide = models.BooleanField(
        _("l'équipe du label peut décider à la place du président"),
        default=False,
        help_text=_("Par défaut, seul le président du jury enregistre le niveau et les mentions."),
    )

    panels = [
        FieldPanel("edition"),
        FieldPanel("jurors_per_dossier"),
        FieldPanel("president_evaluates"),
        FieldPanel("staff_may_decide"),
        InlinePanel("members", label=_("membres"), min_num=1),
    ]

    class Meta:
        ordering = ["-edition__year"]
        verbose_name = _("jury")
        verbose_name_plural = _("jurys")

    def __str__(self):
        return _("Jury %(year)s") % {"year": self.edition.year}

    @property
    def president(self):
        member = self.members.filter(is_president=True).select_related("user").first()
        return member.user if member else None

    def juror_ids(self):
        return list(self.members.values_list("user_id", flat=True))

    def evaluators(self, members=None):
        """The members who receive dossiers to evaluate: everyone but the president, unless the
        jury's settings say he evaluates too. ``members`` may be a prefetched list."""
        members = list(self.members.all()) if members is None else members
        return [m for m in members if self.president_evaluates or not m.is_president]

    @classmethod
    def staff_decides(cls, edition_id):
        """Do this édition's jury settings let label staff decide in the president's place?"""
        return cls.objects.filter(edition_id=edition_id, staff_may_decide=True).exists()


class JuryMember(Orderable):
    jury = ParentalKey(Jury, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juré"),
        on_delete=models.CASCADE,
        related_name="jury_memberships",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    is_president = models.BooleanField(_("président du jury"), default=False)

    panels = [FieldPanel("user"), FieldPanel("organisation"), FieldPanel("is_president")]

    class Meta(Orderable.Meta):
        verbose_name = _("membre du jury")
        verbose_name_plural = _("membres du jury")
        constraints = [
            models.UniqueConstraint(fields=["jury", "user"], name="unique_jury_member"),
            models.UniqueConstraint(
                fields=["jury"], condition=models.Q(is_president=True), name="one_president"
            ),
        ]

    def __str__(self):
        return person_name(self.user)


class ConflictOfInterest(models.Model):
    """A juror's declared link with a body: never assigned its dossiers, cannot open them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juré"),
        on_delete=models.CASCADE,
        related_name="conflicts_of_interest",
    )
    collectivite = models.ForeignKey(
        "editions.Collectivite",
        verbose_name=_("collectivité"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("nature du lien"), max_length=255, blank=True)
    declared_at = models.DateTimeField(_("déclaré le"), default=timezone.now)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "user__username", "collectivite__name"]
        verbose_name = _("conflit d'intérêts")
        verbose_name_plural = _("conflits d'intérêts")
        constraints = [
            models.UniqueConstraint(fields=["user", "collectivite"], name="unique_conflict")
        ]

    def __str__(self):
        return f"{person_name(self.user)} — {self.collectivite}"

    def get_user_display(self):  # the admin's inspect view shows the name, not the login
        return person_name(self.user)


class Assignment(models.Model):
    candidature = models.ForeignKey(
        "candidatures.Candidature",
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juré"),
        on_delete=models.CASCADE,
        related_name="jury_assignments",
    )
    assigned_at = models.DateTimeField(_("attribué le"), default=timezone.now)

    class Meta:
        ordering = ["candidature", "juror__last_name", "juror__first_name", "juror__username"]
        verbose_name = _("attribution")
        verbose_name_plural = _("attributions")
        constraints = [
            models.UniqueConstraint(fields=["candidature", "juror"], name="unique_assignment")
        ]

    def __str__(self):
        return f"{self.candidature} → {person_name(self.juror)}"


class EvaluationQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)


class Evaluation(models.Model):
    """One juror's grading of one dossier: a score per criteria domain and a proposed level.

    ``scores`` maps a criteria domain id (as a string) to an integer from 0 to 5.
    """

    candidature = models.ForeignKey(
        "candidatures.Candidature",
        verbose_name=_("candidature"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juré"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    scores = models.JSONField(_("notes par domaine"), default=dict, blank=True)
    proposed_level = models.ForeignKey(
        "editions.Level",
        verbose_name=_("niveau proposé"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Vide : le juré propose de ne pas labelliser (si niveau choisi)."),
    )
    level_chosen = models.BooleanField(
        _("niveau proposé choisi"),
        default=True,
        help_text=_(
            "Faux tant que le juré n'a choisi ni un niveau ni « ne pas labelliser » (brouillon)."
        ),
    )
    jury_comment = models.TextField(_("commentaire pour le jury"), blank=True)
    applicant_feedback = models.TextField(_("retour pour le candidat"), blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("remise le"), null=True, blank=True)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        ordering = ["candidature", "juror__last_name", "juror__first_name", "juror__username"]
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")
        constraints = [
            models.UniqueConstraint(fields=["candidature", "juror"], name="unique_evaluation")
        ]

    def __str__(self):
        return f"{self.candidature} — {person_name(self.juror)}"

    def get_juror_display(self):  # the admin's inspect view shows the name, not the login
        return person_name(self.juror)

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    def clean(self):
        super().clean()
        errors = {}
        edition_id = self.candidature.edition_id if self.candidature_id else None
        if self.proposed_level_id and self.proposed_level.edition_id != edition_id:
            errors["proposed_level"] = _("Ce niveau n'appartient pas à l'édition du dossier.")
        domain_ids = set()
        if edition_id:
            domain_ids = {
                str(pk)
                for pk in CriteriaDomain.objects.filter(edition_id=edition_id).values_list(
                    "pk", flat=True
                )
            }
        for key, value in (self.scores or {}).items():
            if str(key) not in domain_ids:
                errors["scores"] = _("Domaine de critères inconnu pour cette édition.")
            elif not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
                errors["scores"] = _("Chaque note doit être un entier de 0 à 5.")
        if errors:
            raise ValidationError(errors)

    def mean_score(self):
        values = [v for v in (self.scores or {}).values() if isinstance(v, int)]
        return sum(values) / len(values) if values else None
