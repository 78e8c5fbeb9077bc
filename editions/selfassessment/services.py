"""Which self-assessment the public sees, and what a started dossier takes from it."""

from django.utils import timezone

from editions.models import EditionState

from .models import SelfAssessment, SelfAssessmentQuestion

SESSION_KEY = "selfassessment"


def current_assessment(now=None):
    """The published self-assessment of the édition open for applications, else of the next one
    to open, else None (one query)."""
    now = now or timezone.now()
    candidates = list(SelfAssessment.objects.published().select_related("edition")[:5])
    for state in (EditionState.OPEN, EditionState.UPCOMING):
        for assessment in candidates:
            if assessment.edition.state(now) == state:
                return assessment
    return None


def questions_of(assessment):
    """The questions with their domain, in domain then question order (one query)."""
    return list(
        SelfAssessmentQuestion.objects.filter(assessment=assessment)
        .select_related("domain")
        .order_by("domain__sort_order", "domain_id", "sort_order", "pk")
    )


def keep_in_session(session, assessment, answers):
    """Remember the answers for the dossier the visitor is about to start (nothing else kept)."""
    session[SESSION_KEY] = {
        "year": assessment.edition.year,
        "answers": {str(pk): index for pk, index in answers.items()},
    }


def questionnaire_prefill(session, edition, frozen_questions):
    """Answers for a new dossier of ``edition`` from the self-assessment kept in the session:
    {questionnaire question key: value}, for the questions named by ``questionnaire_key``.

    ``frozen_questions`` is the dossier's frozen questionnaire (sections → questions with
    ``key``, ``type``, ``choices``). A choice question takes the answer's text when it is one of
    its choices; a yes/no question takes "non" for the first (least advanced) answer and "oui"
    otherwise; a text question takes the answer's text; other types are left alone.
    """
    kept = session.get(SESSION_KEY) or {}
    if kept.get("year") != edition.year:
        return {}
    chosen = {int(pk): index for pk, index in (kept.get("answers") or {}).items()}
    questions = SelfAssessmentQuestion.objects.filter(
        assessment__edition=edition, pk__in=chosen
    ).exclude(questionnaire_key="")
    targets = {q["key"]: q for s in frozen_questions for q in s["questions"]}
    prefill = {}
    for question in questions:
        target = targets.get(question.questionnaire_key)
        choices = question.choice_list
        index = chosen[question.pk]
        if target is None or not 0 <= index < len(choices):
            continue
        text = choices[index]
        kind = target["type"]
        if kind == "single_choice" and text in target["choices"]:
            prefill[target["key"]] = text
        elif kind == "multiple_choice" and text in target["choices"]:
            prefill[target["key"]] = [text]
        elif kind == "yes_no":
            prefill[target["key"]] = "non" if index == 0 else "oui"
        elif kind in ("short_text", "long_text"):
            prefill[target["key"]] = text
    return prefill
