"""Import an édition's past results from a CSV in the open-data format (the éditions 2016-2020).

Columns (header row, UTF-8): ``name``, ``kind`` and ``level`` are required; ``insee_code``,
``siren``, ``departement``, ``region``, ``population``, ``population_year`` are optional. An empty
``level`` records a candidature that was not labelled. Bodies are matched by SIREN, then INSEE
code, then name; a new body takes its codes from the reference territories when they are known.
``population`` and ``population_year`` are the figure as of that édition: they go on the result
(and on a body created by the import). Running it again updates the same rows.
"""

import csv

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Collectivite, CollectiviteKind, Result, Territory

OPTIONAL = ["departement", "region"]
FIGURES = ["population", "population_year"]


class ResultImportError(ValueError):
    """A row that cannot be imported; the message names the line."""


def _figures(row, line):
    """The row's population and its year, as integers (empty: unknown)."""
    values = {}
    for field in FIGURES:
        raw = (row.get(field) or "").strip()
        if raw and not (raw.isascii() and raw.isdigit()):
            raise ResultImportError(
                _("Ligne %(line)s : %(field)s doit être un nombre entier.")
                % {"line": line, "field": field}
            )
        values[field] = int(raw) if raw else None
    return values


def _body(row, figures):
    siren, insee, name = row.get("siren", ""), row.get("insee_code", ""), row["name"].strip()
    body = (
        (siren and Collectivite.objects.filter(siren=siren).first())
        or (insee and Collectivite.objects.filter(insee_code=insee, kind=row["kind"]).first())
        or Collectivite.objects.filter(name=name).first()
    )
    if body:
        return body
    territory = Territory.objects.filter(siren=siren).first() if siren else None
    territory = territory or (Territory.objects.filter(insee_code=insee).first() if insee else None)
    if territory:
        return Collectivite.from_territory(territory, name=name, kind=row["kind"])
    values = {"name": name, "kind": row["kind"], "siren": siren, "insee_code": insee}
    for field in OPTIONAL:
        if row.get(field):
            values[field] = row[field]
    return Collectivite.objects.create(**values, **figures)


@transaction.atomic
def import_results(edition, handle):
    levels = {str(level.number): level for level in edition.levels.all()}
    count = 0
    for line, row in enumerate(csv.DictReader(handle), start=2):
        if not row.get("name", "").strip():
            raise ResultImportError(_("Ligne %(line)s : le nom est vide.") % {"line": line})
        if row.get("kind") not in CollectiviteKind.values:
            raise ResultImportError(_("Ligne %(line)s : type inconnu.") % {"line": line})
        number = (row.get("level") or "").strip()
        if number and number not in levels:
            raise ResultImportError(
                _("Ligne %(line)s : le niveau %(level)s n'existe pas dans cette édition.")
                % {"line": line, "level": number}
            )
        figures = _figures(row, line)
        known = {k: v for k, v in figures.items() if v is not None}
        Result.objects.update_or_create(
            edition=edition,
            collectivite=_body(row, figures),
            defaults={"level": levels.get(number), **known},
        )
        count += 1
    return count
