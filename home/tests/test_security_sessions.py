"""Admin sessions end after 2 hours idle and 12 hours after the login; passwords of 12+."""

import time

import pytest
from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm
from django.test import Client, override_settings

from home import roles
from home.security.sessions import LOGIN_AT, SEEN_AT
from home.tests.security_support import PASSWORD, member

limited = override_settings(
    SECURITY_ADMIN_SESSION_IDLE=2 * 3600, SECURITY_ADMIN_SESSION_MAX_AGE=12 * 3600
)


def logged_in(username):
    client = Client()
    client.post("/admin/login/", {"username": username, "password": PASSWORD})
    return client


def age_session(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


@limited
@pytest.mark.django_db
def test_an_idle_admin_session_is_logged_out_after_two_hours():
    member("n.petit", roles.LABEL_TEAM)
    client = logged_in("n.petit")
    assert client.get("/admin/").status_code == 200
    age_session(client, **{SEEN_AT: 2 * 3600 + 5, LOGIN_AT: 2 * 3600 + 5})
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert "Votre session a expiré" in response.content.decode()
    assert "_auth_user_id" not in client.session


@limited
@pytest.mark.django_db
def test_activity_keeps_the_admin_session_until_twelve_hours_after_login():
    member("n.petit", roles.LABEL_TEAM)
    client = logged_in("n.petit")
    age_session(client, **{SEEN_AT: 110 * 60, LOGIN_AT: 11 * 3600})
    assert client.get("/admin/").status_code == 200
    assert time.time() - client.session[SEEN_AT] < 60  # the visit counted as activity
    age_session(client, **{LOGIN_AT: 12 * 3600 + 5})
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


@limited
@pytest.mark.django_db
def test_an_applicant_session_has_no_idle_limit():
    member("agent@ville.example", roles.APPLICANTS, email="agent@ville.example")
    client = Client()
    client.post("/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD})
    age_session(client, **{SEEN_AT: 5 * 3600, LOGIN_AT: 30 * 3600})
    assert client.get("/espace-candidat/").status_code == 200


def test_no_session_lasts_two_weeks():
    assert settings.SESSION_COOKIE_AGE <= 7 * 24 * 3600


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "refused"),
    [
        ("Court-2026!", "au minimum 12 caractères"),  # 11 characters
        ("password1234", "trop courant"),
        ("qwertyuiop123", "trop courant"),
    ],
)
def test_a_staff_member_cannot_choose_a_short_or_common_password(password, refused):
    user = member("n.petit", roles.LABEL_TEAM)
    form = PasswordChangeForm(
        user, {"old_password": PASSWORD, "new_password1": password, "new_password2": password}
    )
    assert not form.is_valid()
    assert refused in " ".join(form.errors["new_password2"])
    good = "Trois-mots-au-hasard"
    form = PasswordChangeForm(
        user, {"old_password": PASSWORD, "new_password1": good, "new_password2": good}
    )
    assert form.is_valid()
