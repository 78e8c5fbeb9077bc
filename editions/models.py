"""The public record: éditions with their level scheme, criteria and mention types, the candidate
bodies, and the published results. Nothing here imports the process (``candidatures``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index

from .calendar import calendar_errors

DEFAULT_LEVELS = [
    (1, _("Niveau 1"), _("Découverte : un premier pas, sans stratégie d'ensemble.")),
    (2, _("Niveau 2"), _("Des actions ponctuelles et ciblées.")),
    (3, _("Niveau 3"), _("Un usage délibéré et régulier du logiciel libre.")),
    (4, _("Niveau 4"), _("Une vraie stratégie d'adoption générale et l'ouverture des données.")),
    (5, _("Niveau 5"), _("Excellence : une très forte implication dans tous les domaines.")),
]


class EditionState(models.TextChoices):
    UPCOMING = "upcoming", _("À venir")
    OPEN = "open", _("Candidatures ouvertes")
    UNDER_REVIEW = "under_review", _("Dossiers en cours d'examen")
    PUBLISHED = "published", _("Résultats publiés")


class EditionQuerySet(models.QuerySet):
    def with_public_results(self, now=None):
        return self.filter(results_published_at__lte=now or timezone.now())

    def open(self, now=None):
        """The éditions accepting applications now (``Edition.state`` is OPEN), latest first:
        the one "which édition is open" query."""
        now = now or timezone.now()
        return (
            self.exclude(results_published_at__lte=now)
            .exclude(deadline__lte=now)
            .filter(
                models.Q(call_opens_at__lte=now)
                | models.Q(call_opens_at__isnull=True, deadline__isnull=False)
            )
            .order_by("-year")
        )


class Edition(index.Indexed, ClusterableModel):
    """One yearly édition of the label. Its state derives from its dates, never stored."""

    year = models.PositiveSmallIntegerField(_("année"), unique=True)
    # The rank among the recorded éditions, kept by save() and renumber_editions(), never typed.
    ordinal = models.PositiveSmallIntegerField(
        _("numéro d'édition"),
        default=0,
        editable=False,
        help_text=_("Calculé : le rang de l'édition parmi celles enregistrées (2021 est la 6e)."),
    )
    intro = models.TextField(_("présentation"), blank=True)
    call_opens_at = models.DateTimeField(_("ouverture des candidatures"), null=True, blank=True)
    deadline = models.DateTimeField(_("date limite de dépôt"), null=True, blank=True)
    jury_date = models.DateField(_("réunion du jury"), null=True, blank=True)
    results_published_at = models.DateTimeField(
        _("publication des résultats"),
        null=True,
        blank=True,
        help_text=_("Aucune décision n'est visible du public avant cette date."),
    )
    # Kept by editions.palmares: when the announcement is planned, when it went out (once).
    palmares_scheduled_for = models.DateTimeField(
        _("annonce du palmarès programmée pour"), null=True, blank=True, editable=False
    )
    palmares_announced_at = models.DateTimeField(
        _("palmarès annoncé le"), null=True, blank=True, editable=False
    )
    ceremony_date = models.DateField(_("date de la cérémonie"), null=True, blank=True)
    ceremony_place = models.CharField(_("lieu de la cérémonie"), max_length=255, blank=True)
    rules_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du règlement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EditionQuerySet.as_manager()

    search_fields = [index.SearchField("year"), index.SearchField("intro")]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")

    def __str__(self):
        return _("Édition %(year)s") % {"year": self.year}

    def clean(self):
        super().clean()
        errors = calendar_errors(
            self.call_opens_at, self.deadline, self.jury_date, self.results_published_at
        )
        if errors:
            raise ValidationError(errors)

    def state(self, now=None):
        now = now or timezone.now()
        if self.results_published_at and now >= self.results_published_at:
            return EditionState.PUBLISHED
        if self.deadline and now >= self.deadline:
            return EditionState.UNDER_REVIEW
        if self.call_opens_at and now >= self.call_opens_at:
            return EditionState.OPEN
        if not self.call_opens_at and self.deadline:
            return EditionState.OPEN
        return EditionState.UPCOMING

    def get_state_display(self):
        return self.state().label

    def results_are_public(self, now=None):
        return self.state(now) == EditionState.PUBLISHED

    def accepts_applications(self, now=None):
        return self.state(now) == EditionState.OPEN

    def save(self, *args, **kwargs):
        self.ordinal = Edition.objects.filter(year__lt=self.year).exclude(pk=self.pk).count() + 1
        super().save(*args, **kwargs)
        renumber_editions()

    def add_default_levels(self):
        """Give a new édition the 1-5 scheme used from 2016 to 2024 (editable afterwards)."""
        for number, name, description in DEFAULT_LEVELS:
            Level.objects.get_or_create(
                edition=self,
                number=number,
                defaults={"name": str(name), "description": str(description), "sort_order": number},
            )

    def add_levels(self):
        """Give a new édition the scheme of the latest earlier one (levels are data: 2025 brought
        Badge, Bronze, Argent, Or), or the 1-5 scheme when no earlier édition has levels."""
        previous = (
            Edition.objects.filter(year__lt=self.year, levels__isnull=False)
            .order_by("-year")
            .first()
        )
        if previous is None:
            return self.add_default_levels()
        for level in previous.levels.order_by("number"):
            Level.objects.get_or_create(
                edition=self,
                number=level.number,
                defaults={
                    "name": level.name,
                    "description": level.description,
                    "sort_order": level.sort_order,
                },
            )

    def get_absolute_url(self):
        return reverse("editions:edition_detail", kwargs={"year": self.year})


def renumber_editions():
    """Each édition's rank among the recorded ones ("6e édition"): from the data, never the year,
    so an édition added or deleted before another moves the later ones."""
    editions = list(Edition.objects.order_by("year").only("pk", "ordinal"))
    changed = []
    for rank, edition in enumerate(editions, start=1):
        if edition.ordinal != rank:
            edition.ordinal = rank
            changed.append(edition)
    Edition.objects.bulk_update(changed, ["ordinal"])


class Level(Orderable):
    """A step of an édition's level scheme: 1 to 5 until 2024, Badge/Bronze/Argent/Or in 2025."""

    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(_("rang"), help_text=_("1 est le plus bas."))
    name = models.CharField(_("nom"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="unique_level_number")
        ]
        verbose_name = _("niveau")
        verbose_name_plural = _("niveaux")

    def __str__(self):
        return self.name


class CriteriaDomain(Orderable):
    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="criteria_domains")
    name = models.CharField(_("nom"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("domaine de critères")
        verbose_name_plural = _("domaines de critères")

    def __str__(self):
        return self.name


class MentionType(Orderable):
    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="mention_types")
    name = models.CharField(_("intitulé"), max_length=150)
    description = models.TextField(_("description"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("mention spéciale")
        verbose_name_plural = _("mentions spéciales")

    def __str__(self):
        return self.name


class CollectiviteKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    INTERCOMMUNALITE = "intercommunalite", _("Intercommunalité")
    DEPARTEMENT = "departement", _("Département")
    REGION = "region", _("Région")
    SYNDICAT = "syndicat", _("Syndicat")
    ETABLISSEMENT_PUBLIC = "etablissement_public", _("Établissement public")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Autre organisme d'intérêt public")


# Paths under /collectivites/ that are not bodies.
RESERVED_SLUGS = {"carte"}


class CollectiviteQuerySet(models.QuerySet):
    def labelled(self, now=None):
        """Bodies with at least one public label: what a public listing or search may show."""
        return self.filter(pk__in=Result.objects.public(now).laureates().values("collectivite_id"))


class Collectivite(index.Indexed, models.Model):
    """A candidate body: a collectivité or any other public-interest body that may apply."""

    name = models.CharField(_("nom"), max_length=255)
    slug = models.SlugField(_("identifiant d'URL"), max_length=255, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=CollectiviteKind.choices)
    insee_code = models.CharField(_("code INSEE"), max_length=5, blank=True, db_index=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, db_index=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("année de référence de la population"), null=True, blank=True
    )
    departement_code = models.CharField(_("code du département"), max_length=3, blank=True)
    departement = models.CharField(_("département"), max_length=100, blank=True)
    region_code = models.CharField(_("code de la région"), max_length=3, blank=True)
    region = models.CharField(_("région"), max_length=100, blank=True)
    seat_insee_code = models.CharField(
        _("code INSEE de la commune du siège"),
        max_length=5,
        blank=True,
        help_text=_(
            "Place l'organisme sur la carte des lauréats quand il n'est pas une commune "
            "(syndicat, association, établissement public…)."
        ),
    )
    website = models.URLField(_("site web"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CollectiviteQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("insee_code"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("collectivité")
        verbose_name_plural = _("collectivités")
        constraints = [
            models.UniqueConstraint(
                fields=["siren"], condition=~models.Q(siren=""), name="unique_collectivite_siren"
            ),
            models.UniqueConstraint(
                fields=["kind", "insee_code"],
                condition=~models.Q(insee_code=""),
                name="unique_collectivite_insee_code",
            ),
        ]
        # The directory filters on these.
        indexes = [models.Index(fields=["region"]), models.Index(fields=["kind"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug(self.name)
        super().save(*args, **kwargs)

    @classmethod
    def unique_slug(cls, name):
        base = slugify(name)[:240] or "collectivite"
        slug, n = base, 2
        while slug in RESERVED_SLUGS or cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def get_absolute_url(self):
        return reverse("editions:collectivite_detail", kwargs={"slug": self.slug})

    @classmethod
    def from_territory(cls, territory, save=True, **fields):
        """A body registered from the official reference data (codes, population and divisions
        filled). An existing body with the same SIREN is updated rather than duplicated."""
        kind = (
            CollectiviteKind.COMMUNE
            if territory.kind == TerritoryKind.COMMUNE
            else CollectiviteKind.INTERCOMMUNALITE
        )
        values = {
            "name": territory.name,
            "kind": kind,
            "insee_code": territory.insee_code,
            "siren": territory.siren,
            "population": territory.population,
            "population_year": territory.population_year,
            "departement_code": territory.departement_code,
            "departement": territory.departement,
            "region_code": territory.region_code,
            "region": territory.region,
            **fields,
        }
        body = cls.objects.filter(siren=territory.siren).first() if territory.siren else None
        body = body or cls()
        for name, value in values.items():
            setattr(body, name, value)
        if save:
            body.save()
        return body


class ResultQuerySet(models.QuerySet):
    def public(self, now=None):
        """Only results of éditions whose publication date has passed: the embargo lives here."""
        return self.filter(edition__results_published_at__lte=now or timezone.now())

    def laureates(self):
        return self.filter(level__isnull=False)


class Result(ClusterableModel):
    """One body's published outcome in one édition: the public record.

    Written by the process when a decision is published (``candidatures``), or imported for the
    éditions that predate the site (2016-2020), so no dossier has to be invented for them.
    ``level`` empty means "not labelled"; such rows count as candidatures but are never listed.
    """

    edition = models.ForeignKey(
        Edition, verbose_name=_("édition"), on_delete=models.CASCADE, related_name="results"
    )
    collectivite = models.ForeignKey(
        Collectivite,
        verbose_name=_("collectivité"),
        on_delete=models.PROTECT,
        related_name="results",
    )
    level = models.ForeignKey(
        Level,
        verbose_name=_("niveau"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
        help_text=_("Laisser vide si l'organisme n'a pas été labellisé."),
    )
    public_comment = models.TextField(_("appréciation publique du jury"), blank=True)
    population = models.PositiveIntegerField(
        _("population lors de l'édition"),
        null=True,
        blank=True,
        help_text=_("Vide : la population de l'organisme, si son année ne dépasse pas l'édition."),
    )
    population_year = models.PositiveSmallIntegerField(
        _("année de référence de la population"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["edition", "-level__number", "collectivite__name"]
        verbose_name = _("résultat")
        verbose_name_plural = _("résultats")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "collectivite"], name="unique_result_per_edition"
            )
        ]

    def __str__(self):
        return f"{self.collectivite} — {self.edition.year}"

    @property
    def is_laureate(self):
        return self.level_id is not None

    def save(self, *args, **kwargs):
        """A new result takes the body's population as of its édition; any save dates the row
        (also a partial one, which the open data's update date relies on)."""
        if self.population is None and self.population_year is None:
            self.population, self.population_year = population_as_of(
                self.collectivite, self.edition.year
            )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.level_id and self.edition_id and self.level.edition_id != self.edition_id:
            raise ValidationError(
                {"level": _("Ce niveau appartient à une autre édition que celle du résultat.")}
            )


def population_as_of(body, year):
    """The body's population and its reference year, if that figure could be known at the
    édition ``year``: a result keeps the figure of its édition (Lettret 2021: 187, year 2018),
    never a later one."""
    if body.population is None or (body.population_year or 0) > year:
        return None, None
    return body.population, body.population_year


class MentionAward(models.Model):
    """A special mention awarded with its citation, attached to a published result."""

    result = ParentalKey(Result, on_delete=models.CASCADE, related_name="mentions")
    mention_type = models.ForeignKey(
        MentionType, verbose_name=_("mention"), on_delete=models.PROTECT, related_name="awards"
    )
    citation = models.TextField(_("citation"), blank=True)

    class Meta:
        verbose_name = _("mention décernée")
        verbose_name_plural = _("mentions décernées")

    def __str__(self):
        return f"{self.mention_type} — {self.result.collectivite}"


class TerritoryKind(models.TextChoices):
    COMMUNE = "commune", _("Commune")
    EPCI = "epci", _("Intercommunalité (EPCI)")


class Territory(index.Indexed, models.Model):
    """Official reference data (communes and EPCI) from ``@etalab/decoupage-administratif``.

    Licence Ouverte 2.0. Used to register a collectivité with its codes and population filled in.
    """

    kind = models.CharField(_("type"), max_length=10, choices=TerritoryKind.choices)
    code = models.CharField(
        _("code"), max_length=9, help_text=_("Code INSEE (commune) ou SIREN (EPCI).")
    )
    name = models.CharField(_("nom"), max_length=255)
    insee_code = models.CharField(_("code INSEE"), max_length=5, blank=True, db_index=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, db_index=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("année de la population"), null=True)
    postal_codes = models.CharField(_("codes postaux"), max_length=255, blank=True)
    departement_code = models.CharField(_("code du département"), max_length=3, blank=True)
    departement = models.CharField(_("département"), max_length=100, blank=True)
    region_code = models.CharField(_("code de la région"), max_length=3, blank=True)
    region = models.CharField(_("région"), max_length=100, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire de référence")
        verbose_name_plural = _("territoires de référence")
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="unique_territory_code")
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return f"{self.name} ({self.departement_code})" if self.departement_code else self.name


class ApplicationTrack(Orderable, ClusterableModel):
    """An application track of an édition (2025 scheme: "Badge", a short questionnaire, beside
    "Label", the full application), with the levels it can reach. An édition without tracks
    has one implicit track: all its levels, one questionnaire (2016-2024)."""

    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(_("nom"), max_length=100)
    slug = models.SlugField(_("identifiant"), max_length=60)
    description = models.TextField(_("description"), blank=True)
    levels = ParentalManyToManyField(
        Level,
        verbose_name=_("niveaux accessibles"),
        related_name="tracks",
        blank=True,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("parcours de candidature")
        verbose_name_plural = _("parcours de candidature")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="unique_track_slug")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:60] or "parcours"
        super().save(*args, **kwargs)
