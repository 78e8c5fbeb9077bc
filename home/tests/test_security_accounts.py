"""Accounts, from the attacker's side: a confirmation link logs in once and is then spent."""

import re

import pytest
from django.core import mail
from django.test import Client

from home.tests.security_support import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_copy_of_the_confirmation_email_no_longer_logs_in():
    owner = Client()
    owner.post(
        "/compte/inscription/",
        {
            "first_name": "Jeanne",
            "last_name": "Agent",
            "email": "jeanne@ville.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    response = owner.get(link)
    assert response["Location"] == "/espace-candidat/"
    assert "_auth_user_id" in owner.session

    # Someone who read the email later (a forwarded message, a shared mailbox) gets no session.
    reader = Client()
    response = reader.get(link)
    assert response.status_code == 302
    assert response["Location"] == "/compte/connexion/"
    assert "_auth_user_id" not in reader.session
    assert "déjà confirmée" in reader.get("/compte/connexion/").content.decode()
