"""An applicant's own data: a zip to download (JSON + the files they uploaded), and the deletion
of their account (anonymised: their bodies' dossiers stay, without their name)."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from candidatures.models import ApplicantProfile, Attachment, Candidature, Membership
from candidatures.privacy.retention import CONTACT_FIELDS, anonymise_user

CONTACT_PARTS = ("name", "role", "email", "phone")
ACCOUNT_FIELDS = ["username", "first_name", "last_name", "email", "date_joined", "last_login"]


def dossiers_of(user):
    bodies = Membership.objects.filter(user=user).values("collectivite")
    return Candidature.objects.filter(collectivite__in=bodies).select_related(
        "edition", "collectivite"
    )


def personal_data(user):
    profile = ApplicantProfile.objects.filter(user=user).first()
    return {
        "account": {field: getattr(user, field) for field in ACCOUNT_FIELDS},
        "profile": {
            "phone": profile.phone if profile else "",
            "email_verified_at": profile.email_verified_at if profile else None,
        },
        "memberships": [
            {"body": m.collectivite.name, "role": m.role}
            for m in Membership.objects.filter(user=user).select_related("collectivite")
        ],
        "dossiers": [
            {
                "edition": c.edition.year,
                "body": c.collectivite.name,
                "status": c.status,
                "submitted_at": c.submitted_at,
                "answers": c.answers,
                **{field: getattr(c, field) for field in CONTACT_FIELDS},
            }
            for c in dossiers_of(user)
        ],
    }


def data_archive(user):
    """The zip: ``donnees.json`` and ``pieces/<id>-<name>`` for each file the user uploaded."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "donnees.json",
            json.dumps(personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for attachment in Attachment.objects.filter(uploaded_by=user):
            with attachment.file.open("rb") as handle:
                name = attachment.original_name.replace("/", "_")
                archive.writestr(f"pieces/{attachment.pk}-{name}", handle.read())
    return buffer.getvalue()


@transaction.atomic
def delete_account(user):
    """Remove what names the user from their bodies' dossiers, then anonymise the account."""
    for candidature in dossiers_of(user):
        changes = {}
        for prefix in ("elected", "technical"):
            if user.email and getattr(candidature, f"{prefix}_email").lower() == user.email.lower():
                changes.update(
                    {f"{prefix}_{part}": "" for part in ("name", "role", "email", "phone")}
                )
        if changes:
            Candidature.objects.filter(pk=candidature.pk).update(**changes)
    Candidature.objects.filter(created_by=user).update(created_by=None)
    Membership.objects.filter(user=user).delete()
    anonymise_user(user)
