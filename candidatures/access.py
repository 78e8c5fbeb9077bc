"""Who may see, evaluate and decide which dossier. One place, used by every screen and policy."""

from django.db.models import Q

STAFF_GROUP = "Équipe label"
JURY_GROUP = "Jury"
PRESIDENT_GROUP = "Président du jury"


def is_label_staff(user):
    """Label staff (and superusers) see every dossier; jurors and presidents do not."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("candidatures.change_candidature"))
    )


def visible_candidatures(user, queryset=None):
    """The dossiers a user may open in the admin: all for staff; for a juror, those assigned to
    them; for a president, those of their jury's édition; never a body they declared a link with.
    """
    from candidatures.models import Assignment, Candidature, ConflictOfInterest, JuryMember

    qs = Candidature.objects.all() if queryset is None else queryset
    if not (user and user.is_authenticated and user.is_active):
        return qs.none()
    if is_label_staff(user):
        return qs
    assigned = Assignment.objects.filter(juror=user).values("candidature_id")
    presided = JuryMember.objects.filter(user=user, is_president=True).values("jury__edition_id")
    conflicts = ConflictOfInterest.objects.filter(user=user).values("collectivite_id")
    return qs.filter(Q(pk__in=assigned) | Q(edition_id__in=presided)).exclude(
        collectivite_id__in=conflicts
    )


def can_view(user, candidature):
    return visible_candidatures(user).filter(pk=candidature.pk).exists()


def has_conflict(user, candidature):
    from candidatures.models import ConflictOfInterest

    return ConflictOfInterest.objects.filter(
        user=user, collectivite_id=candidature.collectivite_id
    ).exists()


def is_president_for(user, edition_id):
    from candidatures.models import JuryMember

    return JuryMember.objects.filter(
        user=user, is_president=True, jury__edition_id=edition_id
    ).exists()


def can_decide(user, candidature):
    """Only label staff or the president of the édition's jury record a decision."""
    if is_label_staff(user):
        return True
    return (
        bool(user and user.is_authenticated and user.is_active)
        and is_president_for(user, candidature.edition_id)
        and not has_conflict(user, candidature)
    )


def can_evaluate(user, candidature):
    from candidatures.models import Assignment

    return (
        bool(user and user.is_authenticated and user.is_active)
        and Assignment.objects.filter(candidature=candidature, juror=user).exists()
        and not has_conflict(user, candidature)
    )
