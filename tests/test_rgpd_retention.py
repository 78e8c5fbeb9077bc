"""RGPD retention: past RGPD_RETENTION_DAYS, inactive applicant accounts and closed dossiers lose
their personal data (revisions and attachments included); public results, the body and recent
or admin accounts stay; the command and its daily timer exist."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Revision

from candidatures.models import Attachment, Candidature, CandidatureStatus
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature
from editions.models import Result

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=3 * 365 + 10)


@pytest.fixture
def old_dossier(edition, people):
    candidature = make_candidature(
        edition,
        people["applicant"],
        name="Commune Ancienne",
        elected_name="Marie Maire",
        elected_email="marie.maire@ville.example",
        elected_phone="0600000000",
        technical_name="Tom Tech",
    )
    candidature.save_revision(user=people["applicant"])
    Attachment.objects.create(
        candidature=candidature,
        question_key="piece",
        file=ContentFile(b"%PDF-1.4\n", name="d.pdf"),
        original_name="d.pdf",
        content_type="application/pdf",
        size=9,
        uploaded_by=people["applicant"],
    )
    level = edition.levels.first()
    result = Result.objects.create(
        edition=edition, collectivite=candidature.collectivite, level=level, public_comment="Bravo"
    )
    Candidature.objects.filter(pk=candidature.pk).update(
        status=CandidatureStatus.PUBLISHED, decision_level=level, updated_at=LONG_AGO
    )
    return candidature, result


def test_old_closed_dossiers_lose_their_referents_and_files_but_results_stay(old_dossier):
    candidature, result = old_dossier
    call_command("apply_retention", verbosity=0)
    candidature.refresh_from_db()
    assert candidature.elected_name == candidature.elected_email == candidature.technical_name == ""
    assert candidature.status == CandidatureStatus.PUBLISHED and candidature.decision_level
    assert candidature.collectivite.name == "Commune Ancienne"
    assert not Attachment.objects.filter(candidature=candidature).exists()
    for revision in Revision.objects.for_instance(candidature):
        assert "Marie Maire" not in str(revision.content)
        assert "marie.maire@ville.example" not in str(revision.content)
    result.refresh_from_db()
    assert result.public_comment == "Bravo" and result.level_id == candidature.decision_level_id


def test_a_recent_or_open_dossier_is_left_alone(edition, people):
    recent = make_candidature(edition, people["applicant"], elected_name="Récente")
    Candidature.objects.filter(pk=recent.pk).update(status=CandidatureStatus.PUBLISHED)
    open_old = make_candidature(edition, people["applicant"], elected_name="En cours")
    Candidature.objects.filter(pk=open_old.pk).update(
        status=CandidatureStatus.EVALUATION, updated_at=LONG_AGO
    )
    call_command("apply_retention", verbosity=0)
    assert Candidature.objects.get(pk=recent.pk).elected_name == "Récente"
    assert Candidature.objects.get(pk=open_old.pk).elected_name == "En cours"


def test_inactive_applicants_are_anonymised_not_recent_ones_nor_staff(people):
    User = get_user_model()
    User.objects.filter(pk__in=[people["applicant"].pk, people["staff"].pk]).update(
        last_login=LONG_AGO
    )
    recent = User.objects.create_user("recent@ville.example", "recent@ville.example", "x")
    call_command("apply_retention", verbosity=0)
    old = User.objects.get(pk=people["applicant"].pk)
    assert old.username == f"anonyme-{old.pk}" and old.email == "" and old.last_name == ""
    assert not old.is_active and not old.has_usable_password()
    assert User.objects.get(pk=people["staff"].pk).username == "equipe"
    assert User.objects.get(pk=recent.pk).email == "recent@ville.example"


@override_settings(RGPD_RETENTION_DAYS=10 * 365)
def test_the_period_is_a_setting(old_dossier):
    candidature, _result = old_dossier
    call_command("apply_retention", verbosity=0)
    candidature.refresh_from_db()
    assert candidature.elected_name == "Marie Maire"


def test_the_command_runs_daily_like_the_other_scheduled_commands():
    timer = Path(settings.BASE_DIR, "deploy/systemd/tnl-scheduled@apply_retention.timer")
    assert "OnCalendar=*-*-* 03:30:00" in timer.read_text()
