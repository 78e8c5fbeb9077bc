"""Settings shared by every environment; environment variables drive what differs."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, top of the stack first (see docs/architecture.md).
    "candidatures",
    "editions",
    "editions.selfassessment",
    "home",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Wagtail's PostgreSQL search index needs it (SearchVectorField, GinIndex); inert on SQLite.
    "django.contrib.postgres",
    "storages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Whole anonymous public pages from the shared cache when APP_PAGE_CACHE is on
    # (home.page_cache); above GZip, so it keeps the compressed copy.
    "home.page_cache.AppPageCacheMiddleware",
    # Compresses HTML and exports (static files come precompressed from WhiteNoise).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session, CSRF and auth middleware: it decides on the final response whether a
    # shared cache may keep it (home.caching).
    "home.caching.HttpCachingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.caching.CookielessAnonymousMiddleware",
    "home.sites.CachedSiteMiddleware",  # Wagtail's Site lookup from the cache
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "candidatures.middleware.StaffOnlyReportsMiddleware",
]

# HTTP caching of anonymous public pages (home.caching): browsers keep them a minute, the
# reverse proxy ten, and is purged of the exact URLs that show a change (home.purge).
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", "60"))
HTTP_CACHE_S_MAXAGE = int(os.environ.get("HTTP_CACHE_S_MAXAGE", "600"))
# The application's cache of those pages (home.page_cache), in the default cache (Redis in
# production): a copy lives max-age seconds at most, and any content change forgets them all.
APP_PAGE_CACHE = env_bool("APP_PAGE_CACHE", False)
CACHE_MIDDLEWARE_KEY_PREFIX = ""
CACHE_MIDDLEWARE_SECONDS = HTTP_CACHE_MAX_AGE

# Purge of the reverse proxy (Wagtail's front-end cache, HTTP backend): FRONTEND_CACHE_URL is
# the purge location of the shipped nginx (deploy/nginx/tnl.conf, 127.0.0.1:8081); each purge
# is a PURGE request with the public Host, which nginx answers by refetching the page.
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite in the repository unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (applicants saving their dossiers at once): every transaction takes
    # the write lock when it begins (IMMEDIATE), so a writer waits for the lock (busy timeout)
    # instead of failing with "database is locked" when a read turns into a write; WAL lets
    # readers go on while one writer writes. select_for_update() is a no-op on SQLite: the
    # IMMEDIATE transaction is what serialises a dossier's read-modify-write there.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "home.cache_backend.RedisCache",  # one client per pool
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tnl"),
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tnl",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # 12 characters at least: admin accounts hold personal data and embargoed decisions.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French site.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False

# Static files: sources in static/, collected (hashed, compressed) into staticfiles/.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))

# Media storage: local folders unless an S3-compatible bucket is configured. The "private"
# alias holds dossier attachments; it is never served directly (views stream its files), and
# its URLs, when asked for, are signed for 5 minutes.


def s3_storages(environ):
    """The "default" and "private" storages on S3 from these variables (os.environ in real life;
    the S3 tests pass their own to point them at the S3 server they start)."""
    bucket = environ["AWS_STORAGE_BUCKET_NAME"]
    public = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": False,
        # Signature V4: V2 (botocore's choice for some endpoints) is refused by most providers.
        "signature_version": environ.get("AWS_S3_SIGNATURE_VERSION") or "s3v4",
    }
    private = {
        **public,
        "bucket_name": environ.get("AWS_PRIVATE_BUCKET_NAME", bucket),
        "location": "private",
        "custom_domain": None,
        "querystring_auth": True,
        "querystring_expire": 300,
    }
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": public},
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": private},
    }


AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES = s3_storages(os.environ)
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
    }
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Background work (Django tasks): immediate unless a settings file says otherwise.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Email.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Label TNL <label@territoire-numerique-libre.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def mailer_from_env():
    """Django 6.1 mailer from the environment: SMTP by default, or any backend by dotted path.

    Each backend takes its own options (an unknown option is an error with ``MAILERS``): SMTP
    reads ``EMAIL_HOST``... , the file backend ``EMAIL_FILE_PATH``; others take none.
    """
    backend = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    options = {}
    if backend.endswith(".smtp.EmailBackend"):
        options = {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "timeout": int(os.environ.get("EMAIL_TIMEOUT", "30")),
        }
    elif backend.endswith(".filebased.EmailBackend"):
        options = {"file_path": os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))}
    return {"BACKEND": backend, "OPTIONS": options}


# Every send goes through the delivery log and a background task that retries (home.mail):
# "default" only records and enqueues, "outgoing" is the real mailer. dev/test settings send
# directly. Tries are spaced by MAIL_RETRY_DELAYS (seconds); after the last, staff see the error.
MAILERS = {
    "default": {"BACKEND": "home.mail.QueuedEmailBackend"},
    "outgoing": mailer_from_env(),
}
MAIL_RETRY_DELAYS = (60, 300, 1800, 7200)

# RGPD: personal data of inactive accounts and closed dossiers is anonymised after this many days
# (manage.py apply_retention, daily timer).
RGPD_RETENTION_DAYS = int(os.environ.get("RGPD_RETENTION_DAYS", str(3 * 365)))

LOGIN_URL = "/compte/connexion/"
LOGIN_REDIRECT_URL = "/espace-candidat/"

# Wagtail
WAGTAIL_SITE_NAME = "Territoire Numérique Libre"
# The site's public address: the Wagtail Site (hostname, port) is set from it at deploy
# (`manage.py setup_site`), so the sitemap, feeds, canonical and OpenGraph URLs carry it; emails
# sent from background tasks (no request) build their links on WAGTAILADMIN_BASE_URL.
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL: French stemming with accents folded (created by home migration 0009);
        # SQLite uses FTS5 and ignores it.
        "SEARCH_CONFIG": "french_unaccent",
    }
}
# What the site search shows beside the pages (home.search): the public record's bodies and
# éditions. Named here so that home never imports the apps above it.
SEARCH_PROVIDERS = ["editions.search.search_record"]
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odp",
    "ods",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# A dossier goes live only at its workflow's end, published by the lifecycle (issue 9).
WAGTAIL_FINISH_WORKFLOW_ACTION = "candidatures.lifecycle.finish.finish_workflow"
# Moderation emails go to the people of the task's group only (for pages: "Responsables
# communication", once per submission). Superusers are not in the editorial loop; with this on,
# they also got Wagtail's generic "submitted to workflow" email, a second one per event.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Moderation emails as text + HTML; the HTML in our email layout
# (templates/wagtailadmin/notifications/base.html overrides Wagtail's, which links a remote image).
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party avatars in the admin (privacy: no email hash sent to gravatar.com).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "link",
                "document-link",
                "hr",
            ]
        },
    }
}

# Data loaded by `manage.py load_demo`, in order (each app contributes its own part).
DEMO_LOADERS = [
    "home.demo.load",
    "editions.demo.load",
    "editions.selfassessment.demo.load",
    "candidatures.demo.load",
]

# Security defaults that hold everywhere; production tightens the rest.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
    },
}

SITE_DESCRIPTION = _("Le label des collectivités qui choisissent le logiciel libre.")


# ---------------------------------------------------------------------------------------------
# Security: login throttling, rate limits, second factor, sessions, browser policies.
# One block (docs/security.md); production.py switches on what the demo and tests leave off.
# ---------------------------------------------------------------------------------------------

# Client address of every limit (home.security.client.client_address): behind N reverse proxies
# that each append to X-Forwarded-For, the client is the N-th address from its right end.
# 0 means no proxy (REMOTE_ADDR); production defaults to 1, the proxy the README prescribes.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# Placed relative to Django's own middleware so that the list above can change freely.


def _insert_after(anchor, *names):
    position = MIDDLEWARE.index(anchor) + 1
    MIDDLEWARE[position:position] = names


_insert_after(
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "home.security.policies.AdminContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
)
_insert_after(
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.security.sessions.AdminSessionLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.security.second_factor.SecondFactorMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes asks

# Login throttling (django-axes): the pair (account, client) is locked, never the account alone,
# so nobody can lock a known user out from elsewhere. Five failures are answered as failures;
# the sixth locks the pair for 15 minutes. Counters live in the default (shared) cache.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5  # the 5th failure of a pair (account, client) locks it
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "home.security.client.client_address"
AXES_USERNAME_CALLABLE = "home.security.throttling.attempted_username"
AXES_LOCKOUT_CALLABLE = "home.security.throttling.lockout_response"
# axes.W001 flags a per-process cache even in the demo and tests, where one process is right;
# security.W001 (a deploy check) says it where it matters, in production.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# Rate limits of forms that send email or check a code (django-ratelimit's counters, same cache).
# Name -> rate; home.security.throttling says which key (client, address...) each one counts.
RATELIMIT_USE_CACHE = "default"
SECURITY_RATE_LIMITS = {
    "signup_client": "10/h",
    "access_request_user": "3/d",
    "invitations_body": "10/d",
    "password_reset_client": "10/h",
    "password_reset_address": "3/h",
    "second_factor": "10/15m",
    "contact_client": "5/h",
}

# Second factor (django-otp: TOTP and recovery codes) for every account that can reach the admin.
# Off here (tests of staff capabilities log in with a password); production turns it on, the
# demo too with its demo accounts exempt (a deploy check refuses any exemption in production).
SECURITY_2FA_REQUIRED = False
SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS = False
# Views an authenticated admin account reaches before its second factor (URL names).
SECURITY_2FA_OPEN_VIEWS = [
    "security_2fa_verify",
    "security_2fa_enrol",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "candidatures:logout",
    "health",
]
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
SECURITY_RECOVERY_CODES = 10

# Sessions: a week at most for everyone; admin accounts are logged out after 2 hours idle and
# 12 hours after their login, whatever they do (None: no limit, the test settings' default).
SESSION_COOKIE_AGE = 7 * 24 * 3600
SECURITY_ADMIN_SESSION_IDLE = 2 * 3600
SECURITY_ADMIN_SESSION_MAX_AGE = 12 * 3600

# Browser policies, sent by production (and by the browser test that checks the admin under
# them). 'self' only: no inline script, no per-response nonce, so shared caches keep public pages.
SECURITY_CSP_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The admin's own policy: Wagtail 8 renders inline widget scripts (date pickers, choosers) and
# its bundles inject inline styles, without nonce support, so its pages (private, never in a
# shared cache) allow inline code; no other origin may still serve a script, receive a form or a
# request, or frame them (home.security.policies).
SECURITY_CSP_ADMIN_POLICY = {
    **SECURITY_CSP_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}
SECURE_CSP = {}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}
