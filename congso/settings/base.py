"""Settings read from the environment, with an embedded default that needs nothing installed.

Without any variable set: SQLite in ./var, local-memory cache, media on disk in ./media.
Production sets DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS (see docs/install.md).
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("CONGSO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The development key is only for the embedded default; production.py refuses to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "congso-insecure-development-key-change-me")  # noqa: S105
# ".localhost": the demo's second site (a commune) is served as xa-mau.localhost, which browsers
# and curl resolve to 127.0.0.1 without /etc/hosts (RFC 6761).
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "congso.core",
    "congso.users",
    "congso.home",
    "congso.news",
    "congso.documents",
    "congso.organisation",
    "congso.procedures",
    "congso.dossiers",
    "congso.servicestats",
    "congso.reminders",
    "congso.retention",
    "congso.servicereports",
    "congso.payments",
    "congso.nationalsync",
    "congso.index766",
    "congso.comments",
    "congso.drafts",
    "congso.questions",
    "congso.contact",
    "congso.schedule",
    "congso.polls",
    "congso.publications",
    "congso.analytics",
    "congso.search",
    "congso.api",
    "congso.seeds",
    # Before allauth: its templates and (Vietnamese) messages are overridden here.
    "congso.accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
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
    "django_filters",
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
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "congso.core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "congso.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "congso.wsgi.application"

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'congso.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers continue while a writer commits; the busy timeout avoids spurious
    # "database is locked" errors under a multi-worker server. Connections are kept (as on
    # PostgreSQL): reopening the file per request also threw away SQLite's page cache, which
    # cost ~3 ms per search at 100.000 articles (docs/benchmarks.md, "Search").
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "congso"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            "TIMEOUT": 300,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "congso") + "-renditions",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            "TIMEOUT": 3600,
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "congso-default",
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "congso-renditions",
            "TIMEOUT": 3600,
        },
    }

# Background work (signature verification, index updates): stored in the database so that
# nothing queued is lost on restart; `manage.py db_worker` runs it (see docs/install.md).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_USER_MODEL = "users.User"
# ModelBackend first: officers log in at /admin/ by username exactly as before; allauth's
# backend adds e-mail/phone login for citizens and never accepts staff (accounts.backends).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "congso.accounts.backends.CitizenAuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["congso.core.formats"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Citizens' dossier files and generated slips: never under MEDIA_ROOT, only served by views that
# check who asks (back it up with the database: docs/install.md).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Sở Thông tin và Truyền thông")
# The address readers use. Absolute URLs (sitemap, RSS, canonical, API, command output) come
# from the default Site record, which `manage.py set_site_address` sets from this value (and
# `make demo` to 127.0.0.1:$PORT); Wagtail's e-mails link to the admin under it. See
# docs/install.md, "The portal's address".
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "core.CongsoImage"
WAGTAILDOCS_DOCUMENT_MODEL = "documents.FileDocument"
# Files are always served through a view that checks permission, never straight from MEDIA_ROOT.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "doc", "xls", "odt", "ods"]
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_SIZE", str(50 * 1024 * 1024)))
WAGTAILDOCS_MAX_UPLOAD_SIZE = DOCUMENT_MAX_UPLOAD_SIZE
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Each file a citizen attaches to an online dossier (congso.dossiers.uploads).
DOSSIER_UPLOAD_MAX_BYTES = int(os.environ.get("DOSSIER_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Wagtail's own form leaves the password field without a (translatable) label.
WAGTAILADMIN_USER_LOGIN_FORM = "congso.users.forms.LoginForm"
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%H:%M %d/%m/%Y"
WAGTAIL_TIME_FORMAT = "%H:%M"
TAGGIT_CASE_INSENSITIVE = True

# congso
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", BASE_DIR.parent / "shared" / "seeds"))
# Without Redis each process flushes its own pending counts this often (with Redis, the
# flush_stats timer does it).
ANALYTICS_FLUSH_INTERVAL_SECONDS = 60
COMMENTS_RATE_LIMIT = os.environ.get("COMMENTS_RATE_LIMIT", "5/600")  # posts / seconds per IP
# The other public forms (issue 11), same form: posts / seconds per IP (counted as a keyed hash).
DRAFT_COMMENTS_RATE_LIMIT = os.environ.get("DRAFT_COMMENTS_RATE_LIMIT", "5/600")
QUESTIONS_RATE_LIMIT = os.environ.get("QUESTIONS_RATE_LIMIT", "3/600")
CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5/3600")
POLLS_RATE_LIMIT = os.environ.get("POLLS_RATE_LIMIT", "20/3600")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# Number of reverse proxies in front of the app whose X-Forwarded-For can be trusted.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# A Vietnamese refusal that sends comment writers back to a form with a fresh token.
CSRF_FAILURE_VIEW = "congso.comments.views.csrf_failure"

# Citizen accounts (congso.accounts, django-allauth): docs/citizens.md, docs/accounts-oidc.md.
ACCOUNT_ADAPTER = "congso.accounts.adapters.CitizenAccountAdapter"
SOCIALACCOUNT_ADAPTER = "congso.accounts.adapters.CitizenSocialAccountAdapter"
ACCOUNT_FORMS = {
    "login": "congso.accounts.forms.CitizenLoginForm",
    "signup": "congso.accounts.forms.CitizenSignupForm",
    "reset_password": "congso.accounts.forms.CitizenResetPasswordForm",
}
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
# Phone is optional for allauth so that an OIDC login without a phone claim can still sign
# up; the portal's own signup form makes it required.
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
# Without an SMS gateway (congso.accounts.sms is an interface) phone numbers are not verified
# by code; an agency with a gateway sets ACCOUNT_PHONE_VERIFICATION=1.
ACCOUNT_PHONE_VERIFICATION_ENABLED = env_bool("ACCOUNT_PHONE_VERIFICATION", False)
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if BASE_URL.startswith("https") else "http"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    # Per IP and per login: slows password guessing without locking a family's shared IP.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "change_phone": "1/m/user",
    "verify_phone": "1/30s/key,3/m/ip",
}
# allauth counts its rate limits per client IP: behind nginx it must read X-Forwarded-For
# exactly as the rest of the portal does, or every citizen would share the proxy's address.
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_FORMS = {"signup": "congso.accounts.forms.CitizenSocialSignupForm"}
# Never log into an existing account because a provider reports the same e-mail address.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
from congso.accounts.oidc_config import socialaccount_providers  # noqa: E402

SOCIALACCOUNT_PROVIDERS = socialaccount_providers(os.environ)
# The claim carrying the citizen's ID number (CCCD); each provider names it its own way.
OIDC_ID_NUMBER_CLAIM = os.environ.get("OIDC_ID_NUMBER_CLAIM", "id_number")
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
# E-mail: without a mail server configured, mails are written as files to var/mail (the demo
# says where); production sets EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and
# EMAIL_HOST etc. Tests use Django's in-memory outbox.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "khong-tra-loi@localhost")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
# EMAIL_URL=smtp+tls://user:password@mail.example.gov.vn:587 (or smtps://…:465, smtp://…:25)
# sets the SMTP backend and every EMAIL_HOST* at once (docs/notifications.md).
if os.environ.get("EMAIL_URL"):
    from urllib.parse import unquote, urlsplit

    _mail = urlsplit(os.environ["EMAIL_URL"])
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or {"smtps": 465, "smtp+tls": 587}.get(_mail.scheme, 25)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail.scheme == "smtp+tls"
    EMAIL_USE_SSL = _mail.scheme == "smtps"
# Channels that tell citizens about their dossiers (congso.dossiers.notifications): e-mail by
# default; add ...SmsNotifier / ...ZaloNotifier, or an agency's own class (comma-separated).
DOSSIER_NOTIFIERS = env_list("DOSSIER_NOTIFIERS", "congso.dossiers.notifications.EmailNotifier")
ZALO_FILE_PATH = Path(os.environ.get("ZALO_FILE_PATH", VAR_DIR / "zalo"))
# Text messages (SMS): congso.accounts.sms; the default writes files next to the e-mails.
SMS_SENDER = os.environ.get("SMS_SENDER", "congso.accounts.sms.FileSmsSender")
# Sync to the National Public Service Portal (congso.nationalsync, docs/national-sync.md): off
# while either is empty; NATIONAL_SYNC_TIMEOUT and _MAX_ATTEMPTS tune it.
NATIONAL_SYNC_URL = os.environ.get("NATIONAL_SYNC_URL", "")
NATIONAL_SYNC_TOKEN = os.environ.get("NATIONAL_SYNC_TOKEN", "")
NATIONAL_SYNC_TIMEOUT = float(os.environ.get("NATIONAL_SYNC_TIMEOUT", "10"))
NATIONAL_SYNC_MAX_ATTEMPTS = int(os.environ.get("NATIONAL_SYNC_MAX_ATTEMPTS", "8"))
