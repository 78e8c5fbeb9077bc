"""A dossier from the applicant's side: who may see it, its steps, saving drafts, progress.

Every save goes through ``wagtail.actions.EditAction``: the row is updated (the dossier stays
``live=False`` until its decision is published) and a new revision records who saved what. The id
of the latest revision is the dossier's version: a form posts the version it was loaded from, and
a save based on an older version is refused when it would overwrite what someone else changed.
"""

import json
import re

from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.models import Revision

from candidatures.models import (
    Attachment,
    Candidature,
    CandidatureStatus,
    Membership,
    Questionnaire,
)
from candidatures.models.questionnaire import QuestionType, questionnaire_for
from editions.models import Collectivite, Edition, Level
from editions.selfassessment.services import questionnaire_prefill

REFERENTS_STEP = "referents"
REFERENT_FIELDS = [
    "elected_name",
    "elected_role",
    "elected_email",
    "elected_phone",
    "technical_name",
    "technical_role",
    "technical_email",
    "technical_phone",
]
REQUIRED_REFERENT_FIELDS = [
    "elected_name",
    "elected_role",
    "elected_email",
    "technical_name",
    "technical_role",
    "technical_email",
]
EDITABLE_STATUSES = {CandidatureStatus.DRAFT, CandidatureStatus.CHANGES_REQUESTED}


class StaleDossier(Exception):
    """Someone else saved the same step since this form was loaded."""


class NotEditable(Exception):
    pass


# Who sees what -------------------------------------------------------------------------------


def user_collectivites(user):
    return Collectivite.objects.filter(memberships__user=user).order_by("name")


def user_candidatures(user):
    if not user.is_authenticated:
        return Candidature.objects.none()
    return Candidature.objects.filter(
        collectivite_id__in=Membership.objects.filter(user=user).values("collectivite_id")
    )


def get_candidature_for_user(user, pk):
    """The dossier if ``user`` acts for its body; 404 otherwise (never 403: no existence leak)."""
    return get_object_or_404(
        user_candidatures(user).select_related("edition", "collectivite", "track"), pk=pk
    )


def is_member(user, collectivite):
    return Membership.objects.filter(user=user, collectivite=collectivite).exists()


def open_editions(now=None):
    return list(Edition.objects.open(now)[:5])


def open_edition(now=None):
    editions = open_editions(now)
    return editions[0] if editions else None


def is_editable(candidature, now=None):
    """A draft until the deadline; a dossier sent back for changes (even after the deadline:
    the recevabilité check happens then)."""
    if candidature.status == CandidatureStatus.CHANGES_REQUESTED:
        return True
    return (
        candidature.status == CandidatureStatus.DRAFT
        and candidature.edition.accepts_applications(now)
    )


def deadline_message(edition):
    if edition.deadline:
        return gettext(
            "La date limite de dépôt (%(date)s) est passée : le dossier ne peut plus être déposé."
        ) % {"date": date_format(timezone.localtime(edition.deadline), "DATETIME_FORMAT")}
    return gettext("Les candidatures ne sont pas ouvertes pour cette édition.")


def closed_reason(candidature):
    """Why the applicant can no longer change this dossier, in French."""
    if candidature.status == CandidatureStatus.DRAFT:
        return deadline_message(candidature.edition)
    return _("Ce dossier a été déposé : il ne peut plus être modifié.")


# Steps and answers ---------------------------------------------------------------------------


def steps(candidature):
    """(key, title) of each step: the référents first, then one per frozen section."""
    return [(REFERENTS_STEP, str(_("Référents")))] + [
        (section["key"], section["title"]) for section in candidature.questions
    ]


def get_section(candidature, key):
    for section in candidature.questions:
        if section["key"] == key:
            return section
    return None


def next_step(candidature, key):
    keys = [k for k, _title in steps(candidature)]
    index = keys.index(key)
    return keys[index + 1] if index + 1 < len(keys) else None


def attachment_keys(candidature):
    return set(
        Attachment.objects.filter(candidature=candidature).values_list("question_key", flat=True)
    )


def is_answered(question, answers, files):
    if question["type"] == QuestionType.FILE:
        return question["key"] in files
    return answers.get(question["key"]) not in (None, "", [])


def missing_answers(candidature, files=None):
    """(step key, field name, label) of each required answer still empty."""
    files = attachment_keys(candidature) if files is None else files
    missing = []
    labels = dict(referent_labels())
    for name in REQUIRED_REFERENT_FIELDS:
        if not getattr(candidature, name):
            missing.append((REFERENTS_STEP, name, labels[name]))
    for section in candidature.questions:
        for question in section["questions"]:
            if question["required"] and not is_answered(question, candidature.answers, files):
                missing.append((section["key"], question["key"], question["label"]))
    return missing


def progress(candidature, files=None):
    """(required answers given, required answers in total)."""
    total = len(REQUIRED_REFERENT_FIELDS) + sum(
        1 for s in candidature.questions for q in s["questions"] if q["required"]
    )
    return total - len(missing_answers(candidature, files)), total


def referent_labels():
    return [(name, Candidature._meta.get_field(name).verbose_name) for name in REFERENT_FIELDS]


def step_values(candidature, step_key, source=None):
    """The values of one step, read from the dossier or from a revision's content dict."""
    if step_key == REFERENTS_STEP:
        if source is None:
            return {name: getattr(candidature, name) for name in REFERENT_FIELDS}
        return {name: source.get(name, "") for name in REFERENT_FIELDS}
    section = get_section(candidature, step_key) or {"questions": []}
    answers = candidature.answers if source is None else source.get("answers") or {}
    if isinstance(answers, str):  # revision content may keep JSON fields serialised
        answers = json.loads(answers)
    return {
        q["key"]: answers.get(q["key"])
        for q in section["questions"]
        if q["type"] != QuestionType.FILE
    }


# Creating and saving -------------------------------------------------------------------------


def previous_candidature(collectivite, edition):
    return (
        Candidature.objects.filter(collectivite=collectivite, edition__year__lt=edition.year)
        .order_by("-edition__year")
        .first()
    )


def prefill_from(candidature, previous):
    """Copy the previous dossier's referents and the answers to questions with the same key."""
    for name in REFERENT_FIELDS:
        setattr(candidature, name, getattr(previous, name))
    types = {q["key"]: q["type"] for s in previous.questions for q in s["questions"]}
    for section in candidature.questions:
        for question in section["questions"]:
            key = question["key"]
            if question["type"] == QuestionType.FILE or types.get(key) != question["type"]:
                continue
            value = previous.answers.get(key)
            if value in (None, "", []):
                continue
            if question["choices"]:
                allowed = set(question["choices"])
                if isinstance(value, list):
                    value = [v for v in value if v in allowed]
                elif value not in allowed:
                    continue
            candidature.answers[key] = value


def tracks_on_offer(edition):
    """The édition's application tracks that have a questionnaire (empty: no choice to make)."""
    return list(
        edition.tracks.filter(questionnaire__isnull=False)
        .prefetch_related(Prefetch("levels", queryset=Level.objects.order_by("number")))
        .order_by("sort_order", "pk")
    )


def start_dossier(user, collectivite, edition, prefill=True, session=None, track=None):
    """Create the body's dossier for ``edition`` with a frozen copy of its questionnaire (the
    ``track``'s one when the édition offers tracks).

    With ``session``, answers of a self-assessment kept there (editions.selfassessment) fill the
    questions they map to, where the previous dossier left them empty."""
    questionnaire = questionnaire_for(edition, track)
    if questionnaire is None:
        raise Questionnaire.DoesNotExist
    candidature = Candidature(
        edition=edition,
        collectivite=collectivite,
        track=track,
        created_by=user,
        status=CandidatureStatus.DRAFT,
        questions=questionnaire.freeze(),
        answers={},
        technical_email=user.email,
        technical_name=user.get_full_name(),
    )
    previous = previous_candidature(collectivite, edition) if prefill else None
    if previous:
        prefill_from(candidature, previous)
    if session is not None:
        for key, value in questionnaire_prefill(session, edition, candidature.questions).items():
            candidature.answers.setdefault(key, value)
    return CreateAction(candidature, user=user).execute(skip_permission_checks=True)


def shared_answers(old_questions, new_questions, answers):
    """The answers of ``old_questions`` that a question of ``new_questions`` with the same key
    and type takes (choices no longer offered dropped): what a track switch keeps."""
    types = {q["key"]: q["type"] for s in old_questions for q in s["questions"]}
    kept = {}
    for section in new_questions:
        for question in section["questions"]:
            key = question["key"]
            if key not in answers or types.get(key) != question["type"]:
                continue
            value = answers[key]
            if question["choices"]:
                allowed = set(question["choices"])
                if isinstance(value, list):
                    value = [v for v in value if v in allowed]
                elif value not in allowed:
                    continue
            kept[key] = value
    return kept


def switch_track(candidature, user, track):
    """Move a draft to another track of its édition: the new track's questions are frozen, the
    answers (and files) of questions both tracks share are kept, the others are removed.
    Returns the number of answers removed."""
    with transaction.atomic():
        current = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if current.status != CandidatureStatus.DRAFT or not is_editable(current):
            raise NotEditable
        questionnaire = questionnaire_for(current.edition, track)
        if track.edition_id != current.edition_id or questionnaire is None:
            raise Questionnaire.DoesNotExist
        questions = questionnaire.freeze()
        kept = shared_answers(current.questions, questions, current.answers or {})
        file_keys = {
            q["key"] for s in questions for q in s["questions"] if q["type"] == QuestionType.FILE
        }
        old_files = current.attachments.exclude(question_key__in=file_keys)
        removed = len(set(current.answers or {}) - set(kept)) + old_files.count()
        for attachment in old_files:
            attachment.file.delete(save=False)
            attachment.delete()
        current.track = track
        current.questions = questions
        current.answers = kept
        return EditAction(current, user=user).execute(skip_permission_checks=True), removed


def check_not_stale(current, user, step_key, version):
    """Raise StaleDossier if another user changed this step after revision ``version``."""
    revisions = Revision.objects.filter(
        object_id=str(current.pk), base_content_type=current.get_base_content_type()
    )
    # A tampered version (not ASCII digits, or too long for the database) is simply stale.
    valid = re.fullmatch(r"[0-9]{1,18}", str(version or ""))
    base = revisions.filter(pk=int(version)).first() if valid else None
    if base is None:
        raise StaleDossier
    others = revisions.filter(pk__gt=base.pk).exclude(user=user).exists()
    if others and step_values(current, step_key, base.content) != step_values(current, step_key):
        raise StaleDossier


def save_step(candidature, user, step_key, values, version, log=True):
    """Save one step's values as a new draft revision, refusing a stale save.

    ``version`` is the latest revision id the form was loaded from. When the dossier changed
    since, the save is still accepted if other users' changes left this step untouched (the
    same user's own autosaves never conflict with their own form).
    """
    with transaction.atomic():
        current = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if not is_editable(current):
            raise NotEditable
        if str(current.latest_revision_id or "") != str(version or ""):
            check_not_stale(current, user, step_key, version)
        if step_key == REFERENTS_STEP:
            for name in REFERENT_FIELDS:
                setattr(current, name, values.get(name, ""))
        else:
            current.answers = {**current.answers, **values}
        return EditAction(current, user=user, log_action="wagtail.edit" if log else False).execute(
            skip_permission_checks=True
        )
