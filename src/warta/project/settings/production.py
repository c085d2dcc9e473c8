"""Production: settings come from the environment; refuse to start without a secret key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_int

if not SECRET_KEY:
    raise ImproperlyConfigured("Set WARTA_SECRET_KEY for production.")
if not os.environ.get("WARTA_BASE_URL"):
    # Emails to writers link back to the site; a localhost fallback would break them.
    raise ImproperlyConfigured("Set WARTA_BASE_URL (e.g. https://warta.example) for production.")

DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("WARTA_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("WARTA_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
