"""Development: one laptop, SQLite, console email, DEBUG on."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

DEBUG = True
WARTA_ALLOW_DEMO = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-change-me-in-production"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
