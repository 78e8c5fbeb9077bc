"""Login throttling and password-reset limits, from the attacker's and the victim's side."""

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from home import roles
from home.security.client import client_address
from home.tests.security_support import PASSWORD, member, via_proxy

ATTACKER = "198.51.100.7"
VICTIM = "203.0.113.20"

throttled = override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)


def admin_login(client, username, password, address):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, **via_proxy(address)
    )


@throttled
@pytest.mark.django_db
def test_wrong_admin_passwords_lock_the_pair_while_the_account_logs_in_from_elsewhere():
    member("n.petit", roles.LABEL_TEAM)
    attacker = Client()
    for _ in range(4):
        response = admin_login(attacker, "n.petit", "mauvais-mot-de-passe", ATTACKER)
        assert response.status_code == 200
        assert "_auth_user_id" not in attacker.session
    response = admin_login(attacker, "n.petit", "mauvais-mot-de-passe", ATTACKER)
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    # The right password no longer works from the attacker's address...
    response = admin_login(attacker, "n.petit", PASSWORD, ATTACKER)
    assert response.status_code == 429
    assert "_auth_user_id" not in attacker.session
    # ...nor with a forged X-Forwarded-For: only what the proxy appended counts.
    response = attacker.post(
        "/admin/login/",
        {"username": "N.Petit ", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ATTACKER}",
    )
    assert response.status_code == 429
    # The member, from her own connection, logs in: nobody can lock her out from elsewhere.
    victim = Client()
    response = admin_login(victim, "n.petit", PASSWORD, VICTIM)
    assert response.status_code == 302
    assert victim.get("/admin/").status_code == 200


@throttled
@pytest.mark.django_db
def test_the_admin_lockout_page_keeps_the_login_and_says_what_to_do():
    member("n.petit", roles.LABEL_TEAM)
    attacker = Client()
    for _ in range(5):
        response = admin_login(attacker, "n.petit", "mauvais-mot-de-passe", ATTACKER)
    text = response.content.decode()
    assert response.status_code == 429
    assert "réessayez dans 15 minutes" in text
    assert "n.petit" in text
    assert 'href="/admin/login/"' in text


@throttled
@pytest.mark.django_db
def test_other_accounts_from_the_same_client_are_not_locked():
    member("n.petit", roles.LABEL_TEAM)
    member("s.bernard", roles.COMMUNICATION)
    client = Client()
    for _ in range(5):
        admin_login(client, "n.petit", "mauvais-mot-de-passe", ATTACKER)
    assert admin_login(client, "s.bernard", PASSWORD, ATTACKER).status_code == 302


@throttled
@pytest.mark.django_db
def test_applicant_login_locks_the_pair_not_the_account():
    member("agent@ville.example", roles.APPLICANTS, email="agent@ville.example")
    attacker = Client(REMOTE_ADDR=ATTACKER)
    for _ in range(5):
        response = attacker.post(
            "/compte/connexion/", {"username": "agent@ville.example", "password": "mauvais"}
        )
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    response = attacker.post(
        "/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD}
    )
    assert response.status_code == 429
    victim = Client(REMOTE_ADDR=VICTIM)
    response = victim.post(
        "/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD}
    )
    assert response.status_code == 302


@throttled
@pytest.mark.django_db
def test_a_success_clears_the_failures_of_the_pair():
    member("n.petit", roles.LABEL_TEAM)
    client = Client()
    for _ in range(4):
        admin_login(client, "n.petit", "mauvais-mot-de-passe", ATTACKER)
    assert admin_login(client, "n.petit", PASSWORD, ATTACKER).status_code == 302
    client.post("/admin/logout/")
    for _ in range(4):
        assert admin_login(client, "n.petit", "mauvais", ATTACKER).status_code == 200
    assert admin_login(client, "n.petit", PASSWORD, ATTACKER).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.django_db
def test_admin_password_reset_is_limited_per_address_with_the_address_kept():
    member("n.petit", roles.LABEL_TEAM, email="n.petit@ville.example")
    client = Client()
    for _ in range(3):
        response = client.post(
            "/admin/password_reset/", {"email": "n.petit@ville.example"}, **via_proxy(ATTACKER)
        )
        assert response.status_code == 302
    assert len(mail.outbox) == 3
    # From another connection too, and written differently: the address is what counts.
    response = client.post(
        "/admin/password_reset/", {"email": " N.Petit@Ville.example"}, **via_proxy(VICTIM)
    )
    assert response.status_code == 429
    text = response.content.decode()
    assert "Trop de demandes" in text
    assert "N.Petit@Ville.example" in text
    assert len(mail.outbox) == 3


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.django_db
def test_admin_password_reset_is_limited_per_client():
    client = Client()
    for number in range(10):
        response = client.post(
            "/admin/password_reset/",
            {"email": f"inconnu{number}@ville.example"},
            **via_proxy(ATTACKER),
        )
        assert response.status_code == 302
    response = client.post(
        "/admin/password_reset/", {"email": "encore@ville.example"}, **via_proxy(ATTACKER)
    )
    assert response.status_code == 429
    # Another client behind the same proxy is not concerned.
    response = client.post(
        "/admin/password_reset/", {"email": "encore@ville.example"}, **via_proxy(VICTIM)
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "remote", "expected"),
    [
        (0, "", "192.0.2.1", "192.0.2.1"),
        (0, "198.51.100.7", "192.0.2.1", "192.0.2.1"),  # no proxy: the header is the client's
        (1, "198.51.100.7", "127.0.0.1", "198.51.100.7"),
        (1, "10.0.0.1, 198.51.100.7", "127.0.0.1", "198.51.100.7"),  # forged entry ignored
        (2, "10.0.0.1, 198.51.100.7, 192.0.2.50", "127.0.0.1", "198.51.100.7"),
        (1, "", "127.0.0.1", "127.0.0.1"),  # not through the proxy (a local health check)
        (1, "not-an-address", "127.0.0.1", "127.0.0.1"),
        (1, "2001:db8:1:2:3:4:5:6", "127.0.0.1", "2001:db8:1:2::/64"),
        (1, "::ffff:198.51.100.7", "127.0.0.1", "198.51.100.7"),
    ],
)
def test_client_address_counts_the_trusted_proxies_from_the_right(
    proxies, forwarded, remote, expected
):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(request) == expected
