"""Related articles and "popular now": the two lists that need no reading history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from . import reasons
from .diversity import diversify
from .index import ForYouIndex
from .ranking import DEFAULT_CONFIG, Editorial, Pool, Rows, as_index, top
from .scoring import decayed_views
from .text import FloatArray, gather_positions
from .types import EditorialSignal, ForYouConfig, Recommendation, UnknownArticleError


def related(
    article_id: str,
    articles: Pool,
    *,
    limit: int = 5,
    signals: Iterable[EditorialSignal] = (),
    now: float | None = None,
    config: ForYouConfig = DEFAULT_CONFIG,
) -> list[Recommendation]:
    """Return articles about the same thing as ``article_id``, most related first.

    With ``now``, articles published after it are left out. Excluded articles never appear,
    buried ones come last, and exact copies of the article (similarity above 0.95) are skipped.
    """
    if limit <= 0:
        return []
    index = as_index(articles)
    row = index.row_of.get(article_id)
    if row is None:
        raise UnknownArticleError(article_id)
    editorial = Editorial.resolve(index, signals)
    eligible = ~editorial.excluded
    eligible[row] = False
    if now is not None:
        eligible &= index.published_at <= now
    rows = np.flatnonzero(eligible).astype(np.intp)
    text = (
        index.tfidf.dot_rows(rows, index.tfidf.row_dense(row))
        if rows.size
        else rows.astype(np.float32)
    )
    content = text * config.weight_text
    total = config.weight_text
    if index.embeddings is not None:
        content = content + config.weight_embedding * (
            index.embeddings[rows] @ index.embeddings[row]
        )
        total += config.weight_embedding
    content = content / max(total, 1e-6)
    own_topics = set(index.articles[row].topics)
    overlap = _topic_jaccard(index, row, rows)
    same_section = (index.section_codes[rows] == index.section_codes[row]).astype(np.float32)
    scores = content + 0.3 * overlap + 0.1 * same_section
    copies = content >= 0.95
    rows, scores = rows[~copies], scores[~copies]
    scores = editorial.adjust(rows, scores.astype(np.float32), config)
    ranked = top(rows, scores, max(limit * 4, limit))
    chosen = diversify(index, ranked, limit, replace(config, max_topic_share=1.0))
    score_of = dict(zip(rows.tolist(), scores.tolist(), strict=True))
    out = []
    for _, r in chosen:
        shared = [t for t in index.articles[r].topics if t in own_topics]
        reason = reasons.also_about(shared[0]) if shared else reasons.RELATED
        out.append(Recommendation(index.articles[r].id, float(score_of[r]), reason))
    return out


def _topic_jaccard(index: ForYouIndex, row: int, rows: Rows) -> FloatArray:
    """Return the Jaccard overlap of each row's topics with the topics of ``row``."""
    own = np.zeros(len(index.topics) + 1, dtype=np.float32)
    own_codes = index.topic_codes[index.topic_indptr[row] : index.topic_indptr[row + 1]]
    own[own_codes] = 1.0
    positions, lengths = gather_positions(index.topic_indptr, rows)
    shared = np.zeros(rows.size, dtype=np.float32)
    nonempty = lengths > 0
    if positions.size:
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        hits = own[index.topic_codes[positions]]
        shared[nonempty] = np.add.reduceat(hits, starts[nonempty])
    union = own_codes.size + lengths - shared
    jaccard: FloatArray = np.where(union > 0, shared / np.maximum(union, 1), 0.0).astype(np.float32)
    return jaccard


def popular(
    articles: Pool,
    *,
    now: float,
    limit: int = 5,
    signals: Iterable[EditorialSignal] = (),
    config: ForYouConfig = DEFAULT_CONFIG,
) -> list[Recommendation]:
    """Return the most read articles right now: views decayed by age, published by ``now``."""
    if limit <= 0:
        return []
    index = as_index(articles)
    editorial = Editorial.resolve(index, signals)
    eligible = (index.published_at <= now) & ~editorial.excluded
    rows = np.flatnonzero(eligible).astype(np.intp)
    decayed = decayed_views(index, now, config)[rows].astype(np.float32)
    scores = editorial.adjust(rows, np.log1p(decayed), config)
    ranked = top(rows, scores, limit)
    score_of = dict(zip(rows.tolist(), scores.tolist(), strict=True))
    return [
        Recommendation(index.articles[r].id, float(score_of[r]), reasons.POPULAR)
        for r in ranked.tolist()
    ]
