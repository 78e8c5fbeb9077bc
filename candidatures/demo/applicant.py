"""Demo of the applicant space: the open édition's questionnaire and the `candidat` account
acting for a visibly fictitious commune, with a partly answered draft. Idempotent: re-running
creates what is missing and never overwrites what was edited since."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

DEMO_BODY = "Collectivité de démonstration (candidate)"
DOMAINS_2024 = [
    "Stratégie",
    "Bonnes pratiques numériques",
    "Logiciels libres",
    "Écosystème libre",
    "Gestion des données publiques",
]
# (section title, [(label, type, required, choices, help)])
SECTIONS = [
    (
        "Stratégie",
        [
            (
                "Décrivez votre stratégie numérique et la place du logiciel libre",
                "long_text",
                True,
                "",
                "Orientations, délibérations, schéma directeur…",
            ),
            ("Une délibération encadre-t-elle l'usage du logiciel libre ?", "yes_no", True, "", ""),
            ("Délibération ou schéma directeur", "file", False, "", ""),
        ],
    ),
    (
        "Bonnes pratiques numériques",
        [
            (
                "Quels formats ouverts utilisez-vous ?",
                "multiple_choice",
                True,
                "ODF (OpenDocument)\nPDF/A\nCSV\nGeoJSON",
                "",
            ),
            (
                "Votre site respecte-t-il le RGAA ?",
                "single_choice",
                False,
                "Totalement\nPartiellement\nNon\nNon évalué",
                "",
            ),
            ("Actions de sobriété numérique", "long_text", False, "", ""),
        ],
    ),
    (
        "Logiciels libres",
        [
            ("Nombre de postes de travail", "number", True, "", ""),
            ("Logiciels libres utilisés sur les postes et les serveurs", "long_text", True, "", ""),
            ("Part des postes sous système d'exploitation libre (%)", "number", False, "", ""),
        ],
    ),
    (
        "Écosystème libre",
        [
            (
                "Contribuez-vous à des projets libres ou à des mutualisations ?",
                "yes_no",
                True,
                "",
                "",
            ),
            ("Adresse d'un dépôt de code ou d'un projet mutualisé", "url", False, "", ""),
            ("Actions de sensibilisation et de formation", "long_text", False, "", ""),
        ],
    ),
    (
        "Gestion des données publiques",
        [
            ("Publiez-vous des données ouvertes ?", "yes_no", True, "", ""),
            ("Adresse de votre portail de données", "url", False, "", ""),
            ("Nombre de jeux de données publiés", "number", False, "", ""),
        ],
    ),
]

# The Badge track's short questionnaire (2025 scheme, about ten questions). The labels shared
# with the full questionnaire give the same keys, so a switch of track keeps those answers.
BADGE_SECTIONS = [
    (
        "Votre démarche",
        [
            SECTIONS[0][1][0],
            SECTIONS[0][1][1],
            SECTIONS[1][1][0],
            SECTIONS[2][1][0],
            SECTIONS[2][1][1],
        ],
    ),
    (
        "Vos premiers pas",
        [
            SECTIONS[4][1][0],
            SECTIONS[3][1][0],
            ("Vos agents sont-ils formés aux logiciels libres ?", "yes_no", False, "", ""),
            ("Quel est votre prochain projet libre ?", "long_text", True, "", ""),
            ("Adresse de votre site internet", "url", False, "", ""),
        ],
    ),
]
# A second body of the `candidat` account, with no dossier: the demo's start with a track choice.
DEMO_SECOND_BODY = "Syndicat intercommunal de démonstration (candidat)"


def log(stdout, message):
    if stdout:
        stdout.write(message)


def open_or_demo_edition():
    from editions.models import Edition

    for edition in Edition.objects.order_by("-year"):
        if edition.accepts_applications():
            return edition
    edition = Edition.objects.filter(year=2027).first()
    if edition:
        return edition
    now = timezone.now()
    edition = Edition.objects.create(
        year=2027,
        ordinal=12,
        call_opens_at=now - timedelta(days=30),
        deadline=now + timedelta(days=120),
        results_published_at=now + timedelta(days=200),
    )
    edition.add_default_levels()
    return edition


def domains_for(edition):
    from editions.models import CriteriaDomain

    domains = list(edition.criteria_domains.order_by("sort_order", "pk"))
    if not domains:
        domains = [
            CriteriaDomain.objects.create(edition=edition, name=name, sort_order=order)
            for order, name in enumerate(DOMAINS_2024)
        ]
    return domains


def build_questionnaires(edition):
    """The full questionnaire (the Label track's when the édition has tracks) and the Badge's."""
    from candidatures.models import Questionnaire

    tracks = {track.slug: track for track in edition.tracks.all()}
    label, badge = tracks.get("label"), tracks.get("badge")
    # A database loaded before the tracks existed: its questionnaire becomes the Label's.
    if label and not Questionnaire.objects.filter(track=label).exists():
        Questionnaire.objects.filter(edition=edition, track__isnull=True).update(track=label)
    full = build_questionnaire(
        edition,
        SECTIONS,
        "Questionnaire de démonstration, calqué sur les domaines de critères de 2024.",
        track=label,
    )
    if badge:
        build_questionnaire(
            edition,
            BADGE_SECTIONS,
            "Questionnaire simplifié du Badge (démonstration) : une dizaine de questions.",
            track=badge,
        )
    return full


def build_questionnaire(edition, source, intro, track=None):
    from candidatures.models import Questionnaire

    questionnaire = Questionnaire.objects.filter(edition=edition, track=track).first()
    if questionnaire:
        return questionnaire
    domains = domains_for(edition)
    sections = []
    for index, (title, questions) in enumerate(source):
        domain = domains[min(index, len(domains) - 1)]
        sections.append(
            {
                "type": "section",
                "id": str(uuid.uuid4()),
                "value": {
                    "title": title,
                    "key": "",
                    "intro": "",
                    "questions": [
                        {
                            "type": "item",
                            "id": str(uuid.uuid4()),
                            "value": {
                                "label": label,
                                "key": "",
                                "type": kind,
                                "help_text": help_text,
                                "required": required,
                                "choices": choices,
                                "criteria_domain": str(domain.pk),
                            },
                        }
                        for label, kind, required, choices, help_text in questions
                    ],
                },
            }
        )
    questionnaire = Questionnaire(edition=edition, track=track, intro=intro)
    questionnaire.sections = sections
    questionnaire.save()
    return questionnaire


def demo_user():
    User = get_user_model()
    user = User.objects.filter(username="candidat").first()
    if user is None and getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
        user = User.objects.create_user(
            username="candidat",
            email="candidat@demo.invalid",
            password="demo-tnl",
            first_name="Camille",
            last_name="Candidate",
        )
    return user


def confirm_demo_manager(user, body):
    """The demo account's address is verified and label staff confirmed it manages the demo
    body (it may submit; the claims queue shows it as decided)."""
    from django.utils import timezone

    from candidatures.models import ApplicantProfile, BodyClaim, ClaimMethod, ClaimStatus

    profile, _created = ApplicantProfile.objects.get_or_create(user=user)
    if profile.email_verified_at is None:
        profile.email_verified_at = timezone.now()
        profile.save(update_fields=["email_verified_at"])
    BodyClaim.objects.get_or_create(
        user=user,
        collectivite=body,
        status=ClaimStatus.CONFIRMED,
        defaults={"method": ClaimMethod.STAFF, "decided_at": timezone.now()},
    )


def load(stdout=None):
    from candidatures.applicant.drafts import start_dossier
    from candidatures.models import Candidature, Membership, MembershipRole
    from editions.models import Collectivite, CollectiviteKind

    edition = open_or_demo_edition()
    build_questionnaires(edition)
    label = edition.tracks.filter(slug="label").first()
    user = demo_user()
    if user is None:
        log(stdout, "Applicant demo: no `candidat` account (DEMO_ACCOUNTS_ALLOWED is off).")
        return
    body = Collectivite.objects.filter(name=DEMO_BODY).first()
    if body is None:
        body = Collectivite.objects.create(
            name=DEMO_BODY,
            kind=CollectiviteKind.COMMUNE,
            population=4200,
            population_year=2021,
            departement="Département de démonstration",
            region="Région de démonstration",
        )
    Membership.objects.get_or_create(
        user=user, collectivite=body, defaults={"role": MembershipRole.MANAGER}
    )
    confirm_demo_manager(user, body)
    candidature = Candidature.objects.filter(edition=edition, collectivite=body).first()
    if candidature is not None and label and candidature.track_id is None:
        candidature.track = label  # its questions are the full questionnaire's
        candidature.save(update_fields=["track"])
    if candidature is None:
        candidature = start_dossier(user, body, edition, prefill=False, track=label)
        first = candidature.questions[0]["questions"]
        candidature.elected_name = "Dominique Démo"
        candidature.elected_role = "Adjointe au numérique"
        candidature.elected_email = "elue@demo.invalid"
        candidature.technical_name = "Camille Candidate"
        candidature.technical_role = "Responsable des systèmes d'information"
        candidature.technical_email = user.email
        candidature.answers = {
            first[0]["key"]: "Depuis 2019, la commune privilégie le logiciel libre pour "
            "toute nouvelle acquisition (texte de démonstration).",
            first[1]["key"]: "oui",
        }
        candidature.save()
        candidature.save_revision(user=user)
    second = Collectivite.objects.filter(name=DEMO_SECOND_BODY).first()
    if second is None:
        second = Collectivite.objects.create(
            name=DEMO_SECOND_BODY,
            kind=CollectiviteKind.SYNDICAT,
            departement="Département de démonstration",
            region="Région de démonstration",
        )
    Membership.objects.get_or_create(
        user=user, collectivite=second, defaults={"role": MembershipRole.MANAGER}
    )
    log(stdout, f"Applicant demo: `candidat` acts for « {DEMO_BODY} », draft {edition.year}.")
