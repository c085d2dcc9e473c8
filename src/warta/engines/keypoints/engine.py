"""Choose the engine a configuration asks for."""

from __future__ import annotations

import functools

from warta.engines.keypoints.extractive import ExtractiveEngine
from warta.engines.keypoints.types import KeyPointsConfig, KeyPointsEngine


@functools.cache
def _shared_default() -> ExtractiveEngine:
    return ExtractiveEngine(KeyPointsConfig())


def default_engine(config: KeyPointsConfig | None = None) -> KeyPointsEngine:
    """Return the engine for ``config``: generative when a server is set, else extractive.

    Without a config, return one shared extractive engine with default settings.
    """
    if config is None:
        return _shared_default()
    if config.generative is not None:
        from warta.engines.keypoints.generative import GenerativeEngine

        return GenerativeEngine(config)
    return ExtractiveEngine(config)
