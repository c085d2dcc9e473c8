"""A reusable, read-only index of the article pool: build it once, query it per request."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

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

    def similarity(self, row_a: int, rows_b: npt.NDArray[np.intp]) -> FloatArray:
        """Return the content similarity of one article with several (embedding, else TF-IDF)."""
        if self.embeddings is not None:
            sims: FloatArray = self.embeddings[rows_b] @ self.embeddings[row_a]
            return sims
        return self.tfidf.dot_rows(rows_b, self.tfidf.row_dense(row_a))


def article_text(article: Article) -> str:
    """Return the text an embedder sees for an article: title, then the start of the body."""
    return f"{article.title}. {article.text[:300]}".strip()


def build_index(articles: Sequence[Article], *, embedder: Embedder | None = None) -> ForYouIndex:
    """Return an index over ``articles``; ids must be unique.

    With ``embedder`` (for example :func:`warta.engines.foryou.embedding.use_embedder`), content
    similarity also uses multilingual sentence embeddings; without it, TF-IDF alone.
    """
    pool = tuple(articles)
    row_of: dict[str, int] = {}
    for row, article in enumerate(pool):
        if article.id in row_of:
            raise ForYouError(f"duplicate article id {article.id!r}")
        row_of[article.id] = row
    vocabulary, tfidf = build_tfidf([document_terms(a.title, a.text) for a in pool])

    embeddings: FloatArray | None = None
    if embedder is not None and pool:
        raw = np.asarray(embedder([article_text(a) for a in pool]), dtype=np.float32)
        if raw.ndim != 2 or raw.shape[0] != len(pool):
            raise ForYouError("embedder must return one row per article")
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
