"""The one settings module every test run uses (SQLite, or PostgreSQL via WARTA_DATABASE_URL)."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import database_from_url

DEBUG = False
WARTA_ALLOW_DEMO = True
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {
    "default": database_from_url(os.environ.get("WARTA_DATABASE_URL", "sqlite:///:memory:"))
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory: the browser tests' live server answers requests on several
    # threads, and an in-memory SQLite database is one connection shared between them.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"warta-test-{os.getpid()}.sqlite3")
    }
# What the environment may set, pinned to the defaults so a shell that exported a
# production environment does not change what the tests see; tests override them one by one.
WARTA_TRUSTED_PROXY_COUNT = 0
WARTA_PURGE_HOUR = 3
WARTA_PAGE_MAX_AGE = 60
WARTA_PAGE_SHARED_MAX_AGE = 300
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
