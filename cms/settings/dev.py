"""Local development: debug on, emails in the console, demo accounts allowed."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-" + "x" * 40)
ALLOWED_HOSTS = ["*"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEMO_ACCOUNTS_ALLOWED = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Security: the second factor is asked as in production, except of the demo accounts (the demo
# logs in with their shared password); a developer's own accounts enrol like anyone's.
SECURITY_2FA_REQUIRED = True
SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS = True
