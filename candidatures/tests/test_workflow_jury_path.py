"""The whole path of a dossier through the "Instruction des candidatures" workflow."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from candidatures.lifecycle.announcement import applicant_feedback
from candidatures.models import Candidature, CandidatureStatus, Evaluation
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, submit, verified_member
from editions.models import Result

pytestmark = pytest.mark.django_db


def workflow_action(client, candidature, action, comment=None):
    """Staff act from the snippet editor, as in the admin (workflow action + save)."""
    url = reverse("wagtailsnippets_candidatures_candidature:edit", args=[candidature.pk])
    data = {
        "action-workflow-action": "on",
        "workflow-action-name": action,
        "workflow-action-extra-data": '{"comment": %s}'
        % ('"' + comment + '"' if comment else '""'),
        "elected_name": candidature.elected_name,
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
        "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000",
    }
    return client.post(url, data)


def evaluate(client, candidature, edition, level_number, scores=(4, 4, 3)):
    domains = list(edition.criteria_domains.all())
    level = edition.levels.get(number=level_number)
    data = {f"score_{d.pk}": str(s) for d, s in zip(domains, scores, strict=True)}
    data.update(
        {
            "proposed_level": str(level.pk),
            "jury_comment": "Dossier solide.",
            "applicant_feedback": "Continuez à publier vos données.",
            "submit": "1",
        }
    )
    return client.post(reverse("candidatures_jury:evaluate", args=[candidature.pk]), data)


def test_workflow_created_by_migration_and_attached_to_candidatures():
    workflow = Candidature.get_default_workflow()
    assert workflow.name == "Instruction des candidatures"
    assert [t.name for t in workflow.tasks] == [
        "Recevabilité",
        "Évaluation du jury",
        "Délibération",
    ]
    assert Workflow.objects.filter(name=workflow.name).count() == 1


def test_whole_path_from_submission_to_public_result(client, edition, jury, people):
    applicant = people["applicant"]
    candidature = make_candidature(edition, applicant, name="Commune de Libreville")
    verified_member(applicant, candidature)
    mail.outbox.clear()
    submit(candidature, applicant)
    assert candidature.status == CandidatureStatus.ELIGIBILITY
    subjects = [m.subject for m in mail.outbox]
    assert any("Accusé de réception" in s for s in subjects)  # receipt to the applicant
    assert any("Nouveau dossier déposé" in s for s in subjects)  # staff notified

    client.force_login(people["staff"])
    response = workflow_action(client, candidature, "approve")
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.EVALUATION
    assert set(candidature.assignments.values_list("juror__username", flat=True)) == {
        "jure1",
        "jure2",
    }

    for name, level in (("jure1", 4), ("jure2", 3)):
        client.force_login(people[name])
        assert evaluate(client, candidature, edition, level).status_code == 302
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DELIBERATION
    assert Evaluation.objects.submitted().filter(candidature=candidature).count() == 2

    client.force_login(people["president"])
    table = client.get(reverse("candidatures_jury:table", args=[edition.year]))
    assert "Commune de Libreville" in table.content.decode()
    mention = edition.mention_types.get()
    level4 = edition.levels.get(number=4)
    response = client.post(
        reverse("candidatures_jury:decide", args=[candidature.pk]),
        {
            "level": str(level4.pk),
            "public_comment": "Une stratégie exemplaire.",
            f"mention_{mention.pk}": "on",
            f"citation_{mention.pk}": "Pour une première candidature remarquable.",
        },
    )
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DECIDED
    assert candidature.live
    assert candidature.decision_level == level4
    assert [m.citation for m in candidature.mentions.all()] == [
        "Pour une première candidature remarquable."
    ]

    # Before the results date: nothing public, nothing announced.
    assert not Result.objects.public().filter(edition=edition).exists()
    assert applicant_feedback(candidature) == []
    call_command("announce_results")
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DECIDED
    public_json = client.get(f"/editions/{edition.year}/resultats.json")
    if public_json.status_code == 200:
        assert "Libreville" not in public_json.content.decode()

    # The results date passes: the decision goes live with the others.
    edition.results_published_at = timezone.now() - datetime.timedelta(minutes=1)
    edition.save()
    mail.outbox.clear()
    call_command("announce_results")
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.PUBLISHED
    assert [m.subject for m in mail.outbox] == [
        f"Les résultats {edition.year} du label Territoire Numérique Libre sont publiés"
    ]
    assert "/admin/" not in mail.outbox[0].body
    assert applicant_feedback(candidature) == ["Continuez à publier vos données."] * 2
    public_json = client.get(f"/editions/{edition.year}/resultats.json")
    if public_json.status_code == 200:  # the editions issue's export, once merged
        assert "Commune de Libreville" in public_json.content.decode()
    result = Result.objects.public().get(edition=edition, collectivite=candidature.collectivite)
    assert result.level == level4
    assert [m.citation for m in result.mentions.all()] == [
        "Pour une première candidature remarquable."
    ]


def test_send_back_path_keeps_message_and_resumes(client, edition, jury, people):
    applicant = people["applicant"]
    candidature = make_candidature(edition, applicant)
    verified_member(applicant, candidature)
    submit(candidature, applicant)
    client.force_login(people["staff"])
    mail.outbox.clear()
    workflow_action(client, candidature, "reject", "Merci de joindre la délibération.")
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.CHANGES_REQUESTED
    assert candidature.changes_requested_message == "Merci de joindre la délibération."
    assert candidature.current_workflow_state.current_task_state.comment == (
        "Merci de joindre la délibération."
    )
    applicant_mails = [m for m in mail.outbox if applicant.email in m.to]
    assert len(applicant_mails) == 1
    assert "Merci de joindre la délibération." in applicant_mails[0].body
    assert "/admin/" not in applicant_mails[0].body  # Wagtail's admin emails are switched off

    # The applicant edits and submits again: back to Recevabilité.
    candidature.answers = {**candidature.answers, "q_strategie": "Complété."}
    candidature.save_revision(user=applicant)
    submit(candidature, applicant)
    assert candidature.status == CandidatureStatus.ELIGIBILITY
    assert candidature.current_workflow_task.name == "Recevabilité"


def test_ineligible_path_closes_the_workflow(client, edition, jury, people):
    applicant = people["applicant"]
    candidature = make_candidature(edition, applicant)
    verified_member(applicant, candidature)
    submit(candidature, applicant)
    client.force_login(people["staff"])
    mail.outbox.clear()
    workflow_action(client, candidature, "ineligible", "Organisme privé : non éligible.")
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.INELIGIBLE
    assert candidature.ineligibility_reason == "Organisme privé : non éligible."
    assert candidature.current_workflow_state is None
    assert not candidature.live
    assert any("Organisme privé" in m.body for m in mail.outbox if applicant.email in m.to)


def test_send_back_requires_a_message(client, edition, jury, people):
    candidature = make_candidature(edition, people["applicant"])
    submit(candidature, people["applicant"])
    client.force_login(people["staff"])
    url = reverse(
        "wagtailsnippets_candidatures_candidature:collect_workflow_action_data",
        args=[candidature.pk, "reject", candidature.current_workflow_task_state.pk],
    )
    response = client.post(url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["step"] == "action"  # the modal is shown again, with the error
    assert "Écrivez le message destiné au candidat." in response.json()["html"]
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.ELIGIBILITY


def test_not_labelled_decision_and_mention_without_citation(client, edition, jury, people):
    from candidatures.jury.deliberation import submit_evaluation

    candidature = make_candidature(edition, people["applicant"])
    submit(candidature, people["applicant"])
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    for assignment in candidature.assignments.select_related("juror"):
        evaluation = Evaluation.objects.create(candidature=candidature, juror=assignment.juror)
        submit_evaluation(evaluation, assignment.juror)
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DELIBERATION
    mention = edition.mention_types.get()
    client.force_login(people["president"])
    url = reverse("candidatures_jury:decide", args=[candidature.pk])
    response = client.post(
        url, {"level": "", "public_comment": "Pas encore.", f"mention_{mention.pk}": "on"}
    )
    assert response.status_code == 400
    assert "Rédigez la citation de cette mention." in response.content.decode()
    assert "Pas encore." in response.content.decode()
    response = client.post(url, {"level": "", "public_comment": "Pas encore."})
    assert response.status_code == 302
    candidature.refresh_from_db()
    assert candidature.status == CandidatureStatus.DECIDED
    assert candidature.decision_level is None and candidature.live


def test_adding_a_jury_member_grants_the_group(edition, people):
    from candidatures.models import Jury, JuryMember
    from candidatures.tests.jury_fixtures import make_user

    newcomer = make_user("nouveau")
    jury = Jury.objects.create(edition=edition)
    JuryMember.objects.create(jury=jury, user=newcomer)
    assert newcomer.groups.filter(name="Jury").exists()
    assert newcomer.has_perm("wagtailadmin.access_admin")
