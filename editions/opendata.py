"""The all-years open data (/donnees/): one row per labelled body and édition, its TableSchema and
its update date. The columns are declared once here: the CSV, the JSON, the schema and the
description on /donnees/ all read ``COLUMNS``. Only ``Result.objects.public()`` rows go out.
"""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, Max, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from .models import CollectiviteKind, Edition, Level, MentionAward, Result

MENTION_SEPARATOR = " ; "


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a TableSchema type
    title: str
    description: str
    constraints: tuple = ()  # (key, value) pairs


COLUMNS = [
    Column("year", "integer", _("Année"), _("Année de l'édition."), (("required", True),)),
    Column("edition_rank", "integer", _("Rang de l'édition"), _("1 pour 2016, 6 pour 2021.")),
    Column(
        "name", "string", _("Organisme"), _("Nom de l'organisme labellisé."), (("required", True),)
    ),
    Column(
        "slug",
        "string",
        _("Identifiant"),
        _("Identifiant stable de l'organisme sur ce site."),
        (("required", True),),
    ),
    Column(
        "kind",
        "string",
        _("Type"),
        _(
            "Type d'organisme : commune, intercommunalite, departement, region, syndicat, "
            "etablissement_public, association ou other."
        ),
        (("enum", tuple(CollectiviteKind.values)),),
    ),
    Column(
        "insee_code",
        "string",
        _("Code INSEE"),
        _("Code officiel géographique de la commune."),
        (("pattern", "[0-9][0-9AB][0-9]{3}"),),
    ),
    Column(
        "siren", "string", _("SIREN"), _("Numéro SIREN de l'organisme."), (("pattern", "[0-9]{9}"),)
    ),
    Column("departement_code", "string", _("Code du département"), _("Code INSEE du département.")),
    Column("departement", "string", _("Département"), _("Nom du département.")),
    Column("region_code", "string", _("Code de la région"), _("Code INSEE de la région.")),
    Column("region", "string", _("Région"), _("Nom de la région.")),
    Column(
        "population",
        "integer",
        _("Population"),
        _("Population de l'organisme telle que connue lors de l'édition (vide si inconnue)."),
        (("minimum", 0),),
    ),
    Column(
        "population_year",
        "integer",
        _("Année de la population"),
        _("Année de référence de cette population (recensement INSEE)."),
    ),
    Column(
        "level",
        "integer",
        _("Niveau"),
        _("Rang du niveau dans le barème de l'édition, 1 étant le plus bas."),
        (("required", True), ("minimum", 1)),
    ),
    Column(
        "level_name",
        "string",
        _("Nom du niveau"),
        _("« Niveau 1 » à « Niveau 5 » jusqu'en 2024 ; Badge, Bronze, Argent, Or depuis 2025."),
        (("required", True),),
    ),
    Column(
        "level_count",
        "integer",
        _("Niveaux du barème"),
        _(
            "Nombre de niveaux du barème de l'édition : deux rangs ne se comparent qu'à "
            "barème égal."
        ),
        (("minimum", 1),),
    ),
    Column(
        "mentions",
        "string",
        _("Mentions spéciales"),
        _("Mentions spéciales reçues lors de l'édition, séparées par « ; »."),
    ),
    Column("url", "string", _("Page"), _("Page de l'organisme sur ce site.")),
]
FIELD_NAMES = [column.name for column in COLUMNS]


def table_schema(request=None):
    """The TableSchema (frictionless) of the CSV, built from ``COLUMNS``."""
    fields = []
    for column in COLUMNS:
        field = {
            "name": column.name,
            "type": column.type,
            "title": str(column.title),
            "description": str(column.description),
        }
        if column.name == "url":
            field["format"] = "uri"
        if column.constraints:
            field["constraints"] = {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in column.constraints
            }
        fields.append(field)
    return {"fields": fields, "missingValues": [""], "primaryKey": ["year", "slug"]}


def _level_count():
    count = (
        Level.objects.filter(edition_id=OuterRef("edition_id"))
        .order_by()
        .values("edition_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(count, output_field=IntegerField())


def rows(build_url):
    """Every public label, oldest édition first (3 queries whatever the number of rows).

    ``build_url`` turns a path into the absolute URL of the body's page.
    """
    results = list(
        Result.objects.public()
        .laureates()
        .select_related("edition", "collectivite", "level")
        .annotate(level_count=_level_count())
        .order_by("edition__year", "collectivite__name", "pk")
    )
    mentions = {}
    for result_id, title in (
        MentionAward.objects.filter(result__in=Result.objects.public().laureates())
        .order_by("mention_type__sort_order", "mention_type__name", "pk")
        .values_list("result_id", "mention_type__name")
    ):
        mentions.setdefault(result_id, []).append(title)
    return [_row(result, mentions.get(result.pk, []), build_url) for result in results]


def _row(result, mentions, build_url):
    body = result.collectivite
    return {
        "year": result.edition.year,
        "edition_rank": result.edition.ordinal,
        "name": body.name,
        "slug": body.slug,
        "kind": body.kind,
        "insee_code": body.insee_code,
        "siren": body.siren,
        "departement_code": body.departement_code,
        "departement": body.departement,
        "region_code": body.region_code,
        "region": body.region,
        "population": result.population,
        "population_year": result.population_year,
        "level": result.level.number,
        "level_name": result.level.name,
        "level_count": result.level_count,
        "mentions": mentions,
        "url": build_url(body.get_absolute_url()),
    }


def csv_row(row):
    return {**row, "mentions": MENTION_SEPARATOR.join(row["mentions"])}


def updated_at():
    """When the public data last changed: a result saved, or an édition's results published."""
    published = Edition.objects.with_public_results()
    last_result = Result.objects.public().laureates().aggregate(last=Max("updated_at"))["last"]
    last_publication = published.aggregate(last=Max("results_published_at"))["last"]
    dates = [d for d in (last_result, last_publication) if d]
    return max(dates) if dates else None
