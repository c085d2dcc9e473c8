"""A reusable, read-only index of the article pool: build it once, query it per request."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from .text import FloatArray, SparseRows, Vocabulary, build_tfidf, document_terms
from .types import Article, ForYouError

#: Turns texts into one row vector each (any width); rows need not be normalised.
Embedder = Callable[[Sequence[str]], npt.NDArray[np.floating]]


@dataclass(frozen=True, slots=True, eq=False)
class ForYouIndex:
    """Everything the scorer needs about the pool, as numpy arrays aligned on ``articles``.

    Build with :func:`build_index`; it is immutable, so one index can serve many requests
    (and threads) until the pool changes.
    """

    articles: tuple[Article, ...]
    row_of: dict[str, int]
    vocabulary: Vocabulary
    tfidf: SparseRows
    #: L2-normalised sentence embeddings, one row per article, or ``None`` without an embedder
    embeddings: FloatArray | None
    sections: tuple[str, ...]
    section_codes: npt.NDArray[np.int32]
    topics: tuple[str, ...]
    #: CSR of topic codes per article (``topic_indptr[row]:topic_indptr[row + 1]``)
    topic_indptr: npt.NDArray[np.int64]
    topic_codes: npt.NDArray[np.int32]
    #: first topic code of each article, or ``len(topics) + section code`` when it has none
    primary_group: npt.NDArray[np.int32]
    published_at: npt.NDArray[np.float64]
    views: npt.NDArray[np.float64]
    is_pick: npt.NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.articles)

    def rows(self, article_ids: Sequence[str]) -> npt.NDArray[np.intp]:
        """Return the rows of the ids that are in the index, in the given order."""
        return np.asarray([self.row_of[i] for i in article_ids if i in self.row_of], dtype=np.intp)

    def with_views(self, views: Mapping[str, int]) -> ForYouIndex:
        """Return a copy with new view counts (ids not given keep theirs); nothing is rebuilt.

        Cheap: the text and embedding arrays are shared, so popularity can be refreshed every
        few minutes without re-indexing the pool.
        """
        updated = self.views.copy()
        for article_id, count in views.items():
            row = self.row_of.get(article_id)
            if row is not None:
                updated[row] = max(count, 0)
        return replace(self, views=updated)

    def similarity(self, row_a: int, rows_b: npt.NDArray[np.intp]) -> FloatArray:
        """Return the content similarity of one article with several (embedding, else TF-IDF)."""
        if self.embeddings is not None:
            sims: FloatArray = self.embeddings[rows_b] @ self.embeddings[row_a]
            return sims
        return self.tfidf.dot_rows(rows_b, self.tfidf.row_dense(row_a))


def article_text(article: Article) -> str:
    """Return the text an embedder sees for an article: title, then the start of the body."""
    return f"{article.title}. {article.text[:300]}".strip()


def build_index(
    articles: Sequence[Article],
    *,
    embedder: Embedder | None = None,
    vectors: Mapping[str, Sequence[float] | npt.NDArray[np.floating]] | None = None,
) -> ForYouIndex:
    """Return an index over ``articles``; ids must be unique.

    With ``embedder`` (for example :func:`warta.engines.foryou.embedding.use_embedder`), content
    similarity also uses multilingual sentence embeddings; without it, TF-IDF alone.
    ``vectors`` gives embeddings already computed (say, stored when each article was
    published, from ``embedder([article_text(article)])``); the embedder is then called only
    for the articles missing from it. Vectors without an embedder must cover every article.
    """
    pool = tuple(articles)
    row_of: dict[str, int] = {}
    for row, article in enumerate(pool):
        if article.id in row_of:
            raise ForYouError(f"duplicate article id {article.id!r}")
        row_of[article.id] = row
    vocabulary, tfidf = build_tfidf([document_terms(a.title, a.text) for a in pool])

    embeddings: FloatArray | None = None
    if (embedder is not None or vectors) and pool:
        raw = _embed(pool, embedder, vectors or {})
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        embeddings = np.ascontiguousarray(raw / np.maximum(norms, 1e-12), dtype=np.float32)

    sections = tuple(sorted({a.section for a in pool}))
    section_index = {s: i for i, s in enumerate(sections)}
    topics = tuple(sorted({t for a in pool for t in a.topics}))
    topic_index = {t: i for i, t in enumerate(topics)}
    topic_indptr = np.zeros(len(pool) + 1, dtype=np.int64)
    codes: list[int] = []
    primary: list[int] = []
    for row, article in enumerate(pool):
        article_codes = [topic_index[t] for t in dict.fromkeys(article.topics)]
        codes.extend(article_codes)
        topic_indptr[row + 1] = len(codes)
        primary.append(
            article_codes[0] if article_codes else len(topics) + section_index[article.section]
        )
    return ForYouIndex(
        articles=pool,
        row_of=row_of,
        vocabulary=vocabulary,
        tfidf=tfidf,
        embeddings=embeddings,
        sections=sections,
        section_codes=np.asarray([section_index[a.section] for a in pool], dtype=np.int32),
        topics=topics,
        topic_indptr=topic_indptr,
        topic_codes=np.asarray(codes, dtype=np.int32),
        primary_group=np.asarray(primary, dtype=np.int32),
        published_at=np.asarray([a.published_at for a in pool], dtype=np.float64),
        views=np.asarray([max(a.views, 0) for a in pool], dtype=np.float64),
        is_pick=np.asarray([a.is_pick for a in pool], dtype=np.bool_),
    )


def _embed(
    pool: tuple[Article, ...],
    embedder: Embedder | None,
    vectors: Mapping[str, Sequence[float] | npt.NDArray[np.floating]],
) -> FloatArray:
    """Return one embedding row per article, computing only those not in ``vectors``."""
    missing = [row for row, article in enumerate(pool) if article.id not in vectors]
    computed: FloatArray | None = None
    if missing:
        if embedder is None:
            raise ForYouError(f"no vector for {len(missing)} articles and no embedder")
        computed = np.asarray(embedder([article_text(pool[r]) for r in missing]), dtype=np.float32)
        if computed.ndim != 2 or computed.shape[0] != len(missing):
            raise ForYouError("embedder must return one row per article")
    width = computed.shape[1] if computed is not None else len(next(iter(vectors.values())))
    raw = np.zeros((len(pool), width), dtype=np.float32)
    for row, article in enumerate(pool):
        if article.id in vectors:
            vector = np.asarray(vectors[article.id], dtype=np.float32)
            if vector.shape != (width,):
                raise ForYouError(f"vector of {article.id!r} has shape {vector.shape}")
            raw[row] = vector
    if computed is not None:
        raw[missing] = computed
    return raw
