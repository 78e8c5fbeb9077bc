"""The dossier a body files for one édition, moved by a Wagtail workflow to a decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index


class CandidatureStatus(models.TextChoices):
    """Where a dossier stands, in the words the applicant reads on their dashboard."""

    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Déposé")
    ELIGIBILITY = "eligibility", _("En instruction")
    CHANGES_REQUESTED = "changes_requested", _("Compléments demandés")
    INELIGIBLE = "ineligible", _("Irrecevable")
    EVALUATION = "evaluation", _("En évaluation")
    DELIBERATION = "deliberation", _("En délibération")
    DECIDED = "decided", _("Décision prise")
    PUBLISHED = "published", _("Résultat publié")
    WITHDRAWN = "withdrawn", _("Retiré")


class Candidature(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    edition = models.ForeignKey(
        "editions.Edition",
        verbose_name=_("édition"),
        on_delete=models.PROTECT,
        related_name="candidatures",
    )
    collectivite = models.ForeignKey(
        "editions.Collectivite",
        verbose_name=_("collectivité"),
        on_delete=models.PROTECT,
        related_name="candidatures",
    )
    # The application track chosen at the start (2025 scheme); empty for éditions without any.
    track = models.ForeignKey(
        "editions.ApplicationTrack",
        verbose_name=_("parcours"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="candidatures",
    )
    status = models.CharField(
        _("état"),
        max_length=30,
        choices=CandidatureStatus.choices,
        default=CandidatureStatus.DRAFT,
        db_index=True,
    )

    elected_name = models.CharField(_("nom de l'élu référent"), max_length=200, blank=True)
    elected_role = models.CharField(_("fonction de l'élu référent"), max_length=200, blank=True)
    elected_email = models.EmailField(_("courriel de l'élu référent"), blank=True)
    elected_phone = models.CharField(_("téléphone de l'élu référent"), max_length=30, blank=True)
    technical_name = models.CharField(_("nom du référent technique"), max_length=200, blank=True)
    technical_role = models.CharField(
        _("fonction du référent technique"), max_length=200, blank=True
    )
    technical_email = models.EmailField(_("courriel du référent technique"), blank=True)
    technical_phone = models.CharField(
        _("téléphone du référent technique"), max_length=30, blank=True
    )

    # The questions as they were when the dossier was started, and the answers keyed by question.
    questions = models.JSONField(_("questions"), default=list, blank=True)
    answers = models.JSONField(_("réponses"), default=dict, blank=True)

    decision_level = models.ForeignKey(
        "editions.Level",
        verbose_name=_("niveau attribué"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Laisser vide si la candidature n'est pas labellisée."),
    )
    public_comment = models.TextField(_("appréciation publique du jury"), blank=True)
    # Written by the Recevabilité task (jury issue); shown on the applicant's dashboard.
    changes_requested_message = models.TextField(_("compléments demandés"), blank=True)
    ineligibility_reason = models.TextField(_("motif d'irrecevabilité"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    # Given once, at the first submission (``assign_receipt_number``); kept on resubmission.
    receipt_number = models.CharField(
        _("numéro d'accusé de réception"),
        max_length=30,
        null=True,
        blank=True,
        unique=True,
        editable=False,
    )

    search_fields = [
        index.SearchField("collectivite_name"),
        index.AutocompleteField("collectivite_name"),
        index.FilterField("edition_id"),
        index.FilterField("status"),
        # The admin chooser searches within visible_candidatures(user) (access.py).
        index.FilterField("id"),
        index.FilterField("collectivite_id"),
    ]

    class Meta:
        ordering = ["-edition__year", "collectivite__name"]
        verbose_name = _("candidature")
        verbose_name_plural = _("candidatures")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "collectivite"], name="one_candidature_per_edition"
            )
        ]

    def __str__(self):
        return f"{self.collectivite} — {self.edition.year}"

    # Written by the lifecycle only (``candidatures.lifecycle``), never restored from a revision:
    # the editor, previews and the workflow's final publication read them from the row.
    PUBLISHED_AT_WORKFLOW_END_ONLY = True  # candidatures.lifecycle.finish
    LIFECYCLE_FIELDS = (
        "status",
        "submitted_at",
        "receipt_number",
        "changes_requested_message",
        "ineligibility_reason",
    )

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.LIFECYCLE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def get_preview_template(self, request, mode_name):
        return "candidatures/admin/preview.html"

    def reachable_levels(self):
        """The levels the jury may propose or give: the track's (2025 scheme), else all the
        édition's."""
        if self.track_id:
            return self.track.levels.order_by("number")
        return self.edition.levels.order_by("number")

    def assign_receipt_number(self):
        """Give the dossier its receipt number ("TNL-2027-0042") unless it has one: the year of
        the édition and the dossier's id, so it is unique without a counter to lock."""
        if not self.receipt_number:
            number = receipt_number_for(self.edition.year, self.pk)
            Candidature.objects.filter(pk=self.pk, receipt_number__isnull=True).update(
                receipt_number=number
            )
            self.receipt_number = (
                Candidature.objects.filter(pk=self.pk).values_list("receipt_number", flat=True)
            ).first()
        return self.receipt_number

    @property
    def collectivite_name(self):
        return self.collectivite.name


def receipt_number_for(year, pk):
    return f"TNL-{year}-{pk:04d}"


class CandidatureMention(Orderable):
    """A special mention the jury awards to this candidature, with its citation."""

    candidature = ParentalKey(Candidature, on_delete=models.CASCADE, related_name="mentions")
    mention_type = models.ForeignKey(
        "editions.MentionType",
        verbose_name=_("mention"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    citation = models.TextField(_("citation"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("mention attribuée")
        verbose_name_plural = _("mentions attribuées")

    def __str__(self):
        return str(self.mention_type)
