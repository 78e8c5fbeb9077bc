"""The second factor of admin accounts, from the side of a password-only session."""

import re
import time
from html import unescape
from unittest import mock

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home import roles
from home.security import second_factor
from home.tests.security_support import PASSWORD, authenticator_for, current_code, member

required = override_settings(SECURITY_2FA_REQUIRED=True, SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS=False)
ENROL = "/admin/2fa/activer/"
VERIFY = "/admin/2fa/verifier/"
OPEN_PATHS = {"/admin/login/", "/admin/logout/", "/admin/jsi18n/", "/admin/sprite/", ENROL, VERIFY}


def password_login(username):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def fill_regex_groups(regex):
    """``^(?P<pk>[0-9]+)/(?P<x>a|(b))/$`` -> ``1/1/``: each named group becomes "1"."""
    out, i = [], 0
    while i < len(regex):
        if regex.startswith("(?P<", i):
            depth, j = 0, i
            while True:
                if regex[j - 1] != "\\":
                    depth += {"(": 1, ")": -1}.get(regex[j], 0)
                j += 1
                if depth == 0:
                    break
            out.append("1")
            i = j
        else:
            out.append(regex[i])
            i += 1
    return "".join(out).strip("^$").replace("\\", "")


def admin_paths():
    """One concrete address for every URL pattern of the admin (route converters filled in)."""
    fillers = {"int": "1", "str": "x", "slug": "x", "path": "x/y", "uuid": ""}

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern.pattern, RegexPattern):
                route = fill_regex_groups(route)
            route = re.sub(
                r"<(?:(\w+):)?\w+>",
                lambda m: (
                    fillers.get(m.group(1) or "str", "1") or "00000000-0000-0000-0000-000000000000"
                ),
                route,
            )
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern):
                yield prefix + route

    for pattern in get_resolver().url_patterns:
        if str(pattern.pattern) == "admin/":
            yield from walk(pattern.url_patterns, "/admin/")


def reached_without_second_factor(client, paths):
    """The paths (GET and POST) that answer anything but the redirect to enrolment."""
    reached = {}
    for path in paths:
        for method in (client.get, client.post):
            response = method(path)
            if not (response.status_code == 302 and response["Location"].startswith(ENROL)):
                reached[f"{method.__name__} {path}"] = response.status_code
    return reached


@required
@pytest.mark.django_db
def test_a_password_only_session_reaches_no_admin_page_nor_endpoint():
    user = member("compte", roles.LABEL_TEAM)  # the widest admin rights short of a superuser
    client = password_login(user.username)
    paths = sorted(set(admin_paths()) - OPEN_PATHS)
    assert len(paths) > 200  # every admin view: pages, snippets, choosers, API, reports...
    assert reached_without_second_factor(client, paths) == {}
    # Outside the admin too: the attachment downloads staff may use, the applicant space.
    for path in ["/espace-candidat/pieces/1/", "/espace-candidat/", "/compte/profil/"]:
        assert client.get(path)["Location"].startswith(ENROL), path


@required
@pytest.mark.django_db
@pytest.mark.parametrize("group", [roles.JURY, roles.EDITORS])
def test_jurors_and_editors_with_a_password_only_reach_no_admin_page(group):
    """The guard does not look at groups (the sweep above covers every admin address); each
    other admin group is checked on the pages it would use."""
    client = password_login(member("compte", group).username)
    paths = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/account/", "/admin/jury/"]
    paths += [p for p in admin_paths() if "candidatures" in p or "jury" in p][:40]
    assert reached_without_second_factor(client, paths) == {}


@required
@pytest.mark.django_db
def test_first_login_forces_enrolment_then_shows_recovery_codes_once():
    user = member("n.petit", roles.LABEL_TEAM)
    client = password_login("n.petit")
    response = client.get("/admin/account/")
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=/admin/account/"
    page = client.get(response["Location"])
    text = page.content.decode()
    assert "<svg" in text and "Activer la vérification en deux étapes" in text
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(ENROL, {"code": "000000", "next": "/admin/account/"})
    assert wrong.status_code == 400
    assert "ne correspond pas" in wrong.content.decode()
    time.sleep(1.1)  # django-otp makes each failure wait longer: 1 s after the first
    response = client.post(ENROL, {"code": current_code(device), "next": "/admin/account/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert 'href="/admin/account/"' in codes_page.content.decode()
    # Shown once only.
    assert client.get("/admin/2fa/codes-de-secours/").status_code == 302
    assert client.get("/admin/account/").status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 10


@required
@pytest.mark.django_db
def test_each_enrolment_session_gets_its_own_secret():
    """Someone who had the password and opened the enrolment screen first does not get to
    know the secret the real member then enrols."""
    member("n.petit", roles.LABEL_TEAM)
    intruder = password_login("n.petit")
    intruder.get(ENROL)
    first_secret = TOTPDevice.objects.get(pk=intruder.session["security_pending_totp"]).key
    owner = password_login("n.petit")
    owner.get(ENROL)
    device = TOTPDevice.objects.get(pk=owner.session["security_pending_totp"])
    assert device.key != first_secret
    assert intruder.post(ENROL, {"code": current_code(device)}).status_code == 400
    assert owner.post(ENROL, {"code": current_code(device)}).status_code == 302
    assert TOTPDevice.objects.get(user__username="n.petit").key == device.key


@required
@pytest.mark.django_db
def test_login_asks_the_code_then_a_recovery_code_works_once():
    user = member("n.petit", roles.LABEL_TEAM)
    authenticator_for(user)
    codes = second_factor.new_recovery_codes(user)
    client = password_login("n.petit")
    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY}?next=/admin/"
    wrong = client.post(VERIFY, {"code": "123456", "next": "/admin/"})
    assert wrong.status_code == 400
    assert client.get("/admin/").status_code == 302
    # A wrong six digits slow the authenticator down, not the recovery codes.
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "il vous en reste 9" in dashboard.content.decode()
    # The same recovery code, in a new session, is spent.
    other = password_login("n.petit")
    assert other.post(VERIFY, {"code": codes[0], "next": "/admin/"}).status_code == 400
    assert other.get("/admin/").status_code == 302


@required
@pytest.mark.django_db
def test_the_authenticator_code_verifies_the_session():
    user = member("jure", roles.JURY)
    device = authenticator_for(user)
    client = password_login("jure")
    response = client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # A fresh password login is not verified: the second factor belongs to the session.
    assert password_login("jure").get("/admin/").status_code == 302


@required
@pytest.mark.django_db
def test_code_guessing_is_limited_per_account_and_client():
    user = member("n.petit", roles.LABEL_TEAM)
    device = authenticator_for(user)
    client = password_login("n.petit")
    # django-ratelimit counts in fixed 15-minute windows: one that ended during these posts
    # (seconds on a loaded machine) would restart the count; the test stays in one window.
    with mock.patch("django_ratelimit.core._get_window", lambda value, period: 1_800_000_000):
        for _ in range(10):
            client.post(VERIFY, {"code": "000000"})
        response = client.post(VERIFY, {"code": current_code(device)})
    assert response.status_code == 429
    assert "Trop d'essais" in unescape(response.content.decode())
    assert client.get("/admin/").status_code == 302


@required
@pytest.mark.django_db
def test_an_applicant_is_not_asked_for_a_second_factor():
    member("agent@ville.example", roles.APPLICANTS, email="agent@ville.example")
    client = Client()
    client.post("/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD})
    assert client.get("/espace-candidat/").status_code == 200
    assert client.get(ENROL).status_code == 403


@required
@pytest.mark.django_db
def test_the_member_regenerates_recovery_codes_and_the_old_ones_stop_working():
    user = member("s.bernard", roles.COMMUNICATION)
    device = authenticator_for(user)
    old = second_factor.new_recovery_codes(user)
    client = password_login("s.bernard")
    client.post(VERIFY, {"code": current_code(device)})
    page = client.get("/admin/2fa/")
    assert "Il vous reste 10 codes de secours" in page.content.decode()
    response = client.post("/admin/2fa/")
    new = re.findall(
        r"<li><code>(\w+)</code></li>", client.get(response["Location"]).content.decode()
    )
    assert len(new) == 10 and not set(new) & set(old)
    other = password_login("s.bernard")
    assert other.post(VERIFY, {"code": old[1]}).status_code == 400


@pytest.mark.django_db
@override_settings(
    SECURITY_2FA_REQUIRED=True, SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS=True, DEMO_ACCOUNTS_ALLOWED=True
)
def test_the_demo_exempts_its_demo_accounts_only():
    from home.demo.accounts import DEMO_PASSWORD, create_demo_accounts

    create_demo_accounts()
    demo = Client()
    demo.post("/admin/login/", {"username": "equipe", "password": DEMO_PASSWORD})
    assert demo.get("/admin/").status_code == 200
    member("developpeur", roles.LABEL_TEAM)
    assert password_login("developpeur").get("/admin/")["Location"].startswith(ENROL)


@pytest.mark.django_db
@override_settings(
    SECURITY_2FA_REQUIRED=True, SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS=True, DEMO_ACCOUNTS_ALLOWED=False
)
def test_a_demo_login_name_is_not_exempt_where_demo_accounts_are_refused():
    member("equipe", roles.LABEL_TEAM)
    assert password_login("equipe").get("/admin/")["Location"].startswith(ENROL)
