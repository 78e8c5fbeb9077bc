"""Import an édition's past results from a CSV in the open-data format (the éditions 2016-2020).

Columns (header row, UTF-8): ``name``, ``kind`` and ``level`` are required; ``insee_code``,
``siren``, ``departement``, ``region``, ``population``, ``population_year`` are optional. An empty
``level`` records a candidature that was not labelled. Bodies are matched by SIREN, then INSEE
code, then name; a new body takes its codes from the reference territories when they are known.
Running it again updates the same rows.
"""

import csv

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Collectivite, CollectiviteKind, Result, Territory

OPTIONAL = ["departement", "region", "population", "population_year"]


class ResultImportError(ValueError):
    """A row that cannot be imported; the message names the line."""


def _body(row):
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
    return Collectivite.objects.create(**values)


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
        Result.objects.update_or_create(
            edition=edition, collectivite=_body(row), defaults={"level": levels.get(number)}
        )
        count += 1
    return count
