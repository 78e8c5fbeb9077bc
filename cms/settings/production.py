"""Production: every secret comes from the environment; HTTPS behind a reverse proxy."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list, os

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", ",".join(f"https://{host}" for host in ALLOWED_HOSTS)
)
DEMO_ACCOUNTS_ALLOWED = False

# The public address: SITE_URL, else https:// + the first allowed host.
SITE_URL = os.environ.get("SITE_URL", f"https://{ALLOWED_HOSTS[0]}").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL).rstrip("/")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
X_FRAME_OPTIONS = "DENY"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The reverse proxy's purge (WAGTAILFRONTENDCACHE) is set in base.py from FRONTEND_CACHE_URL.
# Whole anonymous public pages in the shared cache (home.page_cache). On by default with Redis
# only: with a per-process cache, a change seen by one worker would not reach the others' copies.
APP_PAGE_CACHE = env_bool("APP_PAGE_CACHE", bool(REDIS_URL))  # noqa: F405

# Security (the block of base.py says what each setting does; docs/security.md the threats).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURITY_2FA_REQUIRED = True
SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS = False
SECURE_CSP = SECURITY_CSP_POLICY  # noqa: F405
