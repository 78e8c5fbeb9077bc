"""Production settings: second factor for all, browser policies, shared counters, checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings

from home.tests.security_support import production_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production(monkeypatch):
    with production_settings(monkeypatch) as module:
        yield module


def test_production_requires_the_second_factor_of_everyone(production):
    assert production.SECURITY_2FA_REQUIRED is True
    assert production.SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS is False
    assert production.DEMO_ACCOUNTS_ALLOWED is False
    assert production.TRUSTED_PROXY_COUNT == 1
    assert production.SECURE_CSP["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in str(production.SECURE_CSP)


def deploy_check(**env):
    variables = {
        name: value
        for name, value in os.environ.items()
        if name not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    variables.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="label.example.org",
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=variables,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_the_production_variables():
    result = deploy_check(REDIS_URL="redis://127.0.0.1:6379/4", CACHE_KEY_PREFIX="hard-check")
    assert result.returncode == 0, result.stderr


def test_deploy_check_warns_of_counters_kept_per_process():
    result = deploy_check()
    assert result.returncode != 0
    assert "security.W001" in result.stderr


def deploy_check_ids():
    return {m.id for m in run_checks(tags=["security"], include_deployment_checks=True)}


@override_settings(SECURITY_2FA_REQUIRED=False)
def test_deploy_check_refuses_production_without_the_second_factor():
    ids = deploy_check_ids()
    assert "security.E001" in ids


@override_settings(SECURITY_2FA_REQUIRED=True, SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS=True)
def test_deploy_check_refuses_exempt_demo_accounts():
    ids = deploy_check_ids()
    assert "security.E002" in ids


@pytest.mark.django_db
def test_public_pages_carry_the_production_policies_without_a_nonce(production, home_page):
    with override_settings(SECURE_CSP=production.SECURE_CSP):
        first = Client().get("/")
        second = Client().get("/")
    policy = first["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
    assert "nonce-" not in policy
    # The same header for every visitor: a shared cache can keep the page.
    assert second["Content-Security-Policy"] == policy
    permissions = first["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions
