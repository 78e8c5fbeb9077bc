"""The process's groups (names defined once, in ``home.roles``) and the one test on the user
alone that needs no dossier: is this person label staff? and the addresses of label staff.
Imports no model (the workflow task models use it)."""

from django.contrib.auth import get_user_model

from home.roles import JURY as JURY_GROUP
from home.roles import JURY_PRESIDENT as PRESIDENT_GROUP
from home.roles import LABEL_TEAM as STAFF_GROUP

__all__ = [
    "JURY_GROUP",
    "PRESIDENT_GROUP",
    "STAFF_GROUP",
    "is_active_user",
    "is_label_staff",
    "staff_recipients",
]


def is_active_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_label_staff(user):
    """Label staff (and superusers) see every dossier; jurors and presidents do not."""
    return is_active_user(user) and (
        user.is_superuser or user.has_perm("candidatures.change_candidature")
    )


def staff_recipients():
    """The addresses of active label staff (the claims queue, new submissions, jury notices)."""
    users = (
        get_user_model().objects.filter(groups__name=STAFF_GROUP, is_active=True).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))
