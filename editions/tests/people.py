"""Users of the record's admin screens, each in the real group its migrations set up."""

import pytest
from django.contrib.auth.models import Group, User

from home import roles

__all__ = ["juror", "label_staff", "label_staff_user", "logged_in", "person", "redacteur"]
__all__ += ["superuser"]


def person(username, *group_names, **extra):
    user = User.objects.create_user(
        username, f"{username}@example.org", "pw-Label-2026!", first_name=username.title(), **extra
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


def logged_in(client, user):
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def label_staff_user(db):
    return person("membre-equipe", roles.LABEL_TEAM)


@pytest.fixture
def label_staff(client, label_staff_user):
    """A client logged in as a member of "Équipe label" (no superuser)."""
    return logged_in(client, label_staff_user)


@pytest.fixture
def redacteur(client, db):
    return logged_in(client, person("un-redacteur", roles.EDITORS))


@pytest.fixture
def juror(client, db):
    return logged_in(client, person("un-jure", roles.JURY))


@pytest.fixture
def superuser(client, db):
    return logged_in(
        client, User.objects.create_superuser("un-admin", "un-admin@example.org", "pw-Label-2026!")
    )
