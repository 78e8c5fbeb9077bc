"""Demo self-assessment of the open édition 2027 (idempotent: created only when missing, so admin
edits are kept). Runs after editions.demo.load (cms/settings/base.py DEMO_LOADERS)."""

from editions.models import Edition

from .models import SelfAssessment, SelfAssessmentQuestion

YEAR = 2027
NO, PLAN, PART, FULL = "Non", "En projet", "Oui, en partie", "Oui, de manière généralisée"
SCALE = "\n".join([NO, PLAN, PART, FULL])
# Domain name (2024 wording) → [(question, advice, questionnaire key), ...]
QUESTIONS = {
    "Stratégie": [
        (
            "Votre politique numérique mentionne-t-elle explicitement le logiciel libre ?",
            "Faites adopter par l'assemblée une délibération ou un schéma directeur qui le dit.",
            "strategie-logiciel-libre",
        ),
        (
            "Un élu et un agent sont-ils chargés de cette politique ?",
            "Nommez un élu référent et un référent technique.",
            "",
        ),
    ],
    "Bonnes pratiques numériques": [
        (
            "Publiez-vous vos documents dans des formats ouverts (ODF, PDF/A, CSV) ?",
            "Suivez le Référentiel général d'interopérabilité (RGI) pour les documents publiés.",
            "formats-ouverts",
        ),
        (
            "Prenez-vous en compte la sobriété numérique dans vos achats ?",
            "Allongez la durée de vie du matériel et inscrivez-la dans vos marchés.",
            "",
        ),
    ],
    "Logiciels libres": [
        (
            "Vos postes de travail utilisent-ils des logiciels libres (bureautique, navigateur) ?",
            "Commencez par la bureautique et le navigateur, avec une formation des agents.",
            "postes-de-travail",
        ),
        (
            "Vos applications métier sont-elles libres ?",
            "Consultez le catalogue du SILL et les solutions mutualisées d'ADULLACT.",
            "",
        ),
    ],
    "Écosystème libre": [
        (
            "Contribuez-vous à des projets libres ou à leur mutualisation ?",
            "Reversez vos développements et rejoignez une communauté d'utilisateurs.",
            "contributions",
        ),
    ],
    "Gestion des données publiques": [
        (
            "Publiez-vous des données ouvertes sous licence ouverte ?",
            "Publiez un premier jeu de données sous Licence Ouverte 2.0 sur data.gouv.fr.",
            "donnees-ouvertes",
        ),
    ],
}


def load(stdout=None):
    edition = Edition.objects.filter(year=YEAR).first()
    if edition is None:
        return None
    assessment, created = SelfAssessment.objects.get_or_create(
        edition=edition,
        defaults={
            "intro": (
                "Une dizaine de questions, par domaine de critères de l'édition 2027, pour "
                "situer votre collectivité avant de candidater."
            )
        },
    )
    if created or not assessment.questions.exists():
        domains = {d.name: d for d in edition.criteria_domains.all()}
        order = 0
        for name, questions in QUESTIONS.items():
            domain = domains.get(name)
            if domain is None:
                continue
            for label, advice, key in questions:
                SelfAssessmentQuestion.objects.create(
                    assessment=assessment,
                    domain=domain,
                    label=label,
                    choices=SCALE,
                    advice=advice,
                    questionnaire_key=key,
                    sort_order=order,
                )
                order += 1
    if stdout:
        stdout.write("Auto-évaluation de démonstration chargée (2027).")
    return assessment
