"""The applicant forms' limits, from the attacker's side: one client address per visitor behind
the proxy (home.security.client), counters in home.security.throttling, logins by django-axes."""

import pytest
from django.core import mail
from django.test import Client, override_settings

from home import roles
from home.tests.security_support import PASSWORD, member, via_proxy

pytestmark = pytest.mark.django_db

ATTACKER = "198.51.100.7"
NEIGHBOUR = "203.0.113.9"


def signup(client, email, address):
    return client.post(
        "/compte/inscription/",
        {
            "first_name": "Jeanne",
            "last_name": "Agent",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        **via_proxy(address),
    )


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_sign_ups_are_limited_per_client_not_for_the_whole_site():
    attacker = Client()
    for n in range(10):
        assert signup(attacker, f"robot{n}@spam.example", ATTACKER).status_code == 302
    refused = signup(attacker, "robot10@spam.example", ATTACKER)
    assert refused.status_code == 429
    assert "inscriptions depuis cette adresse" in refused.content.decode()
    # Behind the proxy, a real visitor is another client: not refused.
    assert signup(Client(), "mairie@lyon.example", NEIGHBOUR).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_applicant_password_reset_is_limited_per_address():
    member("agent@ville.example", roles.APPLICANTS, email="agent@ville.example")
    attacker = Client()
    for n in range(3):
        response = attacker.post(
            "/compte/mot-de-passe/",
            {"email": "agent@ville.example"},
            **via_proxy(f"198.51.100.{n + 1}"),
        )
        assert response.status_code == 302
    response = attacker.post(
        "/compte/mot-de-passe/", {"email": " AGENT@ville.example"}, **via_proxy(ATTACKER)
    )
    assert response.status_code == 429
    assert "AGENT@ville.example" in response.content.decode()
    assert len(mail.outbox) == 3, "no fourth email to the victim"


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_applicant_login_fifth_failure_locks_the_pair_and_the_owner_still_logs_in():
    member("agent@ville.example", roles.APPLICANTS, email="agent@ville.example")
    attacker = Client()
    for _ in range(4):
        response = attacker.post(
            "/compte/connexion/",
            {"username": "agent@ville.example", "password": "mauvais"},
            **via_proxy(ATTACKER),
        )
        assert response.status_code == 400
    response = attacker.post(
        "/compte/connexion/",
        {"username": "agent@ville.example", "password": "mauvais"},
        **via_proxy(ATTACKER),
    )
    assert response.status_code == 429
    owner = Client()
    response = owner.post(
        "/compte/connexion/",
        {"username": "agent@ville.example", "password": PASSWORD},
        **via_proxy(NEIGHBOUR),
    )
    assert response.status_code == 302
