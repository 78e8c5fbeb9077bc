"""The permission map: per role of a user towards one dossier, and per state of the dossier,
what the user may do (see, edit, evaluate, decide, publish, export, download).

``can(user, action, candidature)`` answers from this table; ``role_of`` says which row applies.
The querysets of ``candidatures.access`` (listings, chooser, reports) select the same dossiers;
``candidatures/tests/test_permission_map.py`` checks both agree for every role × state.
"""

from candidatures.models import (
    Assignment,
    CandidatureStatus,
    ConflictOfInterest,
    JuryMember,
    Membership,
)
from candidatures.models.workflow import staff_may_decide
from candidatures.roles import is_active_user, is_label_staff

S = CandidatureStatus
ALL = frozenset(S.values)
ACTIONS = ("see", "edit", "evaluate", "decide", "publish", "export", "download")
ROLES = (
    "superuser",
    "staff",
    "president",
    "juror_assigned",
    "juror_not_assigned",
    "juror_in_conflict",
    "applicant_member",
    "other",
)
AFTER_SUBMISSION = ALL - {S.DRAFT}
EDITABLE = frozenset({S.DRAFT, S.CHANGES_REQUESTED})
NOTHING = frozenset()


def row(**states):
    return {action: frozenset(states.get(action, NOTHING)) for action in ACTIONS}


# Publishing is never an action: a dossier goes live when its workflow ends
# (``lifecycle.finish``), which the lifecycle fires for whoever decides.
PERMISSION_MAP = {
    "superuser": row(
        see=ALL, edit=ALL, decide={S.DELIBERATION}, publish=ALL, export=ALL, download=ALL
    ),
    "staff": row(see=ALL, edit=ALL, decide={S.DELIBERATION}, export=ALL, download=ALL),
    "president": row(
        see=AFTER_SUBMISSION,
        evaluate={S.EVALUATION},
        decide={S.DELIBERATION},
        download=AFTER_SUBMISSION,
    ),
    "juror_assigned": row(see=AFTER_SUBMISSION, evaluate={S.EVALUATION}, download=AFTER_SUBMISSION),
    "juror_not_assigned": row(),
    "juror_in_conflict": row(),
    "applicant_member": row(see=ALL, edit=EDITABLE, download=ALL),
    "other": row(),
}


# Conditions beyond the state, per (role, action). Staff decide in the president's place only
# when the édition's jury settings say so (``Jury.staff_may_decide``, default no).
CONDITIONS = {
    ("staff", "decide"): staff_may_decide,
}


def role_of(user, candidature):
    """The row of the map that applies to ``user`` for this dossier (the strongest first; a
    declared conflict wins over assignment and presidency)."""
    if not is_active_user(user):
        return "other"
    if user.is_superuser:
        return "superuser"
    if is_label_staff(user):
        return "staff"
    if Membership.objects.filter(user=user, collectivite_id=candidature.collectivite_id).exists():
        return "applicant_member"
    member = JuryMember.objects.filter(user=user, jury__edition_id=candidature.edition_id)
    if not member.exists():
        return "other"
    if ConflictOfInterest.objects.filter(
        user=user, collectivite_id=candidature.collectivite_id
    ).exists():
        return "juror_in_conflict"
    if member.filter(is_president=True).exists():
        return "president"
    if Assignment.objects.filter(candidature=candidature, juror=user).exists():
        return "juror_assigned"
    return "juror_not_assigned"


def can(user, action, candidature):
    """May ``user`` do ``action`` to this dossier now? (Evaluating also needs an assignment:
    a president evaluates only the dossiers given to him.)"""
    if action not in ACTIONS:
        raise ValueError(action)
    role = role_of(user, candidature)
    if candidature.status not in PERMISSION_MAP[role][action]:
        return False
    condition = CONDITIONS.get((role, action))
    if condition is not None and not condition(user, candidature):
        return False
    if action == "evaluate":
        return Assignment.objects.filter(candidature=candidature, juror=user).exists()
    return True
