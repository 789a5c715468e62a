"""Vroeghulp settings: one file, every value from the environment, secure unless told otherwise."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production-5d1f0c7a"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.forms",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "vroeghulp.networks",
    "vroeghulp.socialmap",
    "vroeghulp.accounts",
    "vroeghulp.audit",
    "vroeghulp.access",
    "vroeghulp.children",
    "vroeghulp.consent",
    "vroeghulp.referrals",
    "vroeghulp.cbplus",
    "vroeghulp.cases",
    "vroeghulp.meetings",
    "vroeghulp.plans",
    "vroeghulp.followup",
    "vroeghulp.prematurity",
    "vroeghulp.portal",
    "vroeghulp.work",
    "vroeghulp.kept",
    "vroeghulp.monitoring",
    "vroeghulp.retention",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "vroeghulp.audit.middleware.RequestContextMiddleware",
    "vroeghulp.private_pages.PrivatePagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # after authentication: a signed-in person's own choice of language comes first
    "vroeghulp.language.ChosenLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "vroeghulp.access.middleware.RefusalMiddleware",
]

ROOT_URLCONF = "vroeghulp.urls"
WSGI_APPLICATION = "vroeghulp.wsgi.application"

# Forms, fields and widgets are drawn by Django's templates, found like every other template, so
# the project's own in templates/django/forms/ (the form with its error summary, the field with
# its label, select.html) count for every form, the admin's included.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "vroeghulp.accounts.context_processors.navigation",
                "vroeghulp.language.offered_languages",
            ],
            "libraries": {
                "dates": "vroeghulp.dates",
                "links": "vroeghulp.links",
                "audit_rows": "vroeghulp.audit.rows",
            },
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# PostgreSQL's planner assumes that reading a random page costs four sequential reads (its
# default, made for spinning disks); on SSDs or with the data in memory 1.1 is the usual value.
# At 4 the work list read the country's due check-ins to find one coordinator's two (5 ms
# against 0.3 ms; docs/performance.md). Empty: the database server's own setting.
PG_RANDOM_PAGE_COST = os.environ.get("PG_RANDOM_PAGE_COST", "1.1")
if DATABASES["default"]["ENGINE"].endswith("postgresql") and PG_RANDOM_PAGE_COST:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(PG_RANDOM_PAGE_COST)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "vroeghulp.accounts.password_validation.MinimumLength",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Indicators computed side by side (threads, one database connection each); 1 on SQLite.
_ON_SQLITE = DATABASES["default"]["ENGINE"].endswith("sqlite3")
# Covering indexes (INCLUDE) serve PostgreSQL; SQLite builds them without the extra columns.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
MONITORING_WORKERS = int(os.environ.get("MONITORING_WORKERS", "1" if _ON_SQLITE else "2"))
# The dashboard keeps computed figures this long (0: never); "opnieuw berekenen" skips it.
MONITORING_CACHE_SECONDS = int(os.environ.get("MONITORING_CACHE_SECONDS", "300"))
# Kept in files, so every server process on the machine (gunicorn's workers) and the
# warm_dashboards command share them; empty: in each process's own memory.
MONITORING_CACHE_DIR = os.environ.get("MONITORING_CACHE_DIR", str(PROJECT_DIR / "var" / "cache"))
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": MONITORING_CACHE_DIR,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
        if MONITORING_CACHE_DIR
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Rendered lists (kept/lists.py): they name children, so only ever in the memory of the
    # process that rendered them, never in files or a shared cache.
    "lists": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lists",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}
# The work list and the MDO page keep what they rendered at most this long (0: never); any
# change to a row on them ends it at once (kept/stamps.py), so this only bounds what changes
# with time alone.
KEEP_LISTS_SECONDS = int(os.environ.get("KEEP_LISTS_SECONDS", "600"))

# Parents may also log in through an OpenID Connect provider (portal/oidc.py); off unless set.
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
if OIDC_OP_AUTHORIZATION_ENDPOINT:
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["OIDC_OP_JWKS_ENDPOINT"]
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    AUTHENTICATION_BACKENDS.append("vroeghulp.portal.oidc.ParentOIDCBackend")
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "DigiD")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
# The backend makes an account only for a guardian who came through the network's invitation
# to that very verified address (portal/oidc.py `create_user`); nobody else gets one.
OIDC_CREATE_USER = True
OIDC_STORE_ID_TOKEN = False
OIDC_AUTHENTICATION_CALLBACK_URL = "portal:oidc_callback"
OIDC_TIMEOUT = 10

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after 30 minutes without activity.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Lockout after repeated failed logins (django-axes, rules in accounts/lockout.py): an account
# after AXES_FAILURE_LIMIT failures from any address, an address after AXES_ADDRESS_FAILURE_LIMIT
# failures over all accounts. Usernames are e-mail addresses, so axes must not log them.
AXES_HANDLER = "vroeghulp.accounts.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
# Each alone, not combined: the handler counts per account and per address. axes' own reset
# tools read this list.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "vroeghulp.accounts.lockout.attempted_username"
AXES_RESET_ON_SUCCESS = True
# Attempts while locked are not counted, so the lock ends one cool-off after the failure that set
# it; it cannot be stretched by hammering the locked account.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "vroeghulp.accounts.lockout.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Vroeghulp")

LANGUAGE_CODE = "nl"
# The professional side speaks Dutch and English (language.PROFESSIONAL_LANGUAGES); the parents'
# side (portal, public registration form, e-mails to parents) also Arabic, Turkish and Polish.
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("pl", "Polski"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "vroeghulp_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Security headers. HSTS and secure cookies are on unless DEBUG; the CSP allows only our own
# scripts and styles, no inline code.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# SECURE_COOKIES=0 only for the load test over plain HTTP on loopback (docs/performance.md).
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# The address of this installation, used in links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Vroeghulp <noreply@vroeghulp.invalid>")

# The public registration form: submissions per client address per hour, and the least time a
# person needs to fill it in (faster is a bot).
PUBLIC_REGISTRATIONS_PER_HOUR = int(os.environ.get("PUBLIC_REGISTRATIONS_PER_HOUR", "3"))
PUBLIC_REGISTRATION_MIN_SECONDS = int(os.environ.get("PUBLIC_REGISTRATION_MIN_SECONDS", "3"))

# Uploaded documents live outside the web root and are served only through the access policy.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", PROJECT_DIR / "var" / "uploads"))
UPLOAD_MAX_MB = int(os.environ.get("UPLOAD_MAX_MB", "25"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# How long an emergency ("break the glass") access grant lasts.
EMERGENCY_ACCESS_MINUTES = int(os.environ.get("EMERGENCY_ACCESS_MINUTES", "60"))

# The audit log's chain is keyed (HMAC-SHA-256) with a key that is never in the database:
# `<key id>:<secret>` in AUDIT_HMAC_KEY (older keys, which only verify, in AUDIT_HMAC_OLD_KEYS),
# or one key per line in AUDIT_HMAC_KEY_FILE, the last the current one (audit/keys.py). With
# DEBUG off and no key, no audit entry is written; with DEBUG on the demo's key is used.
AUDIT_HMAC_KEY = os.environ.get("AUDIT_HMAC_KEY", "")
AUDIT_HMAC_OLD_KEYS = os.environ.get("AUDIT_HMAC_OLD_KEYS", "")
AUDIT_HMAC_KEY_FILE = os.environ.get("AUDIT_HMAC_KEY_FILE", "")
# Signed checkpoints of the chain's head, outside the database (audit/checkpoints.py): written by
# verify_audit_log and checkpoint_audit_log (with --loop every AUDIT_CHECKPOINT_SECONDS).
AUDIT_CHECKPOINT_DIR = Path(
    os.environ.get("AUDIT_CHECKPOINT_DIR") or PROJECT_DIR / "var" / "audit-checkpoints"
)
AUDIT_CHECKPOINT_SECONDS = int(os.environ.get("AUDIT_CHECKPOINT_SECONDS", "3600"))

# Application logs never carry personal data; the audit log is separate (see docs/security.md).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "vroeghulp.audit.logfilters.ScrubPersonalData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
    },
}
