"""Emails: editable templates, right recipients, no admin link for applicants, and a failing
mail server never blocks or loses a transition."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from candidatures.models import (
    CandidatureStatus,
    EmailTemplate,
    Evaluation,
    ReferentNotice,
)
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, submit, verified_member

pytestmark = pytest.mark.django_db

FAILING = {"default": {"BACKEND": "candidatures.tests.failing_mail.FailingBackend"}}


def test_edited_template_is_used(edition, jury, people):
    EmailTemplate.objects.create(
        event="receipt",
        subject="Reçu : {{ collectivite }}",
        body="Merci {{ collectivite }}, édition {{ edition_year }}.",
    )
    candidature = make_candidature(edition, people["applicant"], name="Commune Modèle")
    verified_member(people["applicant"], candidature)
    mail.outbox.clear()
    submit(candidature, people["applicant"])
    receipt = next(m for m in mail.outbox if people["applicant"].email in m.to)
    assert receipt.subject == "Reçu : Commune Modèle"
    assert receipt.body == f"Merci Commune Modèle, édition {edition.year}."
    html, mimetype = receipt.alternatives[0]
    assert mimetype == "text/html" and f"Merci Commune Modèle, édition {edition.year}." in html


def test_recipients_of_a_submission(edition, jury, people):
    candidature = make_candidature(edition, people["applicant"])
    verified_member(people["applicant"], candidature)
    mail.outbox.clear()
    submit(candidature, people["applicant"])
    receipt = next(m for m in mail.outbox if "Accusé de réception" in m.subject)
    # The technical référent has no account: the content goes to the verified member only,
    # the référent is told they were named.
    assert receipt.to == [people["applicant"].email]
    assert "/admin/" not in receipt.body
    notice = next(m for m in mail.outbox if candidature.technical_email in m.to)
    assert "référent" in notice.subject and candidature.collectivite.name in notice.body
    assert ReferentNotice.objects.filter(candidature=candidature).count() == 1
    staff = next(m for m in mail.outbox if "Nouveau dossier" in m.subject)
    assert staff.to == [people["staff"].email]
    assert "/admin/snippets/candidatures/candidature/edit/" in staff.body


def test_jurors_are_told_when_assigned(edition, jury, people):
    candidature = make_candidature(edition, people["applicant"])
    submit(candidature, people["applicant"])
    mail.outbox.clear()
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    assigned = sorted(m.to[0] for m in mail.outbox if "vous est attribué" in m.subject)
    assert assigned == [people["jure1"].email, people["jure2"].email]


def test_remind_jurors_only_those_missing(edition, jury, people):
    candidature = make_candidature(edition, people["applicant"])
    submit(candidature, people["applicant"])
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    Evaluation.objects.create(
        candidature=candidature, juror=people["jure1"], submitted_at="2026-01-01T00:00:00Z"
    )
    mail.outbox.clear()
    call_command("remind_jurors")
    assert [m.to for m in mail.outbox] == [[people["jure2"].email]]
    assert "1 évaluation(s)" in mail.outbox[0].subject


def test_failing_mail_server_never_blocks_a_transition(edition, jury, people, caplog):
    candidature = make_candidature(edition, people["applicant"])
    with override_settings(MAILERS=FAILING):
        submit(candidature, people["applicant"])
        assert candidature.status == CandidatureStatus.ELIGIBILITY
        state = candidature.current_workflow_task_state
        state.task.specific.approve(state, people["staff"])
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.EVALUATION
    assert candidature.assignments.count() == 2
    assert "could not be sent" in caplog.text
