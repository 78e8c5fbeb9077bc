"""Registering a candidate body: from the official reference data, or described by its SIREN.

The editions app may later offer its own "Collectivite from Territory" service; until then this
module fills a Collectivite from a Territory row itself.
"""

import re

from django.db import IntegrityError, transaction
from django.db.models import Q

from candidatures.models import Membership, MembershipRole
from editions.models import Collectivite, CollectiviteKind, Territory, TerritoryKind

TERRITORY_KINDS = {
    TerritoryKind.COMMUNE: CollectiviteKind.COMMUNE,
    TerritoryKind.EPCI: CollectiviteKind.INTERCOMMUNALITE,
}
SEARCH_LIMIT = 20


class DuplicateBody(Exception):
    def __init__(self, existing):
        super().__init__(str(existing))
        self.existing = existing


def siren_is_valid(siren):
    """Nine digits passing the Luhn check (the INSEE rule for SIREN numbers)."""
    # ASCII digits only: str.isdigit() also accepts "²" or "٣", which int() may then reject.
    if not re.fullmatch(r"[0-9]{9}", siren):
        return False
    total = 0
    for index, char in enumerate(reversed(siren)):
        digit = int(char)
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def search_territories(query):
    """Territories by name, INSEE code, SIREN or postal code; at most SEARCH_LIMIT rows."""
    query = (query or "").strip()
    if len(query) < 2:
        return Territory.objects.none()
    if re.fullmatch(r"[0-9]+", query):
        condition = (
            Q(insee_code__startswith=query)
            | Q(siren__startswith=query)
            | Q(postal_codes__contains=query)
        )
    else:
        condition = Q(name__icontains=query)
    return Territory.objects.filter(condition).order_by("name", "departement_code")[:SEARCH_LIMIT]


def existing_body(insee_code="", siren=""):
    condition = Q(pk__in=[])
    if insee_code:
        condition |= Q(insee_code=insee_code, kind=CollectiviteKind.COMMUNE)
    if siren:
        condition |= Q(siren=siren)
    return Collectivite.objects.filter(condition).first()


def collectivite_from_territory(territory):
    """An unsaved Collectivite filled from the reference data."""
    kind = TERRITORY_KINDS[territory.kind]
    return Collectivite(
        name=territory.name,
        kind=kind,
        insee_code=territory.insee_code if kind == CollectiviteKind.COMMUNE else "",
        siren=territory.siren,
        population=territory.population,
        population_year=territory.population_year,
        departement_code=territory.departement_code,
        departement=territory.departement,
        region_code=territory.region_code,
        region=territory.region,
    )


def register_body(user, collectivite):
    """Save the body and make ``user`` its first member; refuse a body already registered."""
    existing = existing_body(collectivite.insee_code, collectivite.siren)
    if existing:
        raise DuplicateBody(existing)
    try:
        with transaction.atomic():
            collectivite.save()
            Membership.objects.create(
                user=user, collectivite=collectivite, role=MembershipRole.MANAGER
            )
    except IntegrityError as error:  # a concurrent registration of the same body
        existing = existing_body(collectivite.insee_code, collectivite.siren)
        raise DuplicateBody(existing) from error
    return collectivite
