"""The label team configures the self-assessment in the admin; an editor is refused."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.utils.module_loading import import_string

from editions.models import Edition
from editions.selfassessment.models import SelfAssessment

pytestmark = pytest.mark.django_db
INDEX = "/admin/selfassessments/"


PERMISSIONS_MIGRATION = "editions.selfassessment.migrations.0002_label_team_permissions"


def member_of(client, group_name, username):
    # A transactional test of another module may have flushed the groups: the data migration
    # (the code under test) gives the label team its permissions again.
    import_string(f"{PERMISSIONS_MIGRATION}.forwards")(apps, None)
    group, _ = Group.objects.get_or_create(name=group_name)
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    return client


def form_data(edition, domain, **question):
    data = {
        "edition": edition.pk,
        "is_published": "on",
        "intro": "",
        "disclaimer": "",
        "questions-TOTAL_FORMS": 1,
        "questions-INITIAL_FORMS": 0,
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
        "questions-0-id": "",
        "questions-0-ORDER": 1,
        "questions-0-DELETE": "",
        "questions-0-domain": domain.pk,
        "questions-0-label": "Utilisez-vous un navigateur libre ?",
        "questions-0-help_text": "",
        "questions-0-choices": "Non\nOui",
        "questions-0-advice": "Installez-le sur les postes.",
        "questions-0-questionnaire_key": "",
    }
    data.update({f"questions-0-{k}": v for k, v in question.items()})
    return data


def test_the_label_team_creates_a_self_assessment(client, assessment):
    staff = member_of(client, "Équipe label", "equipe")
    assert staff.get(INDEX).status_code == 200
    edition = Edition.objects.get(year=2025)
    response = staff.post(INDEX + "new/", form_data(edition, edition.criteria_domains.first()))
    assert response.status_code == 302, response.content.decode()[:3000]
    created = SelfAssessment.objects.get(edition=edition)
    assert created.questions.get().choice_list == ["Non", "Oui"]
    assert staff.get(f"{INDEX}edit/{assessment.pk}/").status_code == 200


def test_a_domain_of_another_edition_or_a_single_answer_is_refused(client, assessment):
    staff = member_of(client, "Équipe label", "equipe")
    edition = Edition.objects.get(year=2025)
    other = Edition.objects.get(year=2021).criteria_domains.first()
    response = staff.post(INDEX + "new/", form_data(edition, other))
    assert response.status_code == 200
    assert "appartient à une autre édition" in response.content.decode()
    response = staff.post(
        INDEX + "new/", form_data(edition, edition.criteria_domains.first(), choices="Oui")
    )
    assert "Proposez au moins deux réponses" in response.content.decode()
    assert not SelfAssessment.objects.filter(edition=edition).exists()


def test_an_editor_is_refused(client, assessment):
    editor = member_of(client, "Rédacteurs", "redacteur")
    assert editor.get(INDEX).status_code in (302, 403)
    assert editor.get(f"{INDEX}edit/{assessment.pk}/").status_code in (302, 403)
    response = editor.post(f"{INDEX}delete/{assessment.pk}/")
    assert response.status_code in (302, 403)
    assert SelfAssessment.objects.filter(pk=assessment.pk).exists()
