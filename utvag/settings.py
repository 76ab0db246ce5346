"""Settings for Utväg: one module, strict environment helpers, safe defaults.

Development (the default) runs on SQLite with keys generated into var/. Production is switched
on with UTVAG_PRODUCTION=true and then refuses to start without its secrets (docs/operations.md).
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from utvag import devkeys, keys
from utvag.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("UTVAG_VAR_DIR") or BASE_DIR / "var")

PRODUCTION = env_bool("UTVAG_PRODUCTION")
# Off by default even in the demo: debug pages would show personal data from the request.
DEBUG = env_bool("UTVAG_DEBUG")
# Demo mode lets the synthetic demo accounts skip 2FA; every page says so (web/templates/base.html).
DEMO_MODE = env_bool("UTVAG_DEMO")
if PRODUCTION and (DEBUG or DEMO_MODE):
    raise ImproperlyConfigured("UTVAG_PRODUCTION cannot be combined with UTVAG_DEBUG or UTVAG_DEMO")

_dev_keys = {} if PRODUCTION else devkeys.load_or_create(VAR_DIR / "dev-keys.json")


def _secret(name: str) -> str:
    value = env_str(name) or _dev_keys.get(name)
    if not value:
        raise ImproperlyConfigured(f"{name} (or {name}_FILE) must be set in production")
    return value


def _key_ring(ring: str, single: str) -> tuple[str, list[str]]:
    """A comma-separated key ring, newest first, or the one key of a deployment from before rotation.

    Returns the variable the keys came from (for error messages) and the keys.
    """
    listed, one = env_list(ring), env_str(single)
    if listed and one:
        raise ImproperlyConfigured(f"set {ring} or {single}, not both (put every key in {ring}, newest first)")
    if listed:
        return ring, listed
    one = one or _dev_keys.get(single)
    if not one:
        raise ImproperlyConfigured(f"{ring} or {single} (or either as _FILE) must be set in production")
    return single, [one.strip()]


SECRET_KEY = _secret("SECRET_KEY")
# Field encryption keys are separate from SECRET_KEY: comma-separated Fernet keys, newest first.
FIELD_ENCRYPTION_KEYS = [k.strip() for k in _secret("UTVAG_FIELD_KEYS").split(",") if k.strip()]
keys.check_fernet_keys("UTVAG_FIELD_KEYS", FIELD_ENCRYPTION_KEYS)
# Blind-index and access-log HMAC keys, newest first (docs/operations.md, "Keys").
_index_source, BLIND_INDEX_KEYS = _key_ring("UTVAG_INDEX_KEYS", "UTVAG_INDEX_KEY")
_log_source, ACCESS_LOG_KEYS = _key_ring("UTVAG_LOG_KEYS", "UTVAG_LOG_KEY")
keys.check_hmac_keys(_index_source, BLIND_INDEX_KEYS)
keys.check_hmac_keys(_log_source, ACCESS_LOG_KEYS)

ALLOWED_HOSTS = env_list("UTVAG_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("UTVAG_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_htmx",
    "ninja",  # its Swagger UI from our own static files, not a CDN
    "simple_history",
    "django_tasks_db",
    "core",
    "accounts",
    "access",
    "people",
    "cases",
    "delegation",
    "catalogue",
    "deadlines",
    "intake",
    "investigations",
    "decisions",
    "journal",
    "documents",
    "assessments",
    "programme",
    "protection",
    "collaboration",
    "outreach",
    "casefile",
    "reports",
    "administration",
    "web",
    "api",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "access.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "web.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "web.middleware.PrivateResponseMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.RequirePasswordChangeMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "utvag.urls"
WSGI_APPLICATION = "utvag.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our templates first, so they override allauth's layout.
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "web.context_processors.utvag",
                "access.context_processors.permissions",
            ],
        },
    }
]

if PRODUCTION and not env_str("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production")
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'utvag.sqlite3'}",
        conn_max_age=env_int("UTVAG_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if PRODUCTION and DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production, not SQLite")
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiling pays off for long analytic queries; on page-sized queries with subplans it cost
    # up to a second per search at city scale (docs/benchmarks.md).
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.passwords.RepetitionValidator"},
]

# allauth: accounts are created by administrators; sign-in by username; 2FA for everyone.
ACCOUNT_ADAPTER = "accounts.adapters.StaffAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
# Behind the municipality's reverse proxy: how many proxies append to X-Forwarded-For. The client IP
# it yields is used for sign-in rate limits and written to the access log.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("UTVAG_TRUSTED_PROXY_COUNT", 0)
ACCOUNT_RATE_LIMITS = {"login_failed": "5/15m/ip,5/15m/key", "login": "30/m/ip"}
MFA_ADAPTER = "accounts.adapters.StaffMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
MFA_TOTP_ISSUER = "Utväg"
# Single sign-on through the municipality's identity provider (OpenID Connect, e.g. Entra ID), when
# configured. It never creates accounts: a login connects to the existing account whose e-mail the
# provider vouches for, which is safe only because this one provider is trusted (docs/operations.md).
SOCIALACCOUNT_ADAPTER = "accounts.adapters.StaffSocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, object]] = {}
if env_str("UTVAG_OIDC_SERVER_URL"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "municipality",
                "name": env_str("UTVAG_OIDC_NAME", "Kommunens inloggning"),
                "client_id": _secret("UTVAG_OIDC_CLIENT_ID"),
                "secret": _secret("UTVAG_OIDC_CLIENT_SECRET"),
                "settings": {"server_url": env_str("UTVAG_OIDC_SERVER_URL")},
            }
        ],
    }
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "casefile:my_work"

SESSION_COOKIE_AGE = env_int("UTVAG_SESSION_IDLE_MINUTES", 30) * 60
# SESSION_COOKIE_AGE is the idle limit: accounts.middleware renews a session on activity.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_AGE = timedelta(hours=env_int("UTVAG_SESSION_ABSOLUTE_HOURS", 10))
# __Host- cookies are sent only over HTTPS, for this host and path, and cannot be set by a subdomain.
SESSION_COOKIE_NAME = "__Host-sessionid" if PRODUCTION else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if PRODUCTION else "csrftoken"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
# Preloading binds the municipality's whole domain to HTTPS in every browser: the operator's choice.
SECURE_HSTS_PRELOAD = env_bool("UTVAG_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_SSL_REDIRECT = env_bool("UTVAG_SSL_REDIRECT", PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["utvag.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Without collectstatic outside production: whitenoise serves straight from the apps.
WHITENOISE_USE_FINDERS = not PRODUCTION

# A database cache, so sign-in rate limits are shared by all server processes and survive restarts
# (core migration 0001 creates the table).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "utvag_cache"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("UTVAG_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every step of every PDF at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Break-the-glass access lasts this long; every use is logged and listed for review.
EMERGENCY_ACCESS_HOURS = env_int("UTVAG_EMERGENCY_ACCESS_HOURS", 4)
# Synthetic identity numbers (wrong check digit by design, see docs/synthetic-data.md) are searchable
# only outside production.
SYNTHETIC_IDENTITIES_ALLOWED = not PRODUCTION
# Exports (reports.exports): the task worker writes each file into this directory, which is never
# served (not static, not media); a file is downloadable once, by whoever asked for it, and is removed
# when it is downloaded or expires (docs/operations.md, "Exports").
EXPORT_DIR = Path(env_str("UTVAG_EXPORT_DIR") or VAR_DIR / "exports")
EXPORT_HOURS = env_int("UTVAG_EXPORT_HOURS", 24)
# The access log's seal witness: a file outside the database that each new seal's line is appended
# to (and fsync'ed), for `verify_access_log --witness` to catch a cut-off tail (docs/operations.md).
ACCESS_LOG_WITNESS = env_str("UTVAG_LOG_WITNESS") or None
# The public contact page (`/kontakt/`, outreach.public_contact, docs/outreach.md): the account that
# registers its requests (cannot sign in; its unit's mottagning receives them), the number the page gives
# for calling instead, and the neutral site its "leave this page quickly" button replaces it with.
UTVAG_PUBLIC_CONTACT_ACCOUNT = env_str("UTVAG_PUBLIC_CONTACT_ACCOUNT") or "webbkontakt"
UTVAG_PUBLIC_CONTACT_PHONE = env_str("UTVAG_PUBLIC_CONTACT_PHONE") or "040-34 10 00"
UTVAG_QUICK_EXIT_URL = env_str("UTVAG_QUICK_EXIT_URL") or "https://www.smhi.se/"
