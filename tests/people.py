"""The people of one édition, each in the real group the migrations create (never a superuser
standing in for staff), and one dossier in each state, built through the real workflow.

Users are created as ``candidatures.demo.jury.demo_user`` and the applicant space do:
``create_user`` then the group the migrations made (``Group.objects.get``, never created here).
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from candidatures.jury.deliberation import record_decision, submit_evaluation
from candidatures.models import (
    ApplicantProfile,
    Assignment,
    Candidature,
    ConflictOfInterest,
    Evaluation,
    Jury,
    JuryMember,
    Membership,
    MembershipRole,
)
from candidatures.tests.jury_fixtures import make_candidature, make_edition, make_jury, submit
from editions.models import Edition
from home.roles import APPLICANTS, COMMUNICATION, EDITORS

STAFF, JURY, PRESIDENT = "Équipe label", "Jury", "Président du jury"
PASSWORD = "pw-people-1234"
ROLES = [
    "anonymous",
    "applicant",
    "other_applicant",
    "juror",
    "juror_free",
    "juror_conflict",
    "president",
    "staff",
    "redacteur",
    "communication",
    "superuser",
]


def person(username, group=None, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def approve(candidature, user):
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, user)
    candidature.refresh_from_db()


def evaluate(candidature, juror, level_number=3, score=2):
    domains = candidature.edition.criteria_domains.all()
    evaluation, _ = Evaluation.objects.get_or_create(candidature=candidature, juror=juror)
    evaluation.scores = {str(d.pk): score for d in domains}
    evaluation.proposed_level = candidature.edition.levels.get(number=level_number)
    evaluation.jury_comment = f"Commentaire de {juror.username}"
    evaluation.save()
    return evaluation


# Each signed-in role of the cast: (username, group).
PEOPLE = {
    "applicant": ("agent-a", APPLICANTS),
    "other_applicant": ("agent-b", APPLICANTS),
    "juror": ("jure-a", JURY),
    "juror_free": ("jure-libre", JURY),
    "juror_conflict": ("jure-lie", JURY),
    "president": ("presidente", PRESIDENT),
    "staff": ("equipe-label", STAFF),
    "redacteur": ("redacteur", EDITORS),
    "communication": ("communication", COMMUNICATION),
}
CAST_YEAR = 2031
STATES = ("draft", "eligibility", "evaluation", "deliberation", "decided")


def build_cast():
    users = {role: person(username, group) for role, (username, group) in PEOPLE.items()}
    users["superuser"] = person("admin", is_superuser=True, is_staff=True)
    for role in ("applicant", "other_applicant"):  # as after the confirmation link
        ApplicantProfile.objects.update_or_create(
            user=users[role], defaults={"email_verified_at": timezone.now()}
        )
    edition = make_edition(year=CAST_YEAR)
    jury = make_jury(
        edition,
        [users["juror"], users["juror_free"], users["juror_conflict"]],
        president=users["president"],
        per_dossier=1,
    )
    applicant = users["applicant"]
    dossiers = {}
    for state in STATES:
        dossier = make_candidature(edition, applicant, name=f"Commune {state}")
        Membership.objects.create(
            user=applicant, collectivite=dossier.collectivite, role=MembershipRole.MANAGER
        )
        ConflictOfInterest.objects.create(
            user=users["juror_conflict"], collectivite=dossier.collectivite, reason="élu"
        )
        dossiers[state] = dossier
    dossiers["draft"].status = "draft"
    dossiers["draft"].save(update_fields=["status"])
    other_body = make_candidature(edition, users["other_applicant"], name="Commune voisine")
    Membership.objects.create(
        user=users["other_applicant"], collectivite=other_body.collectivite, role="manager"
    )
    dossiers["other"] = other_body
    # Only the juror is assigned (juror_free stays unassigned, juror_conflict is in conflict,
    # the president does not evaluate): the others join the jury after the assignment.
    JuryMember.objects.filter(
        jury=jury, user__in=[users["juror_free"], users["president"]]
    ).delete()
    for state in ("eligibility", "evaluation", "deliberation", "decided"):
        submit(dossiers[state], applicant)
    for state in ("evaluation", "deliberation", "decided"):
        approve(dossiers[state], users["staff"])
        assert Assignment.objects.filter(candidature=dossiers[state], juror=users["juror"])
    JuryMember.objects.get_or_create(jury=jury, user=users["juror_free"])
    JuryMember.objects.create(jury=jury, user=users["president"], is_president=True)
    for state in ("deliberation", "decided"):
        submit_evaluation(evaluate(dossiers[state], users["juror"]), users["juror"])
        dossiers[state].refresh_from_db()
    record_decision(
        dossiers["decided"],
        users["president"],
        edition.levels.get(number=4),
        "Appréciation secrète avant la date",
    )
    for dossier in dossiers.values():
        dossier.refresh_from_db()
    return {"users": users, "edition": edition, "jury": jury, "dossiers": dossiers}


def find_cast():
    """The cast :func:`build_cast` made earlier in this transaction, fetched afresh (so a test
    of the group gets objects that no earlier test has changed in memory)."""
    usernames = {role: username for role, (username, _group) in PEOPLE.items()}
    usernames["superuser"] = "admin"
    by_name = get_user_model().objects.in_bulk(usernames.values(), field_name="username")
    edition = Edition.objects.get(year=CAST_YEAR)
    names = {state: f"Commune {state}" for state in STATES} | {"other": "Commune voisine"}
    found = {
        c.collectivite.name: c
        for c in Candidature.objects.filter(edition=edition).select_related("collectivite")
    }
    return {
        "users": {role: by_name[username] for role, username in usernames.items()},
        "edition": edition,
        "jury": Jury.objects.get(edition=edition),
        "dossiers": {key: found[name] for key, name in names.items()},
    }


def results_date_passed(edition):
    edition.results_published_at = timezone.now() - datetime.timedelta(minutes=1)
    edition.save(update_fields=["results_published_at"])
