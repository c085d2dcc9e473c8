"""Sentence embeddings of articles, stored once per article and text version.

Only with ``WARTA_FORYOU_EMBEDDINGS = True``. Embedding costs about 20 ms an article, plus a
second to load the model, so no request does it: the index build (``indexing``) reads the
stored vectors, and the articles without a current one (just published, or their title or
opening changed) are embedded by the background task ``tasks.embed_articles``, which then
bumps the pool version so that every process rebuilds with them. Until then such an article
has a zero vector: only its TF-IDF, topics and section count for similarity.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence

import numpy as np
from django.core.cache import cache

from warta.apps.recommendations.models import ArticleVector
from warta.engines.foryou import Article, Embedder, article_text

#: part of every text key: another model makes every stored vector stale
EMBEDDER_NAME = "use-multilingual-v3"
#: one embedding task queued per pool version, however many processes rebuild under it
QUEUED_KEY = "warta:recommendations:embedding-queued:{version}"
BATCH = 256

Vector = np.ndarray


@functools.cache
def load_embedder() -> Embedder:
    """Return the bundled Universal Sentence Encoder, loaded once per process (the worker's)."""
    from warta.engines.foryou.embedding import use_embedder

    return use_embedder()


def text_key(article: Article) -> str:
    """Return the key of the text an embedder sees for ``article``."""
    text = f"{EMBEDDER_NAME}\n{article_text(article)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_vectors(articles: Sequence[Article]) -> dict[str, Vector]:
    """Return the stored vectors that are current for ``articles``, by engine article id."""
    keys = {int(article.id): text_key(article) for article in articles}
    vectors: dict[str, Vector] = {}
    for article_id, key, raw in ArticleVector.objects.values_list(
        "article_id", "text_key", "vector"
    ).iterator():
        if keys.get(article_id) == key:
            vectors[str(article_id)] = np.frombuffer(bytes(raw), dtype="<f4")
    return vectors


def complete(articles: Sequence[Article], stored: dict[str, Vector]) -> dict[str, Vector] | None:
    """Return a vector for every article (zeros where none is stored), or None if none is."""
    if not stored:
        return None
    width = next(iter(stored.values())).shape[0]
    zero = np.zeros(width, dtype=np.float32)
    return {article.id: stored.get(article.id, zero) for article in articles}


def queue_missing(article_ids: list[int], version: int) -> None:
    """Queue the embedding of ``article_ids`` once for this pool version."""
    from warta.apps.recommendations.tasks import embed_articles

    if article_ids and cache.add(QUEUED_KEY.format(version=version), True, timeout=3600):
        embed_articles.enqueue(article_ids)


def embed_missing(articles: Sequence[Article]) -> int:
    """Embed and store the articles whose stored vector is missing or stale; return how many."""
    stored = stored_vectors(articles)
    todo = [article for article in articles if article.id not in stored]
    for start in range(0, len(todo), BATCH):
        batch = todo[start : start + BATCH]
        vectors = np.asarray(load_embedder()([article_text(a) for a in batch]), dtype="<f4")
        ArticleVector.objects.bulk_create(
            [
                ArticleVector(
                    article_id=int(article.id), text_key=text_key(article), vector=row.tobytes()
                )
                for article, row in zip(batch, vectors, strict=True)
            ],
            update_conflicts=True,
            unique_fields=["article"],
            update_fields=["text_key", "vector"],
        )
    return len(todo)
