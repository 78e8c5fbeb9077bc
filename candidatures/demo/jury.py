"""Demo jury work for the open édition (2027): a jury (jure1, jure2, jure3 and the president, who
decides and does not evaluate) and dossiers at each stage of the workflow, so that each demo
account finds work on logging in (and a juror who declares a conflict gets a replacement).

Idempotent: a demo dossier that already exists is left as it is (admin edits are kept); only the
missing pieces are created. Runs after the applicant demo.
"""

import datetime
import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

DEMO_PASSWORD = "demo-tnl"
DOMAINS_2024 = [
    "Stratégie",
    "Bonnes pratiques numériques",
    "Logiciels libres",
    "Écosystème libre",
    "Gestion des données publiques",
]
QUESTIONS = [
    {
        "key": "strategie",
        "title": "Stratégie",
        "questions": [
            {
                "key": "strategie_plan",
                "label": "Votre collectivité a-t-elle une stratégie en faveur du logiciel libre ?",
                "type": "long_text",
                "help_text": "",
                "required": True,
                "choices": [],
            },
            {
                "key": "strategie_deliberation",
                "label": "Cette stratégie a-t-elle été votée ?",
                "type": "yes_no",
                "help_text": "",
                "required": False,
                "choices": [],
            },
            {
                "key": "strategie_piece",
                "label": "Délibération ou schéma directeur (PDF)",
                "type": "file",
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
                "key": "logiciels_postes",
                "label": "Logiciels libres déployés sur les postes de travail",
                "type": "long_text",
                "help_text": "",
                "required": False,
                "choices": [],
            },
        ],
    },
    {
        "key": "donnees",
        "title": "Gestion des données publiques",
        "questions": [
            {
                "key": "donnees_portail",
                "label": "Adresse de votre portail de données ouvertes",
                "type": "url",
                "help_text": "",
                "required": False,
                "choices": [],
            },
        ],
    },
]


def answers(n):
    return {
        "strategie_plan": f"Démonstration {n} : un schéma directeur du numérique libre.",
        "strategie_deliberation": n % 2 == 0,
        "logiciels_postes": "LibreOffice, Firefox, Thunderbird sur tous les postes.",
        "donnees_portail": "https://data.example.org/",
    }


def say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def demo_user(username, group_name, first_name, last_name):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
            return None
        user = User.objects.create_user(
            username=username,
            email=f"{username}@demo.territoire-numerique-libre.org",
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def open_edition():
    from editions.models import CriteriaDomain, Edition, MentionType

    now = timezone.now()
    edition, _ = Edition.objects.get_or_create(
        year=2027,
        defaults={
            "ordinal": 12,
            "call_opens_at": now - datetime.timedelta(days=60),
            "deadline": now + datetime.timedelta(days=60),
            "jury_date": (now + datetime.timedelta(days=90)).date(),
            "results_published_at": now + datetime.timedelta(days=110),
        },
    )
    if not edition.levels.exists():
        edition.add_default_levels()
    if not edition.criteria_domains.exists():
        for order, name in enumerate(DOMAINS_2024):
            CriteriaDomain.objects.create(edition=edition, name=name, sort_order=order)
    if not edition.mention_types.exists():
        from editions.demo.facts import MENTIONS

        for name in MENTIONS[2027]:
            MentionType.objects.create(edition=edition, name=name)
    return edition


DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def demo_attachment(candidature, n, applicant):
    """The answer given as a file: a small PDF on the private storage."""
    from django.core.files.base import ContentFile

    from candidatures.models import Attachment

    name = f"deliberation-demonstration-{n}.pdf"
    Attachment.objects.create(
        candidature=candidature,
        question_key="strategie_piece",
        file=ContentFile(DEMO_PDF, name=name),
        original_name=name,
        content_type="application/pdf",
        size=len(DEMO_PDF),
        uploaded_by=applicant,
    )


def demo_dossier(edition, n, applicant):
    """Return (candidature, created)."""
    from candidatures.models import Candidature, CandidatureStatus
    from editions.models import Collectivite

    name = f"Collectivité de démonstration {n}"
    collectivite = Collectivite.objects.filter(name=name).first() or Collectivite.objects.create(
        name=name,
        kind="commune",
        population=1000 * n,
        population_year=2023,
        departement="Hérault",
        departement_code="34",
        region="Occitanie",
        region_code="76",
    )
    existing = Candidature.objects.filter(edition=edition, collectivite=collectivite).first()
    if existing:
        return existing, False
    candidature = Candidature.objects.create(
        edition=edition,
        collectivite=collectivite,
        # The full questionnaire's dossiers: the Label track when the édition offers tracks.
        track=edition.tracks.filter(slug="label").first(),
        status=CandidatureStatus.SUBMITTED,
        live=False,
        questions=QUESTIONS,
        answers=answers(n),
        created_by=applicant,
        elected_name="Élue de démonstration",
        elected_role="Adjointe au numérique",
        technical_name="Référent de démonstration",
        technical_role="DSI",
        technical_email=f"dossier{n}@demo.territoire-numerique-libre.org",
        submitted_at=timezone.now(),
    )
    candidature.save_revision(user=applicant)
    demo_attachment(candidature, n, applicant)
    return candidature, True


def approve_current(candidature, user):
    state = candidature.current_workflow_task_state
    state.task.specific.approve(state, user)
    candidature.refresh_from_db()


def evaluate(candidature, juror, level_number, score):
    from candidatures.jury.deliberation import submit_evaluation
    from candidatures.models import Evaluation

    edition = candidature.edition
    evaluation, _ = Evaluation.objects.get_or_create(candidature=candidature, juror=juror)
    evaluation.scores = {str(d.pk): score for d in edition.criteria_domains.all()}
    evaluation.proposed_level = edition.levels.filter(number=level_number).first()
    evaluation.jury_comment = "Évaluation de démonstration."
    evaluation.applicant_feedback = "Continuez à partager vos outils avec d'autres collectivités."
    evaluation.save()
    submit_evaluation(evaluation, juror)


def ensure_groups_and_workflow():
    """Re-apply the data migration (idempotent) in case the tables were flushed since."""
    from django.apps import apps

    for name in ("0004_jury_groups_workflow", "0005_no_group_publishes_dossiers"):
        importlib.import_module(f"candidatures.migrations.{name}").forwards(apps, None)


@transaction.atomic
def load(stdout=None):
    from candidatures.lifecycle.workflow import submit_to_workflow
    from candidatures.models import Assignment, Jury, JuryMember

    ensure_groups_and_workflow()
    jure1 = demo_user("jure1", "Jury", "Jeanne", "Jurée")
    jure2 = demo_user("jure2", "Jury", "Paul", "Juré")
    jure3 = demo_user("jure3", "Jury", "Lucie", "Marchand")
    president = demo_user("president", "Président du jury", "Camille", "Présidente")
    if not all((jure1, jure2, jure3, president)):
        say(stdout, "Jury de démonstration : comptes absents et non autorisés, rien à faire.")
        return None
    edition = open_edition()
    jury, _ = Jury.objects.get_or_create(edition=edition)
    for user, is_president in ((jure1, False), (jure2, False), (jure3, False), (president, True)):
        JuryMember.objects.get_or_create(
            jury=jury, user=user, defaults={"is_president": is_president}
        )

    User = get_user_model()
    applicant = User.objects.filter(username="candidat").first()
    staff = (
        User.objects.filter(username="equipe").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )

    # 101: waiting for recevabilité.
    c, created = demo_dossier(edition, 101, applicant)
    if created:
        submit_to_workflow(c, applicant)
    # 102: sent back for changes.
    c, created = demo_dossier(edition, 102, applicant)
    if created:
        submit_to_workflow(c, applicant)
        c.current_workflow_task_state.reject(
            user=staff, comment="Merci de joindre la délibération du conseil municipal."
        )
    # 103 and 104: in evaluation (103 with jure1's evaluation done), 105: in deliberation.
    for n, done in ((103, (jure1,)), (104, ()), (105, (jure1, jure2))):
        c, created = demo_dossier(edition, n, applicant)
        if not created:
            continue
        for juror in (jure1, jure2):
            Assignment.objects.get_or_create(candidature=c, juror=juror)
        submit_to_workflow(c, applicant)
        approve_current(c, staff)
        for juror, level in zip(done, (3, 4), strict=False):
            evaluate(c, juror, level, 3)
    say(
        stdout,
        "Jury de démonstration 2027 : jure1, jure2, jure3, president (mot de passe demo-tnl).",
    )
    return jury
