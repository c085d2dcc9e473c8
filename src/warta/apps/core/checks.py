"""Deploy checks of Warta's own (``warta manage check --deploy``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def check_shared_cache(**kwargs: Any) -> list[CheckWarning]:
    """Warn when each process would keep its own cache.

    Behind several gunicorn workers, a per-process cache means a worker keeps recommending
    from an old pool after another worker published, and log-in limits count per worker.
    """
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        CheckWarning(
            "Cache tidak dibagi antarproses: setiap pekerja menyimpan cache sendiri.",
            hint="Set WARTA_REDIS_URL (mis. redis://127.0.0.1:6379/0) agar semua proses "
            "memakai Redis yang sama.",
            id="warta.W001",
        )
    ]
