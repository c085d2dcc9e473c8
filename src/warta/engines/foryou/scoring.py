"""Features of a candidate for one reader, and the weighted score built from them.

Every feature lies in [0, 1], so the weights in :class:`ForYouConfig` read as "how much of the
score this signal may decide". The functions are pure: same index, history, time and config,
same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .index import ForYouIndex
from .text import FloatArray, SparseRows, gather_positions
from .types import ForYouConfig

SECONDS_PER_HOUR = 3600.0

#: feature names, in the column order of :func:`candidate_features`
FEATURES: tuple[str, ...] = (
    "text",
    "embedding",
    "nearest",
    "topic",
    "section",
    "popularity",
    "freshness",
    "pick",
)


@dataclass(frozen=True, slots=True, eq=False)
class Profile:
    """What one reader's history says about their interests."""

    rows: npt.NDArray[np.intp]  # history rows known to the index, most recent last
    weights: FloatArray  # recency weight of each of those rows, summing to 1
    text_vector: FloatArray  # unit TF-IDF profile over the vocabulary
    embedding_vector: FloatArray | None  # unit embedding centroid
    topic_share: FloatArray  # weighted share of the history in each topic
    section_share: FloatArray  # weighted share of the history in each section

    @property
    def is_empty(self) -> bool:
        """Return whether nothing in the history is known to the index (cold start)."""
        return self.rows.size == 0


def build_profile(index: ForYouIndex, history: Sequence[str], config: ForYouConfig) -> Profile:
    """Return the interest profile of a history (ids unknown to the index are ignored)."""
    recent = history[-config.history_limit :] if config.history_limit > 0 else ()
    rows = index.rows(list(dict.fromkeys(reversed(recent))))[::-1]  # keep latest read of repeats
    n = rows.size
    if n == 0:
        return Profile(
            rows=rows,
            weights=np.zeros(0, dtype=np.float32),
            text_vector=np.zeros(index.tfidf.n_terms, dtype=np.float32),
            embedding_vector=None,
            topic_share=np.zeros(len(index.topics), dtype=np.float32),
            section_share=np.zeros(len(index.sections), dtype=np.float32),
        )
    age = np.arange(n - 1, -1, -1, dtype=np.float32)  # 0 for the latest read
    half_life = max(config.history_half_life, 1e-6)
    weights = np.power(np.float32(0.5), age / np.float32(half_life)).astype(np.float32)
    weights /= weights.sum()
    text_vector = index.tfidf.sum_rows(rows.tolist(), weights.tolist())
    text_vector /= max(float(np.linalg.norm(text_vector)), 1e-12)
    embedding_vector: FloatArray | None = None
    if index.embeddings is not None:
        embedding_vector = weights @ index.embeddings[rows]
        embedding_vector = embedding_vector / max(float(np.linalg.norm(embedding_vector)), 1e-12)
    positions, lengths = gather_positions(index.topic_indptr, rows)
    topic_share = np.bincount(
        index.topic_codes[positions],
        weights=np.repeat(weights, lengths),
        minlength=len(index.topics),
    ).astype(np.float32)
    section_share = np.bincount(
        index.section_codes[rows], weights=weights, minlength=len(index.sections)
    ).astype(np.float32)
    return Profile(rows, weights, text_vector, embedding_vector, topic_share, section_share)


def topic_affinity(index: ForYouIndex, profile: Profile, rows: npt.NDArray[np.intp]) -> FloatArray:
    """Return, per row, the largest history share among the article's topics (0 without topics)."""
    out = np.zeros(rows.size, dtype=np.float32)
    if profile.is_empty or index.topic_codes.size == 0:
        return out
    starts = index.topic_indptr[rows]
    ends = index.topic_indptr[rows + 1]
    has_topics = ends > starts
    if not has_topics.any():
        return out
    lengths = (ends - starts)[has_topics]
    # gather every (row, topic) pair of the rows that have topics, then take the max per row
    offsets = np.repeat(starts[has_topics] - np.cumsum(lengths) + lengths, lengths)
    flat = offsets + np.arange(int(lengths.sum()))
    shares = profile.topic_share[index.topic_codes[flat]]
    boundaries = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    out[has_topics] = np.maximum.reduceat(shares, boundaries)
    return out


def popularity(
    index: ForYouIndex, rows: npt.NDArray[np.intp], now: float, config: ForYouConfig
) -> FloatArray:
    """Return views decayed by age, on a log scale relative to the pool's most popular article."""
    decayed = decayed_views(index, now, config)
    top = float(decayed.max()) if decayed.size else 0.0
    if top <= 0.0:
        return np.zeros(rows.size, dtype=np.float32)
    scaled: FloatArray = (np.log1p(decayed[rows]) / np.log1p(top)).astype(np.float32)
    return scaled


def decayed_views(index: ForYouIndex, now: float, config: ForYouConfig) -> npt.NDArray[np.float64]:
    """Return every article's views halved per popularity half-life of age (0 if unpublished)."""
    age_hours = np.maximum(now - index.published_at, 0.0) / SECONDS_PER_HOUR
    half_life = max(config.popularity_half_life_hours, 1e-6)
    decayed: npt.NDArray[np.float64] = index.views * np.power(0.5, age_hours / half_life)
    decayed[index.published_at > now] = 0.0  # not yet published: nobody could have read it
    return decayed


def freshness(
    index: ForYouIndex, rows: npt.NDArray[np.intp], now: float, config: ForYouConfig
) -> FloatArray:
    """Return 1 for an article published now, halving every ``freshness_half_life_hours``."""
    age_hours = np.maximum(now - index.published_at[rows], 0.0) / SECONDS_PER_HOUR
    half_life = max(config.freshness_half_life_hours, 1e-6)
    return np.power(0.5, age_hours / half_life).astype(np.float32)


def nearest_history(
    index: ForYouIndex, profile: Profile, rows: npt.NDArray[np.intp]
) -> tuple[FloatArray, npt.NDArray[np.intp]]:
    """Return, per row, the similarity to the closest history article and that article's row."""
    if profile.is_empty or rows.size == 0:
        return np.zeros(rows.size, dtype=np.float32), np.full(rows.size, -1, dtype=np.intp)
    if index.embeddings is not None:
        sims = index.embeddings[rows] @ index.embeddings[profile.rows].T
    else:
        sims = _tfidf_pairwise(index, rows, profile.rows)
    best = np.argmax(sims, axis=1)
    return sims[np.arange(rows.size), best].astype(np.float32), profile.rows[best]


def _tfidf_pairwise(
    index: ForYouIndex, rows: npt.NDArray[np.intp], others: npt.NDArray[np.intp]
) -> FloatArray:
    """Return the TF-IDF cosine of every row with every other row, over the others' terms only."""
    tfidf = index.tfidf
    columns = np.unique(
        np.concatenate([tfidf.indices[tfidf.indptr[r] : tfidf.indptr[r + 1]] for r in others])
    )
    compact = np.full(tfidf.n_terms, -1, dtype=np.int64)
    compact[columns] = np.arange(columns.size)
    dense_others = _dense_compact(tfidf, others, compact, columns.size)
    dense_rows = _dense_compact(tfidf, rows, compact, columns.size)
    product: FloatArray = dense_rows @ dense_others.T
    return product


def _dense_compact(
    tfidf: SparseRows, rows: npt.NDArray[np.intp], compact: npt.NDArray[np.int64], width: int
) -> FloatArray:
    out = np.zeros((rows.size, width), dtype=np.float32)
    for position, row in enumerate(rows.tolist()):
        start, end = tfidf.indptr[row], tfidf.indptr[row + 1]
        columns = compact[tfidf.indices[start:end]]
        keep = columns >= 0
        out[position, columns[keep]] = tfidf.data[start:end][keep]
    return out


def candidate_features(
    index: ForYouIndex,
    profile: Profile,
    rows: npt.NDArray[np.intp],
    *,
    now: float,
    config: ForYouConfig,
    with_nearest: bool = True,
    nearest: FloatArray | None = None,
    with_text: bool = True,
) -> FloatArray:
    """Return a ``(len(rows), len(FEATURES))`` matrix of features in [0, 1].

    ``nearest`` may pass similarities already computed by :func:`nearest_history`;
    ``with_nearest=False`` leaves that column 0 (the cheap first stage), as ``with_text=False``
    does for the TF-IDF column.
    """
    features = np.zeros((rows.size, len(FEATURES)), dtype=np.float32)
    if rows.size == 0:
        return features
    if not profile.is_empty:
        if with_text:
            features[:, 0] = index.tfidf.dot_rows(rows, profile.text_vector)
        if index.embeddings is not None and profile.embedding_vector is not None:
            if rows.size * 4 >= len(index):  # avoid copying most of the matrix
                features[:, 1] = (index.embeddings @ profile.embedding_vector)[rows]
            else:
                features[:, 1] = index.embeddings[rows] @ profile.embedding_vector
        if nearest is not None:
            features[:, 2] = nearest
        elif with_nearest:
            features[:, 2] = nearest_history(index, profile, rows)[0]
        features[:, 3] = topic_affinity(index, profile, rows)
        features[:, 4] = profile.section_share[index.section_codes[rows]]
    features[:, 5] = popularity(index, rows, now, config)
    features[:, 6] = freshness(index, rows, now, config)
    features[:, 7] = index.is_pick[rows]
    np.clip(features, 0.0, 1.0, out=features)
    return features


def feature_weights(config: ForYouConfig) -> FloatArray:
    """Return the weight of each feature, in :data:`FEATURES` order."""
    return np.asarray(
        [
            config.weight_text,
            config.weight_embedding,
            config.weight_nearest,
            config.weight_topic,
            config.weight_section,
            config.weight_popularity,
            config.weight_freshness,
            config.weight_pick,
        ],
        dtype=np.float32,
    )


def score_rows(
    index: ForYouIndex,
    history: Sequence[str],
    rows: npt.NDArray[np.intp],
    *,
    now: float,
    config: ForYouConfig,
) -> FloatArray:
    """Return the personal score of each candidate row for a reader with ``history``.

    This is the full scorer without editorial signals, diversity or exploration: what the
    offline evaluation ranks impressions with.
    """
    profile = build_profile(index, history, config)
    features = candidate_features(index, profile, rows, now=now, config=config)
    scores: FloatArray = features @ feature_weights(config)
    return scores
