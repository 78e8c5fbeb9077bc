"""Accounts: sign-up without account disclosure, verification, login rate limit, invitations."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from candidatures.models import ApplicantProfile, Invitation, Membership
from candidatures.tests.applicant_helpers import PASSWORD, make_body, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def signup(client, email, password=PASSWORD):
    return client.post(
        "/compte/inscription/",
        {
            "first_name": "Jeanne",
            "last_name": "Agent",
            "email": email,
            "password1": password,
            "password2": password,
        },
    )


def test_signup_answers_the_same_whether_or_not_the_address_has_an_account(client):
    make_user("deja@ville.example")
    new = signup(client, "nouveau@ville.example")
    existing = signup(Client(), "deja@ville.example")
    assert new.status_code == existing.status_code == 302
    assert new["Location"] == existing["Location"]
    page_new = client.get(new["Location"]).content
    # The existing owner is told by email, not on screen.
    assert [m.to for m in mail.outbox] == [["nouveau@ville.example"], ["deja@ville.example"]]
    assert "déjà un compte" in mail.outbox[1].subject
    assert b"existe" not in page_new


def test_signup_errors_are_in_french_next_to_their_field(client):
    response = signup(client, "pas-une-adresse", password="123")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-describedby="id_email_help id_email_errors"' in html
    assert 'id="id_email_errors"' in html
    assert "Saisissez une adresse de courriel valide." in html
    assert 'value="Jeanne"' in html  # nothing typed is lost


def test_verification_link_activates_once_and_a_forged_link_is_refused(client):
    signup(client, "jeanne@ville.example")
    user = get_user_model().objects.get(username="jeanne@ville.example")
    assert not user.is_active
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    assert client.get(link[:-3] + "abc/").status_code == 400
    assert client.get(link).status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert ApplicantProfile.objects.get(user=user).email_verified_at is not None


def test_a_pre_registered_password_is_replaced_by_the_mailbox_owners_sign_up():
    """Account pre-hijacking: an attacker signs up first with the victim's address."""
    attacker, victim = Client(), Client()
    first = signup(attacker, "victime@ville.example", password="Mot-de-passe-attaquant-1")
    second = signup(victim, "victime@ville.example", password="Mot-de-passe-victime-2")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]  # nothing tells the victim (or anyone) apart
    links = [re.search(r"http://testserver(\S+)", m.body).group(1) for m in mail.outbox]
    assert len(links) == 2
    # The attacker's link (sent before the victim's sign-up) no longer activates anything.
    assert victim.get(links[0]).status_code == 400
    assert not get_user_model().objects.get(username="victime@ville.example").is_active
    assert victim.get(links[1]).status_code == 302
    user = get_user_model().objects.get(username="victime@ville.example")
    assert user.is_active
    refused = attacker.post(
        "/compte/connexion/",
        {"username": "victime@ville.example", "password": "Mot-de-passe-attaquant-1"},
    )
    assert refused.status_code == 400
    assert "_auth_user_id" not in attacker.session
    accepted = Client().post(
        "/compte/connexion/",
        {"username": "victime@ville.example", "password": "Mot-de-passe-victime-2"},
    )
    assert accepted.status_code == 302


def test_a_verified_account_keeps_its_password_when_someone_signs_up_again(client):
    make_user("agent@ville.example")
    signup(Client(), "agent@ville.example", password="Un-autre-mot-de-passe-9")
    assert "déjà un compte" in mail.outbox[0].subject
    response = client.post(
        "/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD}
    )
    assert response.status_code == 302


@override_settings(AXES_ENABLED=True)
def test_login_is_refused_after_five_failures_even_with_the_right_password(client):
    make_user("agent@ville.example")
    for _ in range(4):
        response = client.post(
            "/compte/connexion/", {"username": "agent@ville.example", "password": "mauvais"}
        )
        assert response.status_code == 400
    response = client.post(
        "/compte/connexion/", {"username": "agent@ville.example", "password": "mauvais"}
    )
    assert response.status_code == 429  # the 5th failure locks the pair (django-axes)
    response = client.post(
        "/compte/connexion/", {"username": "agent@ville.example", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_the_login_limit_holds_for_unicode_look_alikes_of_the_address(client):
    make_user("agent@ville.example")
    for _ in range(5):
        client.post(
            "/compte/connexion/", {"username": "agent@ville.example", "password": "mauvais"}
        )
    for look_alike in [
        "\uff41gent@ville.example",
        " AGENT@ville.example ",
        "agent@ville.examp\u217ce",
    ]:
        response = client.post("/compte/connexion/", {"username": look_alike, "password": PASSWORD})
        assert response.status_code == 429, look_alike
        assert "Trop de tentatives de connexion" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_then_logout_by_post(client):
    make_user("agent@ville.example")
    response = client.post(
        "/compte/connexion/", {"username": "Agent@Ville.example", "password": PASSWORD}
    )
    assert response["Location"] == "/espace-candidat/"
    assert client.get("/compte/deconnexion/").status_code == 405
    client.post("/compte/deconnexion/")
    assert client.get("/espace-candidat/")["Location"].startswith("/compte/connexion/")


def test_password_reset_does_not_reveal_unknown_addresses(client):
    make_user("agent@ville.example")
    known = client.post("/compte/mot-de-passe/", {"email": "agent@ville.example"})
    unknown = client.post("/compte/mot-de-passe/", {"email": "inconnu@ville.example"})
    assert known["Location"] == unknown["Location"] == "/compte/mot-de-passe/envoye/"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Autre-mot-de-passe-77", "new_password2": "Autre-mot-de-passe-77"},
    )
    assert response["Location"] == "/compte/mot-de-passe/termine/"
    assert Client().login(username="agent@ville.example", password="Autre-mot-de-passe-77")


def test_profile_keeps_name_and_phone(client):
    user = make_user("agent@ville.example")
    client.force_login(user)
    response = client.post(
        "/compte/profil/", {"first_name": "Jeanne", "last_name": "Agent", "phone": "04 00 00 00 00"}
    )
    assert response.status_code == 302
    assert ApplicantProfile.objects.get(user=user).phone == "04 00 00 00 00"
    assert client.post("/compte/profil/", {"first_name": ""}).status_code == 400


def invite(client, body, email):
    return client.post(f"/espace-candidat/collectivites/{body.pk}/membres/", {"email": email})


def test_invitation_accepted_by_a_new_account(client):
    owner = make_user("owner@ville.example")
    body = make_body(owner)
    client.force_login(owner)
    assert invite(client, body, "Collegue@Ville.example").status_code == 302
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    guest = Client()
    assert guest.get(link).status_code == 200
    response = guest.post(
        link,
        {
            "first_name": "Paul",
            "last_name": "Collègue",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response["Location"] == "/espace-candidat/"
    membership = Membership.objects.get(user__username="collegue@ville.example")
    assert membership.collectivite == body and membership.invited_by == owner
    assert guest.get(link).status_code == 410  # used once


def test_invitation_accepted_by_an_existing_account_of_that_address(client):
    owner = make_user("owner@ville.example")
    colleague = make_user("collegue@ville.example")
    body = make_body(owner)
    invitation = Invitation.objects.create(
        email=colleague.email, collectivite=body, invited_by=owner
    )
    other = Client()
    other.force_login(make_user("intrus@ville.example"))
    assert other.post(f"/compte/invitation/{invitation.token}/").status_code == 403
    client.force_login(colleague)
    assert client.post(f"/compte/invitation/{invitation.token}/").status_code == 302
    assert Membership.objects.filter(user=colleague, collectivite=body).exists()


def test_expired_invitation_says_so(client):
    owner = make_user("owner@ville.example")
    body = make_body(owner)
    invitation = Invitation.objects.create(
        email="late@ville.example",
        collectivite=body,
        invited_by=owner,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    response = client.get(f"/compte/invitation/{invitation.token}/")
    assert response.status_code == 410
    assert "a expiré" in response.content.decode()
    assert client.get("/compte/invitation/inconnu/").status_code == 404


def test_invitations_are_limited_to_ten_a_day_per_body(client):
    owner = make_user("owner@ville.example")
    body = make_body(owner)
    client.force_login(owner)
    for n in range(10):
        assert invite(client, body, f"c{n}@ville.example").status_code == 302
    response = invite(client, body, "onzieme@ville.example")
    assert response.status_code == 429
    assert "10 invitations" in response.content.decode()
    assert Invitation.objects.filter(collectivite=body).count() == 10


def test_only_members_see_or_invite_for_a_body(client):
    body = make_body(make_user("owner@ville.example"))
    client.force_login(make_user("autre@ville.example"))
    assert client.get(f"/espace-candidat/collectivites/{body.pk}/membres/").status_code == 404
    assert invite(client, body, "x@ville.example").status_code == 404
