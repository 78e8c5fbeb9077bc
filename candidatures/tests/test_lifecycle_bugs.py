"""Issue 9: each bug found with the demo accounts in their real groups, tested as that person."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from candidatures.models import Assignment, Attachment, ConflictOfInterest
from tests.people import evaluate

pytestmark = pytest.mark.django_db


def snippet_url(name, dossier):
    return reverse(f"wagtailsnippets_candidatures_candidature:{name}", args=[dossier.pk])


@pytest.mark.parametrize("state", ["draft", "eligibility", "evaluation", "deliberation"])
def test_staff_is_never_offered_publish_or_cancel_workflow(client, cast, state):
    client.force_login(cast["users"]["staff"])
    html = client.get(snippet_url("edit", cast["dossiers"][state])).content.decode()
    assert 'name="action-publish"' not in html
    assert "action-cancel-workflow" not in html
    assert "action-restart-workflow" not in html


def test_staff_cannot_publish_a_dossier_in_recevabilite_by_posting(client, cast):
    dossier = cast["dossiers"]["eligibility"]
    client.force_login(cast["users"]["staff"])
    client.post(snippet_url("edit", dossier), {"action-publish": "1"})
    dossier.refresh_from_db()
    assert not dossier.live
    assert dossier.status == "eligibility"
    assert dossier.current_workflow_state is not None


@pytest.mark.parametrize(
    "state,label",
    [("eligibility", "En instruction"), ("evaluation", "En évaluation")],
)
def test_editor_shows_the_real_state(client, cast, state, label):
    client.force_login(cast["users"]["staff"])
    url = snippet_url("edit", cast["dossiers"][state])
    # Staff land on the recevabilité screen for a dossier in recevabilité; the editor itself
    # ("?editeur=1") shows the same state.
    for address in (url, url + "?editeur=1"):
        html = client.get(address, follow=True).content.decode()
        assert label in html
        assert "Déposé" not in html


def test_juror_inspect_hides_the_decision_before_the_results_date(client, cast):
    client.force_login(cast["users"]["juror"])
    response = client.get(snippet_url("inspect", cast["dossiers"]["decided"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Appréciation secrète avant la date" not in html
    assert "Niveau attribué" not in html and "niveau attribué" not in html


@pytest.mark.parametrize(
    "url",
    [
        lambda d: reverse("candidatures_jury:dossier", args=[d.pk]),
        lambda d: snippet_url("inspect", d),
    ],
)
def test_president_never_opens_a_draft(client, cast, url):
    client.force_login(cast["users"]["president"])
    assert client.get(url(cast["dossiers"]["draft"])).status_code == 404


def test_president_never_downloads_a_draft_attachment(client, cast):
    attachment = Attachment.objects.create(
        candidature=cast["dossiers"]["draft"],
        question_key="q_strategie",
        file=ContentFile(b"%PDF-1.4 brouillon", name="plan.pdf"),
        original_name="plan.pdf",
        content_type="application/pdf",
        size=18,
    )
    client.force_login(cast["users"]["president"])
    response = client.get(reverse("candidatures:attachment", args=[attachment.pk]))
    assert response.status_code in (302, 404)
    assert not getattr(response, "streaming", False)


def test_president_as_juror_sees_others_scores_only_after_his_own(client, cast):
    users, dossier = cast["users"], cast["dossiers"]["evaluation"]
    Assignment.objects.create(candidature=dossier, juror=users["president"])
    evaluation = evaluate(dossier, users["juror"], level_number=5, score=3)
    evaluation.jury_comment = "Note confidentielle du juré"
    evaluation.submitted_at = timezone.now()
    evaluation.save()
    client.force_login(users["president"])
    table = client.get(reverse("candidatures_jury:table", args=[cast["edition"].year]))
    decide = client.get(reverse("candidatures_jury:decide", args=[dossier.pk]))
    for response in (table, decide):
        assert response.status_code == 200
        html = response.content.decode()
        assert "Note confidentielle du juré" not in html
        assert "3,00" not in html and "3.00" not in html
        assert str(dossier.edition.levels.get(number=5)) not in html


def test_recap_and_dashboard_agree_before_the_results_date(client, cast):
    client.force_login(cast["users"]["applicant"])
    dossier = cast["dossiers"]["decided"]
    assert dossier.status == "decided"
    recap = client.get(reverse("candidatures:recap", args=[dossier.pk])).content.decode()
    dashboard = client.get(reverse("candidatures:dashboard")).content.decode()
    assert "Décision prise" not in recap
    assert "En délibération" in recap
    assert "Décision prise" not in dashboard


def test_conflict_listing_answers_200_with_a_conflict(client, cast):
    assert ConflictOfInterest.objects.exists()
    client.force_login(cast["users"]["staff"])
    response = client.get("/admin/candidatures/conflictofinterest/")
    assert response.status_code == 200


def test_revision_view_and_workflow_preview_never_500(client, cast):
    dossier = cast["dossiers"]["evaluation"]
    client.force_login(cast["users"]["staff"])
    revision = dossier.get_latest_revision()
    revision_url = reverse(
        "wagtailsnippets_candidatures_candidature:revisions_view", args=[dossier.pk, revision.pk]
    )
    state = dossier.current_workflow_state
    preview_url = reverse(
        "wagtailsnippets_candidatures_candidature:workflow_preview",
        args=[dossier.pk, state.current_task_state.task_id],
    )
    assert client.get(revision_url).status_code == 200
    assert client.get(preview_url).status_code == 200


def test_an_answer_given_as_an_attachment_reads_as_answered(client, cast):
    dossier = cast["dossiers"]["evaluation"]
    dossier.questions[0]["questions"].append(
        {
            "key": "q_schema",
            "label": "Joignez votre schéma directeur",
            "type": "file",
            "help_text": "",
            "required": False,
            "choices": [],
        }
    )
    dossier.save(update_fields=["questions"])
    Attachment.objects.create(
        candidature=dossier,
        question_key="q_schema",
        file=ContentFile(b"%PDF-1.4 schema", name="schema.pdf"),
        original_name="schema-directeur.pdf",
        content_type="application/pdf",
        size=15,
    )
    client.force_login(cast["users"]["juror"])
    html = client.get(reverse("candidatures_jury:dossier", args=[dossier.pk])).content.decode()
    row = html.split("Joignez votre schéma directeur", 1)[1][:600]
    assert "Sans réponse" not in row
    assert "schema-directeur.pdf" in row
