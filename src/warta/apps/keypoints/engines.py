"""Where the site gets its key-points engine (``WARTA_KEYPOINTS_ENGINE`` names the factory)."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string

from warta.engines.keypoints import KeyPointsEngine


def default_engine() -> KeyPointsEngine:
    """Return the engine the site uses by default."""
    from warta.engines.keypoints import default_engine as engine_factory

    return engine_factory()


@lru_cache(maxsize=1)
def configured_engine() -> KeyPointsEngine:
    """Return the engine named by ``WARTA_KEYPOINTS_ENGINE`` (built once per process)."""
    factory = import_string(settings.WARTA_KEYPOINTS_ENGINE)
    return factory()
