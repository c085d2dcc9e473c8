"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import from here and
override. Values a publisher changes come from ``WARTA_*`` environment
variables, read here once.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent  # src/warta
BASE_DIR = Path(os.environ.get("WARTA_HOME", Path.cwd()))
VAR_DIR = Path(os.environ.get("WARTA_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("WARTA_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = [
    h.strip() for h in os.environ.get("WARTA_ALLOWED_HOSTS", "").split(",") if h.strip()
]


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    """Return the whole number in environment variable ``name``, or ``default`` when unset.

    A value that is not a whole number, or lies outside ``minimum``..``maximum``, stops the
    process with a message naming the variable, rather than running with a silent fallback.
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    allowed = f"from {minimum} to {maximum}" if maximum is not None else f"of {minimum} or more"
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number {allowed}, not {raw!r}."
        ) from None
    if value < minimum or (maximum is not None and value > maximum):
        raise ImproperlyConfigured(f"{name} must be a whole number {allowed}, not {raw!r}.")
    return value


def database_from_url(url: str) -> dict[str, object]:
    """Return a Django DATABASES entry for a ``sqlite:///path`` or ``postgres://`` URL."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path) or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise ValueError(f"Unsupported database URL scheme: {parsed.scheme!r}")


DATABASES = {
    "default": database_from_url(
        os.environ.get("WARTA_DATABASE_URL", f"sqlite:///{VAR_DIR / 'warta.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process: the recommender's pool version and the log-in limits live
# there. Without WARTA_REDIS_URL each process keeps its own, which is right for one process
# (development, tests) and wrong behind several workers (a deploy check says so).
if os.environ.get("WARTA_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["WARTA_REDIS_URL"],
        }
    }

INSTALLED_APPS = [
    "warta.apps.core",
    "warta.apps.accounts",
    "warta.apps.newsroom",
    "warta.apps.submissions",
    "warta.apps.keypoints",
    "warta.apps.demo",
    "warta.apps.recommendations",
    "warta.apps.search",
    "warta.apps.distribution",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's search index (wagtailsearch.IndexEntry) uses PostgreSQL's search vector
    # fields and GIN indexes there, which need this app (postgres.E005 without it, and migrate
    # refuses to run). Listed whatever the database: on SQLite it only registers lookups
    # nobody uses, and psycopg, the one thing it imports, is a dependency anyway.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions, CSRF and messages so it sees their cookies and Vary on the way out.
    "warta.apps.core.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, taking the language nginx chose first (core/language.py).
    "warta.apps.core.language.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "warta.project.urls"
WSGI_APPLICATION = "warta.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "project" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "warta.apps.core.context_processors.publication",
            ],
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "submissions:dashboard"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Set by the language switch in the footer (core/views.py); see docs/translation.md.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # a setting a reader made outlives the browser session
LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: refuse anything larger before it is read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
WARTA_MAX_IMAGE_BYTES = env_int("WARTA_MAX_IMAGE_BYTES", 8 * 1024 * 1024, minimum=1)
WARTA_MAX_IMAGE_PIXELS = env_int("WARTA_MAX_IMAGE_PIXELS", 40_000_000, minimum=1)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = WARTA_MAX_IMAGE_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = WARTA_MAX_IMAGE_PIXELS

WAGTAIL_SITE_NAME = os.environ.get("WARTA_PUBLICATION_NAME", "Warta")
WAGTAILADMIN_BASE_URL = os.environ.get("WARTA_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# Wagtail's password forms for protected pages and documents, able to show the refusal that
# accounts/restrictions.py adds past the log-in limits.
# (Template names, not passwords.)
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "accounts/page_password.html"  # noqa: S105
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "accounts/document_password.html"  # noqa: S105

WARTA_PUBLICATION_NAME = WAGTAIL_SITE_NAME
# Demo accounts have a published password: only development and tests may create them.
WARTA_ALLOW_DEMO = False
WARTA_KEYPOINTS_ENGINE = os.environ.get(
    "WARTA_KEYPOINTS_ENGINE", "warta.apps.keypoints.engines.default_engine"
)

# How many reverse proxies stand in front of Django, each appending to X-Forwarded-For. The
# log-in and sign-up limits count the address the outermost one saw (accounts/throttling.py).
# 0 ignores the header (a client could write it); behind the shipped nginx it must be 1, or
# every reader shares nginx's address and one set of limits (check --deploy warns).
WARTA_TRUSTED_PROXY_COUNT = env_int("WARTA_TRUSTED_PROXY_COUNT", 0)
# Hour of the day (WIB) the nightly reading-history purge runs (recommendations/scheduling.py).
WARTA_PURGE_HOUR = env_int("WARTA_PURGE_HOUR", 3, maximum=23)
# Cache lifetimes of anonymous reader pages, in seconds (core/caching.py): browsers, then
# shared caches (nginx). docs/deployment.md explains how they bound a change's delay.
WARTA_PAGE_MAX_AGE = env_int("WARTA_PAGE_MAX_AGE", 60)
WARTA_PAGE_SHARED_MAX_AGE = env_int("WARTA_PAGE_SHARED_MAX_AGE", 300)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CSRF_FAILURE_VIEW = "warta.apps.accounts.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("WARTA_FROM_EMAIL", "redaksi@warta.example")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
