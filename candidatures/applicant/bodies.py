"""Registering a candidate body: from the official reference data, or described by its SIREN,
and who may manage it (claims).

The editions app may later offer its own "Collectivite from Territory" service; until then this
module fills a Collectivite from a Territory row itself.

**Claims.** The first account of a body becomes its manager at once, so it can draft, but the
body stays *pending* (no submission) until label staff confirm the claim in the admin
(``candidatures.viewsets_claims``), or at once when the account's verified address is on the
body's known domain (the website recorded by staff or the imports, never one typed by the
claimant: that one waits on the claim until staff confirm it). While a body has no confirmed
manager, an access request becomes a claim for staff, never an email to the pending account. A
body with a confirmed manager is joined by invitation (its members receive access requests) or
by staff decision. Bodies registered before claims existed (members, no claim) count as
confirmed.
"""

import re
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from candidatures.applicant.emails import (
    send_access_request_email,
    send_claim_decision_email,
    send_claim_to_staff,
)
from candidatures.models import (
    ApplicantProfile,
    BodyClaim,
    ClaimMethod,
    ClaimStatus,
    Membership,
    MembershipRole,
)
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


def domain_of(url):
    host = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def known_domain(collectivite):
    """The body's own domain from its recorded website ("" when none): ``www.`` dropped."""
    return domain_of(collectivite.website)


def has_verified_address(user):
    return (
        user.is_active
        and ApplicantProfile.objects.filter(user=user, email_verified_at__isnull=False).exists()
    )


def on_domain(user, domain):
    """The account's verified address is at ``domain`` or one of its subdomains."""
    if not domain or "." not in domain or not has_verified_address(user):
        return False
    address_domain = user.email.rpartition("@")[2].lower().rstrip(".")
    return address_domain == domain or address_domain.endswith("." + domain)


def has_confirmed_manager(collectivite):
    claims = BodyClaim.objects.filter(collectivite=collectivite)
    if claims.confirmed().exists():
        return True
    # Registered before claims existed: its members stand.
    return not claims.exists() and collectivite.memberships.exists()


def is_pending(collectivite):
    """Drafting allowed, submitting not: a claim waits and none is confirmed."""
    claims = BodyClaim.objects.filter(collectivite=collectivite)
    return claims.pending().exists() and not claims.confirmed().exists()


def is_unclaimed(collectivite):
    """A record with nobody acting for it (e.g. imported with past results)."""
    return not collectivite.memberships.exists() and not (
        BodyClaim.objects.filter(collectivite=collectivite)
        .filter(status__in=[ClaimStatus.PENDING, ClaimStatus.CONFIRMED])
        .exists()
    )


def claim(user, collectivite, first_account=True, website=""):
    """Record ``user``'s claim on ``collectivite``; confirmed at once on the body's domain."""
    claim, _created = BodyClaim.objects.get_or_create(
        user=user,
        collectivite=collectivite,
        status=ClaimStatus.PENDING,
        defaults={"is_first_account": first_account, "proposed_website": website},
    )
    if on_domain(user, known_domain(collectivite)):
        confirm_claim(claim, by=None, method=ClaimMethod.DOMAIN)
    elif _created:
        send_claim_to_staff(claim)
    return claim


def register_body(user, collectivite):
    """Save the body and make ``user`` its first member (manager, claim pending unless proven
    by the domain); refuse a body already registered by someone. The website typed by the
    claimant of a new body waits on the claim until staff confirm it."""
    existing = existing_body(collectivite.insee_code, collectivite.siren)
    if existing and not is_unclaimed(existing):
        raise DuplicateBody(existing)
    website = ""
    if existing:
        collectivite = existing
    else:
        website, collectivite.website = collectivite.website, ""
    try:
        with transaction.atomic():
            collectivite.save()
            Membership.objects.get_or_create(
                user=user, collectivite=collectivite, defaults={"role": MembershipRole.MANAGER}
            )
            claim(user, collectivite, website=website)
    except IntegrityError as error:  # a concurrent registration of the same body
        existing = existing_body(collectivite.insee_code, collectivite.siren)
        raise DuplicateBody(existing) from error
    return collectivite


def request_access(user, collectivite):
    """An access request: to the body's verified members when it has a confirmed manager
    (returns "members"), else a claim for label staff (returns "staff"), never to a pending
    account."""
    if has_confirmed_manager(collectivite):
        send_access_request_email(collectivite.pk, user.email)
        return "members"
    if not collectivite.memberships.filter(user=user).exists():
        claim(user, collectivite, first_account=False)
    return "staff"


def confirm_claim(claim, by, method=ClaimMethod.STAFF):
    """The claimant manages the body (and its typed website is recorded); it may submit. The
    other pending claims on the body are refused (their authors may be invited by the
    confirmed manager): nobody unconfirmed keeps acting for a body that may now submit."""
    with transaction.atomic():
        claim.status = ClaimStatus.CONFIRMED
        claim.method = method
        claim.decided_at = timezone.now()
        claim.decided_by = by
        claim.save(update_fields=["status", "method", "decided_at", "decided_by"])
        Membership.objects.update_or_create(
            user=claim.user,
            collectivite=claim.collectivite,
            defaults={"role": MembershipRole.MANAGER},
        )
        body = claim.collectivite
        if claim.proposed_website and not body.website:
            body.website = claim.proposed_website
            body.save(update_fields=["website"])
    send_claim_decision_email(claim)
    others = BodyClaim.objects.pending().filter(collectivite=claim.collectivite)
    for other in others.exclude(pk=claim.pk).select_related("user", "collectivite"):
        refuse_claim(other, by)
    return claim


def refuse_claim(claim, by):
    """The claimant does not act for the body: the membership they gave themselves goes (with
    it the drafts' access; the drafts stay with the body); one from an invitation stays."""
    with transaction.atomic():
        claim.status = ClaimStatus.REFUSED
        claim.decided_at = timezone.now()
        claim.decided_by = by
        claim.save(update_fields=["status", "decided_at", "decided_by"])
        Membership.objects.filter(
            user=claim.user, collectivite=claim.collectivite, invited_by__isnull=True
        ).delete()
    send_claim_decision_email(claim)
    return claim


def pending_message(collectivite):
    return _(
        "L'équipe du label n'a pas encore confirmé que vous représentez %(name)s : vous pouvez "
        "préparer le dossier, mais pas encore le déposer. Elle vérifie chaque première "
        "inscription d'un organisme (sous deux jours ouvrés) ; avec une adresse électronique "
        "sur le domaine du site de l'organisme, la confirmation est immédiate."
    ) % {"name": collectivite.name}
