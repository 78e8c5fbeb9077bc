"""The permission map against the screens, as each real role, for a dossier in each state: the
map says who may see a dossier; the jury reading, the admin inspect view and the attachment
download answer accordingly (200 or 404/login, never 500). Built once for the module."""

import time

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from candidatures.access import visible_candidatures
from candidatures.models import Attachment
from candidatures.permissions import PERMISSION_MAP, can, role_of
from tests.people import ROLES

STATES = ["draft", "eligibility", "evaluation", "deliberation", "decided"]
USERS = [role for role in ROLES if role != "anonymous"]  # signed-in people of the cast


@pytest.fixture
def world(cast):
    for state in STATES:
        Attachment.objects.create(
            candidature=cast["dossiers"][state],
            question_key="q_strategie",
            file=ContentFile(b"%PDF-1.4 piece", name="piece.pdf"),
            original_name=f"piece-{state}.pdf",
            content_type="application/pdf",
            size=14,
        )
    return cast


def expected_roles():
    return {
        "applicant": "applicant_member",
        "other_applicant": "other",
        "juror": "juror_assigned",
        "juror_free": "juror_not_assigned",
        "juror_conflict": "juror_in_conflict",
        "president": "president",
        "staff": "staff",
        "redacteur": "other",
        "communication": "other",
        "superuser": "superuser",
    }


def check_roles(world):
    for name, role in expected_roles().items():
        for state in STATES:
            expected = role
            if name == "juror" and state in ("draft", "eligibility"):
                expected = "juror_not_assigned"  # assignments start with the evaluation
            assert role_of(world["users"][name], world["dossiers"][state]) == expected


def test_every_role_has_a_row_for_every_action():
    for row in PERMISSION_MAP.values():
        assert set(row) == {"see", "edit", "evaluate", "decide", "publish", "export", "download"}
    assert not PERMISSION_MAP["staff"]["publish"]
    assert not PERMISSION_MAP["president"]["publish"]


def test_roles_and_screens_answer_as_the_map_says(world):
    check_roles(world)
    started = time.monotonic()
    checked = 0
    for name in USERS:
        user = world["users"][name]
        client = Client()
        client.force_login(user)
        admin_access = user.has_perm("wagtailadmin.access_admin")
        for state in STATES:
            dossier = world["dossiers"][state]
            may_see = can(user, "see", dossier)
            staff_side = may_see and role_of(user, dossier) != "applicant_member"
            assert visible_candidatures(user).filter(pk=dossier.pk).exists() == staff_side
            for url in (
                reverse("candidatures_jury:dossier", args=[dossier.pk]),
                reverse("wagtailsnippets_candidatures_candidature:inspect", args=[dossier.pk]),
            ):
                status = client.get(url).status_code
                if staff_side:
                    assert status == 200, (name, state, url, status)
                else:
                    assert status in ((403, 404) if admin_access else (302, 403, 404)), (
                        name,
                        state,
                        url,
                        status,
                    )
                checked += 1
            # Deciding: the president of the édition (and a superuser), in deliberation only;
            # staff only when the jury's settings say so (default no, checked below).
            expected_decide = state == "deliberation" and name in ("president", "superuser")
            assert can(user, "decide", dossier) == expected_decide, (name, state)
            attachment = dossier.attachments.get()
            response = client.get(reverse("candidatures:attachment", args=[attachment.pk]))
            expected = 200 if can(user, "download", dossier) else 404
            assert response.status_code == expected, (name, state, response.status_code)
            checked += 1
    jury = world["jury"]
    jury.staff_may_decide = True
    jury.save(update_fields=["staff_may_decide"])
    for state in STATES:
        expected = state == "deliberation"
        assert can(world["users"]["staff"], "decide", world["dossiers"][state]) == expected
    print(f"\n{checked} answers checked in {time.monotonic() - started:.1f}s")
