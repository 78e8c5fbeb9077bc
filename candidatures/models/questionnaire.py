"""The questionnaire of an édition: sections of typed questions, edited by staff in the admin.

Sections and their questions live in one StreamField (a section block holding a list of question
blocks): Wagtail edits, reorders and collapses nested blocks well, where nested InlinePanels are
fragile. Each question has a stable ``key`` (kept when a questionnaire is copied to the next
édition) so that answers can be matched across éditions. A dossier never reads this model after
it starts: it keeps a frozen JSON copy (see ``freeze``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField

from editions.models import CriteriaDomain


class QuestionType(models.TextChoices):
    SHORT_TEXT = "short_text", _("Texte court")
    LONG_TEXT = "long_text", _("Texte long")
    YES_NO = "yes_no", _("Oui / non")
    SINGLE_CHOICE = "single_choice", _("Choix unique")
    MULTIPLE_CHOICE = "multiple_choice", _("Choix multiple")
    NUMBER = "number", _("Nombre")
    URL = "url", _("Adresse web (URL)")
    FILE = "file", _("Pièce jointe")


CHOICE_TYPES = {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE}


def criteria_domain_choices():
    domains = CriteriaDomain.objects.select_related("edition").order_by(
        "-edition__year", "sort_order"
    )
    return [(str(d.pk), f"{d.edition.year} — {d.name}") for d in domains]


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Intitulé"), max_length=500)
    key = blocks.CharBlock(
        label=_("Clé"),
        required=False,
        max_length=80,
        help_text=_(
            "Identifiant stable, rempli automatiquement. Il relie les réponses d'une édition à "
            "l'autre : ne le changez que si la question change de sens."
        ),
    )
    type = blocks.ChoiceBlock(label=_("Type"), choices=QuestionType.choices, default="short_text")
    help_text = blocks.TextBlock(label=_("Aide"), required=False)
    required = blocks.BooleanBlock(label=_("Réponse obligatoire"), required=False)
    choices = blocks.TextBlock(
        label=_("Choix proposés"),
        required=False,
        help_text=_("Un choix par ligne (questions à choix unique ou multiple)."),
    )
    criteria_domain = blocks.ChoiceBlock(
        label=_("Domaine de critères"), choices=criteria_domain_choices, required=False
    )

    class Meta:
        icon = "help"
        label = _("Question")
        label_format = "{label}"
        collapsed = True


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre de la section"), max_length=200)
    key = blocks.CharBlock(label=_("Clé"), required=False, max_length=80)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Section")
        label_format = "{title}"


class Questionnaire(models.Model):
    """One per édition, or one per application track when the édition has tracks (2025
    scheme: the Badge's short questionnaire beside the Label's full one)."""

    edition = models.ForeignKey(
        "editions.Edition",
        verbose_name=_("édition"),
        on_delete=models.CASCADE,
        related_name="questionnaires",
    )
    track = models.OneToOneField(
        "editions.ApplicationTrack",
        verbose_name=_("parcours"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questionnaire",
        help_text=_("Vide : le questionnaire unique d'une édition sans parcours."),
    )
    intro = models.TextField(_("présentation"), blank=True)
    sections = StreamField(
        [("section", SectionBlock())], verbose_name=_("sections"), blank=True, use_json_field=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-edition__year", "track__sort_order"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["edition"],
                condition=models.Q(track__isnull=True),
                name="one_questionnaire_without_track",
            )
        ]

    def __str__(self):
        if self.track_id:
            return _("Questionnaire %(year)s — %(track)s") % {
                "year": self.edition.year,
                "track": self.track.name,
            }
        return _("Questionnaire %(year)s") % {"year": self.edition.year}

    def clean(self):
        super().clean()
        if self.track_id and self.edition_id and self.track.edition_id != self.edition_id:
            raise ValidationError({"track": _("Ce parcours appartient à une autre édition.")})
        self.fill_keys()
        own_domains = {
            str(pk)
            for pk in CriteriaDomain.objects.filter(edition_id=self.edition_id).values_list(
                "pk", flat=True
            )
        }
        seen = set()
        for section in self.sections:
            for question in section.value["questions"]:
                if question["key"] in seen:
                    raise ValidationError(
                        _("Deux questions portent la même clé « %(key)s ».")
                        % {"key": question["key"]}
                    )
                seen.add(question["key"])
                if question["criteria_domain"] and question["criteria_domain"] not in own_domains:
                    raise ValidationError(
                        _(
                            "La question « %(label)s » renvoie au domaine de critères d'une autre "
                            "édition."
                        )
                        % {"label": question["label"]}
                    )
                if question["type"] in CHOICE_TYPES and not split_choices(question["choices"]):
                    raise ValidationError(
                        _("La question « %(label)s » attend au moins un choix.")
                        % {"label": question["label"]}
                    )

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self):
        """Give every section and question without a key one derived from its title."""
        taken = {q["key"] for s in self.sections for q in s.value["questions"] if q["key"]}
        for index, section in enumerate(self.sections, start=1):
            if not section.value["key"]:
                section.value["key"] = slugify(section.value["title"])[:60] or f"section-{index}"
            for question in section.value["questions"]:
                if question["key"]:
                    continue
                base = slugify(question["label"])[:60] or "question"
                key, n = base, 2
                while key in taken:
                    key, n = f"{base}-{n}", n + 1
                question["key"] = key
                taken.add(key)

    def freeze(self):
        """The questions as plain JSON: what a dossier keeps for ever once it starts."""
        self.fill_keys()
        domains = {str(d.pk): d.name for d in CriteriaDomain.objects.filter(edition=self.edition)}
        frozen = []
        for section in self.sections:
            value = section.value
            frozen.append(
                {
                    "key": value["key"],
                    "title": value["title"],
                    "intro": value["intro"],
                    "questions": [
                        {
                            "key": q["key"],
                            "label": q["label"],
                            "type": q["type"],
                            "help_text": q["help_text"],
                            "required": bool(q["required"]),
                            "choices": split_choices(q["choices"])
                            if q["type"] in CHOICE_TYPES
                            else [],
                            "criteria_domain_id": int(q["criteria_domain"])
                            if q["criteria_domain"] in domains
                            else None,
                            "criteria_domain": domains.get(q["criteria_domain"] or "", ""),
                        }
                        for q in value["questions"]
                    ],
                }
            )
        return frozen

    def copy_to(self, edition):
        """A new questionnaire for ``edition`` with the same sections and question keys.

        Criteria domains are matched by name among the new édition's domains (left empty when the
        new édition has no domain of that name).
        """
        old_names = {str(d.pk): d.name for d in CriteriaDomain.objects.filter(edition=self.edition)}
        new_ids = {d.name: str(d.pk) for d in CriteriaDomain.objects.filter(edition=edition)}
        raw = []
        for section in self.sections.raw_data:
            section = {**section, "value": dict(section["value"])}
            questions = []
            for item in section["value"].get("questions", []):
                item = dict(item)
                value = dict(item.get("value", item))
                value["criteria_domain"] = new_ids.get(
                    old_names.get(value.get("criteria_domain") or "", ""), ""
                )
                item["value"] = value
                questions.append(item)
            section["value"]["questions"] = questions
            raw.append(section)
        track = edition.tracks.filter(slug=self.track.slug).first() if self.track_id else None
        copy = Questionnaire(edition=edition, track=track, intro=self.intro)
        copy.sections = raw
        copy.save()
        return copy


def split_choices(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def questionnaire_for(edition, track=None):
    """The questionnaire a dossier of ``edition`` on ``track`` freezes (None: none yet)."""
    return Questionnaire.objects.filter(edition=edition, track=track).first()
