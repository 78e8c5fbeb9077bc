"""The retention the privacy notice promises: after ``RGPD_RETENTION_DAYS`` (default 3 years)

- an applicant account not used since (last login, or sign-up if never logged in) loses its
  name, address, phone and password and is deactivated; admin accounts are left to the
  administrator;
- a closed dossier (irrecevable, published, withdrawn) not changed since loses the names and
  contacts of its référents, in the dossier and in every revision, and its attachments; the body,
  the answers about the body and the public results (``editions``) stay;
- the delivery and read logs older than that are deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Revision

from candidatures.applicant.drafts import REFERENT_FIELDS
from candidatures.models import ApplicantProfile, Attachment, Candidature, CandidatureStatus
from home.models import EmailDelivery, PersonalDataRead

DEFAULT_RETENTION_DAYS = 3 * 365
CLOSED = [CandidatureStatus.INELIGIBLE, CandidatureStatus.PUBLISHED, CandidatureStatus.WITHDRAWN]
CONTACT_FIELDS = REFERENT_FIELDS  # the référents' names, roles, addresses and phones


def cutoff(now=None):
    days = getattr(settings, "RGPD_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    return (now or timezone.now()) - timedelta(days=days)


def inactive_applicants(before):
    users = get_user_model().objects.filter(is_superuser=False, is_staff=False)
    users = users.exclude(groups__permissions__codename="access_admin")
    users = users.exclude(username__startswith="anonyme-")
    return users.filter(
        Q(last_login__lt=before) | Q(last_login__isnull=True, date_joined__lt=before)
    )


def anonymise_user(user):
    """The account keeps its row (memberships, dossiers' authors) but nothing that names it."""
    user.username = f"anonyme-{user.pk}"
    user.first_name = ""
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    ApplicantProfile.objects.filter(user=user).update(phone="")


def scrub_dossier(candidature):
    Candidature.objects.filter(pk=candidature.pk).update(**dict.fromkeys(CONTACT_FIELDS, ""))
    for revision in Revision.objects.for_instance(candidature):
        content = dict(revision.content)
        if any(content.get(field) for field in CONTACT_FIELDS):
            content.update(dict.fromkeys(CONTACT_FIELDS, ""))
            Revision.objects.filter(pk=revision.pk).update(content=content)
    for attachment in Attachment.objects.filter(candidature=candidature):
        attachment.file.delete(save=False)
        attachment.delete()


def apply_retention(now=None):
    """Returns the counts of what it anonymised or deleted."""
    before = cutoff(now)
    counts = {"accounts": 0, "dossiers": 0, "deliveries": 0, "reads": 0}
    with transaction.atomic():
        for user in inactive_applicants(before).distinct():
            anonymise_user(user)
            counts["accounts"] += 1
        closed = Candidature.objects.filter(status__in=CLOSED, updated_at__lt=before)
        with_data = Q(**{f"{CONTACT_FIELDS[0]}__gt": ""})
        for field in CONTACT_FIELDS[1:]:
            with_data |= Q(**{f"{field}__gt": ""})
        with_data |= Q(attachments__isnull=False)
        for candidature in closed.filter(with_data).distinct():
            scrub_dossier(candidature)
            counts["dossiers"] += 1
        counts["deliveries"] = (
            EmailDelivery.objects.filter(created_at__lt=before)
            .delete()[1]
            .get("home.EmailDelivery", 0)
        )
        counts["reads"] = PersonalDataRead.objects.filter(at__lt=before).delete()[0]
    return counts
