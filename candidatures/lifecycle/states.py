"""The dossier's states: the declared table of transitions and the labels shown for each state.

One place answers "which transition may leave this state, fired by whom" and "what do we call
this state" (staff screens, exports, the applicant's dashboard and recap).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from candidatures.models import CandidatureStatus

S = CandidatureStatus


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    who: str  # a role of candidatures.access.ROLES, or "system"
    label: str


TRANSITIONS = {
    t.name: t
    for t in (
        Transition(
            "submit",
            frozenset({S.DRAFT, S.CHANGES_REQUESTED}),
            S.SUBMITTED,
            "applicant",
            _("Déposer le dossier"),
        ),
        Transition(
            "enter_eligibility",
            frozenset({S.SUBMITTED, S.DRAFT, S.CHANGES_REQUESTED}),
            S.ELIGIBILITY,
            "system",
            _("Recevabilité commencée"),
        ),
        Transition(
            "declare_eligible",
            frozenset({S.ELIGIBILITY}),
            S.EVALUATION,
            "staff",
            _("Déclarer recevable"),
        ),
        Transition(
            "request_changes",
            frozenset({S.ELIGIBILITY}),
            S.CHANGES_REQUESTED,
            "staff",
            _("Demander des compléments"),
        ),
        Transition(
            "declare_ineligible",
            frozenset({S.ELIGIBILITY}),
            S.INELIGIBLE,
            "staff",
            _("Déclarer irrecevable"),
        ),
        Transition(
            "end_evaluation",
            frozenset({S.EVALUATION}),
            S.DELIBERATION,
            "staff",
            _("Clore l'évaluation"),
        ),
        Transition(
            "decide", frozenset({S.DELIBERATION}), S.DECIDED, "president", _("Valider la décision")
        ),
        Transition(
            "announce",
            frozenset({S.DECIDED}),
            S.PUBLISHED,
            "system",
            _("Rendre le résultat public"),
        ),
        Transition(
            "withdraw",
            frozenset({S.DRAFT, S.SUBMITTED, S.ELIGIBILITY, S.CHANGES_REQUESTED}),
            S.WITHDRAWN,
            "applicant",
            _("Retirer le dossier"),
        ),
        Transition(
            "cancel_workflow",
            frozenset(
                {S.SUBMITTED, S.ELIGIBILITY, S.CHANGES_REQUESTED, S.EVALUATION, S.DELIBERATION}
            ),
            S.SUBMITTED,
            "superuser",
            _("Annuler le workflow"),
        ),
    )
}
ALLOWED = {(source, t.target): t for t in TRANSITIONS.values() for source in t.sources}


class TransitionRefused(Exception):
    """A status change the table does not allow; ``message`` is French, for the screen."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def transition_for(current, target):
    """The declared transition from ``current`` to ``target``, or TransitionRefused."""
    transition = ALLOWED.get((current, target))
    if transition is None:
        raise TransitionRefused(
            _("Ce dossier est « %(current)s » : il ne peut pas passer à « %(target)s ».")
            % {"current": S(current).label, "target": S(target).label}
        )
    return transition


# Labels -------------------------------------------------------------------------------------

# The applicant never sees the inner steps of the jury's work, nor a decision before publication.
APPLICANT_LABELS = {
    S.DRAFT: _("Brouillon"),
    S.SUBMITTED: _("Déposé"),
    S.ELIGIBILITY: _("En instruction"),
    S.CHANGES_REQUESTED: _("Compléments demandés"),
    S.INELIGIBLE: _("Irrecevable"),
    S.EVALUATION: _("En instruction"),
    S.DELIBERATION: _("En délibération"),
    S.DECIDED: _("En délibération"),
    S.PUBLISHED: _("Résultat publié"),
    S.WITHDRAWN: _("Retiré"),
}
DECIDED_STATUSES = {S.DECIDED, S.PUBLISHED}


def decision_is_public(candidature, now=None):
    """A decision shows only while it is published (staff may unpublish it, which also removes
    the public record) and once the édition's results date has passed."""
    return (
        candidature.status in DECIDED_STATUSES
        and candidature.live
        and candidature.edition.results_are_public(now)
    )


def staff_label(candidature):
    return S(candidature.status).label


def applicant_label(candidature, now=None):
    if candidature.status in DECIDED_STATUSES:
        if decision_is_public(candidature, now):
            return APPLICANT_LABELS[S.PUBLISHED]
        return APPLICANT_LABELS[S.DECIDED]
    return APPLICANT_LABELS[candidature.status]
