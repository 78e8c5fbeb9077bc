"""Accounts in the real groups and helpers shared by the security tests."""

import importlib
import sys
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Un-mot-de-passe-solide-2026"


def member(username, group_name, email=None):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=email or f"{username}@ville.example"
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def current_code(device):
    """The six digits an authenticator app shows now for ``device``."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def authenticator_for(user):
    return TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)


def via_proxy(address):
    """Request headers as the reverse proxy sends them (it appends the client's address)."""
    return {"HTTP_X_FORWARDED_FOR": address}


@contextmanager
def production_settings(monkeypatch):
    """The production settings module as the operator's variables make it (not activated)."""
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "label.example.org")
    sys.modules.pop("cms.settings.production", None)
    try:
        yield importlib.import_module("cms.settings.production")
    finally:
        sys.modules.pop("cms.settings.production", None)
