"""System checks of the production settings (run by ``manage.py check --deploy``)."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.security, deploy=True)
def second_factor_required(app_configs, **kwargs):
    """Production never exempts anyone from the second factor."""
    errors = []
    if not settings.SECURITY_2FA_REQUIRED:
        errors.append(
            checks.Error(
                "The second factor is not required of admin accounts.",
                hint="Set SECURITY_2FA_REQUIRED = True (cms/settings/production.py does).",
                id="security.E001",
            )
        )
    if settings.SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS or getattr(
        settings, "DEMO_ACCOUNTS_ALLOWED", False
    ):
        errors.append(
            checks.Error(
                "Demo accounts are allowed or exempt from the second factor.",
                hint="Production sets DEMO_ACCOUNTS_ALLOWED and SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS "
                "to False.",
                id="security.E002",
            )
        )
    return errors


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Login and rate-limit counters must be shared by every web process."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES or not getattr(settings, "REDIS_URL", ""):
        return [
            checks.Warning(
                f"The default cache is per process ({backend}) or REDIS_URL is unset: login "
                "lockouts and rate limits count separately in each web process.",
                hint="Set REDIS_URL (deploy/tnl.env.example).",
                id="security.W001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def content_security_policy(app_configs, **kwargs):
    if not settings.SECURE_CSP:
        return [
            checks.Warning(
                "No Content-Security-Policy is sent.",
                hint="Set SECURE_CSP = SECURITY_CSP_POLICY (cms/settings/production.py does).",
                id="security.W002",
            )
        ]
    return []
