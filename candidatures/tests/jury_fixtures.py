"""Shared builders for the jury/workflow tests (not a test module itself)."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from candidatures.models import Candidature, CandidatureStatus, Jury, JuryMember
from editions.models import Collectivite, CriteriaDomain, Edition, MentionType

__all__ = ["edition", "jury", "people"]  # fixtures, for star import

_counter = itertools.count(1)

QUESTIONS = [
    {
        "key": "strategie",
        "title": "Stratégie et mutualisation",
        "questions": [
            {
                "key": "q_strategie",
                "label": "Décrivez votre stratégie numérique",
                "type": "long_text",
                "help_text": "",
                "required": True,
                "choices": [],
            },
            {
                "key": "q_mutualisation",
                "label": "Mutualisez-vous des logiciels ?",
                "type": "yes_no",
                "help_text": "",
                "required": False,
                "choices": [],
            },
        ],
    },
    {
        "key": "logiciels",
        "title": "Logiciels libres",
        "questions": [
            {
                "key": "q_os",
                "label": "Systèmes d'exploitation utilisés",
                "type": "multiple_choice",
                "help_text": "",
                "required": False,
                "choices": [
                    {"value": "linux", "label": "GNU/Linux"},
                    {"value": "bsd", "label": "BSD"},
                ],
            },
            {
                "key": "q_site",
                "label": "Page publique de votre politique",
                "type": "url",
                "help_text": "",
                "required": False,
                "choices": [],
            },
        ],
    },
]
ANSWERS = {
    "q_strategie": "Un schéma directeur du numérique libre voté en 2024.",
    "q_mutualisation": True,
    "q_os": ["linux"],
    "q_site": "https://example.org/politique",
}


def make_edition(year=2027, results_in_days=30):
    edition, _ = Edition.objects.get_or_create(
        year=year,
        defaults={
            "ordinal": year - 2015,
            "deadline": timezone.now() - datetime.timedelta(days=1),
            "jury_date": timezone.localdate() + datetime.timedelta(days=3),
            "results_published_at": timezone.now() + datetime.timedelta(days=results_in_days),
        },
    )
    edition.add_default_levels()
    for n, name in enumerate(["Stratégie", "Logiciels libres", "Données publiques"]):
        CriteriaDomain.objects.get_or_create(edition=edition, name=name, defaults={"sort_order": n})
    MentionType.objects.get_or_create(edition=edition, name="Meilleure première candidature")
    return edition


def make_user(username, *groups, email=None, **extra):
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": email or f"{username}@example.org", **extra},
    )
    user.set_password("pw-" + username)
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_jury(edition, jurors, president=None, per_dossier=2):
    jury, _ = Jury.objects.get_or_create(
        edition=edition, defaults={"jurors_per_dossier": per_dossier}
    )
    for user in jurors:
        JuryMember.objects.get_or_create(jury=jury, user=user)
    if president:
        JuryMember.objects.update_or_create(
            jury=jury, user=president, defaults={"is_president": True}
        )
    return jury


def make_candidature(edition, applicant=None, name=None, population=1000, **extra):
    n = next(_counter)
    collectivite = Collectivite.objects.create(
        name=name or f"Collectivité de démonstration {n}",
        kind="commune",
        population=population,
        population_year=2024,
        region="Occitanie",
    )
    candidature = Candidature(
        edition=edition,
        collectivite=collectivite,
        status=CandidatureStatus.SUBMITTED,
        questions=QUESTIONS,
        answers=ANSWERS,
        created_by=applicant,
        technical_email=f"technique{n}@example.org",
        live=False,
        **extra,
    )
    candidature.save()
    candidature.save_revision(user=applicant)
    return candidature


def verified_member(user, candidature):
    """``user`` as the applicant space makes them: a verified address, a member of the body
    (dossier emails go to those only: candidatures.notifications.applicant_recipients)."""
    from django.utils import timezone

    from candidatures.models import ApplicantProfile, Membership

    ApplicantProfile.objects.update_or_create(
        user=user, defaults={"email_verified_at": timezone.now()}
    )
    Membership.objects.get_or_create(user=user, collectivite=candidature.collectivite)
    return user


def submit(candidature, user):
    from candidatures.lifecycle.workflow import submit_to_workflow as do_submit

    state = do_submit(candidature, user)
    candidature.refresh_from_db()
    return state


def make_people():
    staff = make_user("equipe", "Équipe label")
    jure1 = make_user("jure1", "Jury", first_name="Jeanne", last_name="Juré")
    jure2 = make_user("jure2", "Jury", first_name="Paul", last_name="Juré")
    jure3 = make_user("jure3", "Jury")
    president = make_user("president", "Président du jury")
    applicant = make_user("candidat")
    return {
        "staff": staff,
        "jure1": jure1,
        "jure2": jure2,
        "jure3": jure3,
        "president": president,
        "applicant": applicant,
    }


@pytest.fixture
def people(db):
    return make_people()


@pytest.fixture
def edition(db):
    return make_edition()


@pytest.fixture
def jury(edition, people):
    return make_jury(edition, [people["jure1"], people["jure2"]], president=people["president"])
