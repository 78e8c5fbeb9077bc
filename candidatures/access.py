"""Who may see, evaluate and decide which dossier. One place, used by every screen and policy."""

from django.db.models import Q

from candidatures.lifecycle.states import decision_is_public
from candidatures.models import (
    Assignment,
    Candidature,
    CandidatureStatus,
    ConflictOfInterest,
    Evaluation,
    JuryMember,
)
from candidatures.models.workflow import staff_may_decide
from candidatures.roles import (
    JURY_GROUP,
    PRESIDENT_GROUP,
    STAFF_GROUP,
    is_label_staff,
)

__all__ = ["JURY_GROUP", "PRESIDENT_GROUP", "STAFF_GROUP", "is_label_staff"]


def visible_candidatures(user, queryset=None):
    """The dossiers a user may open in the admin: all for staff; for a juror, those assigned to
    them; for a president, those of their jury's édition; never a body they declared a link with.
    """

    qs = Candidature.objects.all() if queryset is None else queryset
    if not (user and user.is_authenticated and user.is_active):
        return qs.none()
    if is_label_staff(user):
        return qs
    assigned = Assignment.objects.filter(juror=user).values("candidature_id")
    presided = JuryMember.objects.filter(user=user, is_president=True).values("jury__edition_id")
    conflicts = ConflictOfInterest.objects.filter(user=user).values("collectivite_id")
    # A president reads the submitted dossiers of his édition, never a draft.
    presides = Q(edition_id__in=presided) & ~Q(status=CandidatureStatus.DRAFT)
    return qs.filter(Q(pk__in=assigned) | presides).exclude(collectivite_id__in=conflicts)


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
    """The president of the édition's jury records the decision; label staff only when the jury's
    settings let them (``permissions.CONDITIONS``)."""
    if is_label_staff(user):
        return staff_may_decide(user, candidature)
    return (
        bool(user and user.is_authenticated and user.is_active)
        and is_president_for(user, candidature.edition_id)
        and not has_conflict(user, candidature)
    )


def can_evaluate(user, candidature):

    return (
        bool(user and user.is_authenticated and user.is_active)
        and Assignment.objects.filter(candidature=candidature, juror=user).exists()
        and not has_conflict(user, candidature)
    )


def sees_other_evaluations(user, candidature):
    """Staff always; anyone assigned to the dossier (a president too) only once his own
    evaluation is submitted; a president who does not evaluate it, when he may decide it."""
    if is_label_staff(user):
        return True
    if Assignment.objects.filter(candidature=candidature, juror=user).exists():
        return Evaluation.objects.submitted().filter(candidature=candidature, juror=user).exists()
    return can_decide(user, candidature)


def sees_decision(user, candidature):
    """The level, mentions and public comment: staff and the deciding president; the others
    once the decision is public."""
    return is_label_staff(user) or can_decide(user, candidature) or decision_is_public(candidature)
