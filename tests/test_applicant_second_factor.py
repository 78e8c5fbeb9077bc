"""The applicant's optional second factor: enabled from the profile with a real TOTP code,
then asked at every login (recovery codes work once), disabled only with the password."""

import time

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from candidatures.models import ApplicantProfile
from home.roles import APPLICANTS
from tests.people import PASSWORD, person

pytestmark = pytest.mark.django_db


def code(device, steps_ahead=0):
    """The authenticator's code now (or ``steps_ahead`` steps later: a code is used once)."""
    t0 = device.t0 - steps_ahead * device.step
    return f"{totp(device.bin_key, device.step, t0, device.digits):06d}"


def login(client, user):
    return client.post("/compte/connexion/", {"username": user.username, "password": PASSWORD})


def test_enable_then_login_asks_the_code_then_disable_needs_the_password():
    applicant = person("agent-2fa@ville.example", APPLICANTS)
    ApplicantProfile.objects.create(user=applicant, email_verified_at=timezone.now())
    client = Client()
    assert login(client, applicant)["Location"] == "/espace-candidat/"
    assert "Vérification en deux étapes" in client.get("/compte/profil/").content.decode()
    assert "Activer la vérification" in client.get("/compte/deux-etapes/").content.decode()

    # Enrol: the authenticator's code enables it and shows 10 recovery codes.
    page = client.get("/compte/deux-etapes/activer/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=applicant, confirmed=False)
    wrong = f"{(int(code(device)) + 1) % 1000000:06d}"
    response = client.post("/compte/deux-etapes/activer/", {"code": code(device)})
    assert response.status_code == 200
    recovery = response.context["codes"]
    assert len(recovery) == 10
    device.refresh_from_db()
    assert device.confirmed

    # A new login: the password alone does not open the space.
    client = Client()
    response = login(client, applicant)
    assert response["Location"] == "/compte/connexion/code/"
    assert client.get("/espace-candidat/")["Location"].startswith("/compte/connexion/")
    response = client.post("/compte/connexion/code/", {"code": wrong})
    assert response.status_code == 400 and "pas valable" in response.content.decode()
    assert client.get("/espace-candidat/").status_code == 302
    time.sleep(1.1)  # django-otp makes each failure wait longer: 1 s after the first
    response = client.post("/compte/connexion/code/", {"code": code(device, steps_ahead=1)})
    assert response["Location"] == "/espace-candidat/"
    assert client.get("/espace-candidat/").status_code == 200

    # A recovery code works once.
    for expected in (302, 400):
        other = Client()
        login(other, applicant)
        response = other.post("/compte/connexion/code/", {"code": recovery[0]})
        assert response.status_code == expected
    # Without a right password first, the code page sends back to the login.
    assert Client().post("/compte/connexion/code/", {"code": recovery[1]}).status_code == 302

    # Disabling needs the password.
    response = client.post("/compte/deux-etapes/desactiver/", {"password": "pas-le-bon"})
    assert response.status_code == 400 and "Mot de passe incorrect" in response.content.decode()
    assert TOTPDevice.objects.filter(user=applicant).exists()
    response = client.post("/compte/deux-etapes/desactiver/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=applicant).exists()
    assert not StaticDevice.objects.filter(user=applicant).exists()
    assert login(Client(), applicant)["Location"] == "/espace-candidat/"


def test_code_guessing_is_limited_per_account_and_client():
    applicant = person("agent-devine@ville.example", APPLICANTS)
    device = TOTPDevice.objects.create(user=applicant, name="Application", confirmed=True)
    client = Client()
    assert login(client, applicant)["Location"] == "/compte/connexion/code/"
    for _attempt in range(10):
        client.post("/compte/connexion/code/", {"code": "000000"})
    response = client.post("/compte/connexion/code/", {"code": code(device)})
    assert response.status_code == 429 and "Trop d&#x27;essais" in response.content.decode()
    assert client.get("/espace-candidat/").status_code == 302
