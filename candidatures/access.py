"""The permission map's answers in the forms the screens ask for: the admin-side queryset of the
dossiers a person may open, and the questions of the jury screens. Every rule here is read from
``candidatures.permissions`` (the map); nothing is decided twice."""

from candidatures.lifecycle.states import decision_is_public
from candidatures.models import ConflictOfInterest, Evaluation, JuryMember
from candidatures.permissions import ADMIN_SIDE, dossiers, holds, row_of, sees_every_dossier
from candidatures.roles import (
    JURY_GROUP,
    PRESIDENT_GROUP,
    STAFF_GROUP,
    is_label_staff,
)

__all__ = ["JURY_GROUP", "PRESIDENT_GROUP", "STAFF_GROUP", "is_label_staff"]


def visible_candidatures(user, queryset=None):
    """The dossiers a person may open in the admin: the map's "see" for the admin side (all for
    staff; for a juror, those assigned to them; for a president, the submitted dossiers of their
    édition; never a body they declared a link with, nor one they are a member of)."""
    return dossiers(user, "see", queryset, roles=ADMIN_SIDE)


def can_view(user, candidature):
    return visible_candidatures(user).filter(pk=candidature.pk).exists()


def has_conflict(user, candidature):
    return ConflictOfInterest.objects.filter(
        user=user, collectivite_id=candidature.collectivite_id
    ).exists()


def is_president_for(user, edition_id):
    return JuryMember.objects.filter(
        user=user, is_president=True, jury__edition_id=edition_id
    ).exists()


def can_decide(user, candidature):
    """Label staff or the president of the édition's jury (no conflict): their row of the map
    decides (in deliberation; the screen shows the dossier read-only in the other states)."""
    return holds(user, "decide", candidature)


def can_evaluate(user, candidature):
    """A juror (or president) assigned to the dossier, with no conflict: the map's evaluate."""
    return holds(user, "evaluate", candidature)


def sees_other_evaluations(user, candidature):
    """Staff always; anyone assigned to the dossier (a president too) only once his own
    evaluation is submitted; a president who does not evaluate it, when he may decide it."""
    if sees_every_dossier(user):
        return True
    if can_evaluate(user, candidature):
        return Evaluation.objects.submitted().filter(candidature=candidature, juror=user).exists()
    return can_decide(user, candidature)


def sees_decision(user, candidature):
    """The level, mentions and public comment: staff and the deciding president; the others
    once the decision is public."""
    return (
        sees_every_dossier(user)
        or bool(row_of(user, candidature)["decide"])
        or decision_is_public(candidature)
    )
