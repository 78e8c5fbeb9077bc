"""What the label team configures per édition: the self-assessment and its questions.

Each question belongs to one of the édition's criteria domains and offers answers ordered from
the least to the most advanced practice (one per line): the first counts 0, the last the full
mark. ``advice`` says what would raise the body's standing when it did not pick the last answer.
``questionnaire_key`` names the questionnaire question (its stable key, see
candidatures.models.questionnaire) that the answer prefills when the visitor starts a dossier:
a key, not a foreign key, because the record (editions) never depends on the process.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from editions.models import CriteriaDomain, Edition

DEFAULT_DISCLAIMER = _(
    "Ce résultat est indicatif et n'engage pas le label : seul le jury décide du niveau "
    "attribué, au vu du dossier complet."
)


class SelfAssessmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class SelfAssessment(ClusterableModel):
    edition = models.OneToOneField(
        Edition,
        verbose_name=_("édition"),
        on_delete=models.CASCADE,
        related_name="self_assessment",
    )
    is_published = models.BooleanField(
        _("proposée au public"),
        default=True,
        help_text=_("Décocher pour préparer les questions sans les montrer sur /auto-evaluation/."),
    )
    intro = models.TextField(_("présentation"), blank=True)
    disclaimer = models.TextField(
        _("avertissement"),
        blank=True,
        help_text=_("Laisser vide pour le texte par défaut : seul le jury décide du niveau."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-edition__year"]
        verbose_name = _("auto-évaluation")
        verbose_name_plural = _("auto-évaluations")

    def __str__(self):
        return _("Auto-évaluation %(year)s") % {"year": self.edition.year}

    @property
    def disclaimer_text(self):
        return self.disclaimer or DEFAULT_DISCLAIMER


class SelfAssessmentQuestion(Orderable):
    assessment = ParentalKey(SelfAssessment, on_delete=models.CASCADE, related_name="questions")
    domain = models.ForeignKey(
        CriteriaDomain,
        verbose_name=_("domaine de critères"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("aide"), max_length=500, blank=True)
    choices = models.TextField(
        _("réponses proposées"),
        help_text=_(
            "Une réponse par ligne, de la moins avancée à la plus avancée : la première compte "
            "0, la dernière compte le maximum."
        ),
    )
    advice = models.TextField(
        _("pour progresser"),
        blank=True,
        help_text=_("Montré quand la réponse choisie n'est pas la plus avancée."),
    )
    questionnaire_key = models.CharField(
        _("question du questionnaire à préremplir"),
        max_length=80,
        blank=True,
        help_text=_(
            "La clé de la question du questionnaire de candidature que cette réponse préremplit "
            "(laisser vide si aucune)."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question d'auto-évaluation")
        verbose_name_plural = _("questions d'auto-évaluation")

    def __str__(self):
        return self.label

    @property
    def choice_list(self):
        return split_lines(self.choices)

    def clean(self):
        super().clean()
        if len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Proposez au moins deux réponses, une par ligne.")})
        assessment = getattr(self, "assessment", None)
        if (
            self.domain_id
            and assessment is not None
            and assessment.edition_id
            and self.domain.edition_id != assessment.edition_id
        ):
            raise ValidationError(
                {"domain": _("Ce domaine de critères appartient à une autre édition.")}
            )


def split_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
