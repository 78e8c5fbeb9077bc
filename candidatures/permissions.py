"""The permission map: per role of a user towards one dossier, and per state of the dossier,
what the user may do (see, edit, evaluate, decide, publish, export, download).

``can(user, action, candidature)`` answers from this table; ``role_of`` says which row applies.
``dossiers(user, action)`` is the same table as a queryset (listings, chooser, the permission
policy, the admin URL guard: ``candidatures.access.visible_candidatures`` is its admin side);
``candidatures/tests/test_permission_map.py`` checks both agree for every role × state, and
``tests/test_route_matrix.py`` checks every route against them.
"""

from django.db.models import Q

from candidatures.models import (
    Assignment,
    Candidature,
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
# Their queryset side, for ``dossiers``.
CONDITION_FILTERS = {
    ("staff", "decide"): Q(edition__jury__staff_may_decide=True),
}


# The rows read in the admin (the applicant member reads his dossiers in the applicant space).
ADMIN_SIDE = tuple(role for role in ROLES if role != "applicant_member")


def user_role(user):
    """The row that applies to ``user`` whatever the dossier (superuser, staff, or "other" for
    an anonymous or inactive user); None when it depends on the dossier."""
    if not is_active_user(user):
        return "other"
    if user.is_superuser:
        return "superuser"
    if is_label_staff(user):
        return "staff"
    return None


def sees_every_dossier(user):
    """The people whose row sees a dossier in every state (label staff, superuser): Wagtail's
    site-wide reports and the jury's follow-up tables are theirs."""
    role = user_role(user)
    return role is not None and PERMISSION_MAP[role]["see"] == ALL


def role_of(user, candidature):
    """The row of the map that applies to ``user`` for this dossier (the strongest first; a
    declared conflict wins over assignment and presidency)."""
    role = user_role(user)
    if role is not None:
        return role
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


def row_of(user, candidature):
    """The map's row for this person and dossier ({action: states})."""
    return PERMISSION_MAP[role_of(user, candidature)]


def holds(user, action, candidature):
    """Does the person's row hold ``action`` for this dossier in some state? (The jury screens
    of an action open read-only outside its state; evaluating also needs an assignment.)"""
    role = role_of(user, candidature)
    if not PERMISSION_MAP[role][action]:
        return False
    condition = CONDITIONS.get((role, action))
    if condition is not None and not condition(user, candidature):
        return False
    if action == "evaluate":
        return Assignment.objects.filter(candidature=candidature, juror=user).exists()
    return True


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


def dossiers(user, action, queryset=None, roles=ROLES):
    """The dossiers on which ``user`` may do ``action`` now, as a queryset: the map's rows
    (limited to ``roles``) with the conditions of ``role_of`` in the same order (membership
    first, then a declared conflict, the presidency, the assignment)."""
    if action not in ACTIONS:
        raise ValueError(action)
    qs = Candidature.objects.all() if queryset is None else queryset
    role = user_role(user)
    if role is not None:
        if role not in roles or not PERMISSION_MAP[role][action]:
            return qs.none()
        qs = qs.filter(status__in=PERMISSION_MAP[role][action])
        condition = CONDITION_FILTERS.get((role, action))
        return qs.filter(condition) if condition is not None else qs
    assert not PERMISSION_MAP["other"][action], "the 'other' row grants nothing"
    member = Q(collectivite_id__in=Membership.objects.filter(user=user).values("collectivite_id"))
    juries = JuryMember.objects.filter(user=user)
    presides = Q(edition_id__in=juries.filter(is_president=True).values("jury__edition_id"))
    conflict = Q(
        collectivite_id__in=ConflictOfInterest.objects.filter(user=user).values("collectivite_id")
    )
    assigned = Q(pk__in=Assignment.objects.filter(juror=user).values("candidature_id"))
    jury = ~member & Q(edition_id__in=juries.values("jury__edition_id"))
    conditions = {
        "applicant_member": member,
        "juror_in_conflict": jury & conflict,
        "president": jury & ~conflict & presides,
        "juror_assigned": jury & ~conflict & ~presides & assigned,
        "juror_not_assigned": jury & ~conflict & ~presides & ~assigned,
    }
    allowed = Q(pk__in=[])
    for name, condition in conditions.items():
        states = PERMISSION_MAP[name][action]
        if name in roles and states:
            allowed |= condition & Q(status__in=states)
    return qs.filter(allowed)
