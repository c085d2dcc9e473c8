"""The For You feed: candidates, two-stage scoring, editorial signals, diversity, reasons."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from . import reasons
from .diversity import diversify, explore
from .index import ForYouIndex
from .lists import popular, related
from .ranking import DEFAULT_CONFIG, Editorial, Pool, Rows, as_index, order, top
from .scoring import (
    FEATURES,
    Profile,
    build_profile,
    candidate_features,
    feature_weights,
    nearest_history,
)
from .text import FloatArray
from .types import EditorialSignal, ForYouConfig, Reader, Recommendation

_ReasonFn = Callable[[int], str]


def recommend(
    reader: Reader,
    articles: Pool,
    *,
    signals: Iterable[EditorialSignal] = (),
    now: float,
    limit: int = 10,
    seed: int = 0,
    config: ForYouConfig = DEFAULT_CONFIG,
) -> list[Recommendation]:
    """Return the For You feed of ``reader``: at most ``limit`` articles, best first.

    ``articles`` is the pool or an index of it built once with :func:`build_index`. Articles
    published after ``now``, already read, or excluded are never returned; pinned articles take
    their slot. The same inputs and ``seed`` give the same feed.
    """
    if limit <= 0:
        return []
    index = as_index(articles)
    editorial = Editorial.resolve(index, signals)
    profile = build_profile(index, reader.history, config)
    read = np.zeros(len(index), dtype=np.bool_)
    read[index.rows(list(reader.history))] = True
    pins = [(slot, row) for slot, row in editorial.pins if index.published_at[row] <= now]
    pinned = np.zeros(len(index), dtype=np.bool_)
    pinned[[row for _, row in pins]] = True
    eligible = (index.published_at <= now) & ~editorial.excluded & ~read & ~pinned
    rows = np.flatnonzero(eligible).astype(np.intp)

    if profile.is_empty:
        ranked_rows, ranked_scores, reason_of = _cold_start(index, rows, now, config, editorial)
    else:
        ranked_rows, ranked_scores, reason_of = _personal(
            index, profile, rows, now, config, editorial
        )

    n_free = max(limit - sum(1 for slot, _ in pins if slot < limit), 0)
    pinned_rows = tuple(row for slot, row in pins if slot < limit)
    chosen = diversify(index, ranked_rows, n_free, config, already_shown=pinned_rows)
    feed = [
        Recommendation(index.articles[row].id, float(ranked_scores[pos]), reason_of(row))
        for pos, row in chosen
    ]
    if not profile.is_empty and config.explore_every > 0:
        feed = explore(index, feed, ranked_rows, ranked_scores, chosen, seed, config)
    for slot, row in pins:
        if slot < limit:
            feed.insert(
                min(slot, len(feed)), Recommendation(index.articles[row].id, 0.0, reasons.PINNED)
            )
    return feed[:limit]


def _cold_start(
    index: ForYouIndex, rows: Rows, now: float, config: ForYouConfig, editorial: Editorial
) -> tuple[Rows, FloatArray, _ReasonFn]:
    """Rank for a reader with no known history: popular, fresh, and editor's picks."""
    empty = build_profile(index, (), config)
    features = candidate_features(index, empty, rows, now=now, config=config)
    weights = np.zeros(len(FEATURES), dtype=np.float32)
    weights[FEATURES.index("popularity")] = config.cold_weight_popularity
    weights[FEATURES.index("freshness")] = config.cold_weight_freshness
    weights[FEATURES.index("pick")] = config.cold_weight_pick
    scores = editorial.adjust(rows, features @ weights, config)
    ranked, ranked_scores = order(rows, scores)

    def reason_of(row: int) -> str:
        # rows come from flatnonzero, so they are sorted: find this row's features by bisection
        contribution = features[int(np.searchsorted(rows, row))] * weights
        by_name = {name: float(contribution[FEATURES.index(name)]) for name in GENERAL}
        return _general_reason(index, row, by_name, now, config)

    return ranked, ranked_scores, reason_of


#: the signals that say nothing about the reader, in :data:`FEATURES` names
GENERAL = ("popularity", "freshness", "pick")


def _general_reason(
    index: ForYouIndex, row: int, contribution: dict[str, float], now: float, config: ForYouConfig
) -> str:
    """Return the reason of the general signal that added most and is true of the article.

    "Sedang populer" needs readers, "Berita terbaru" an article inside the fresh window
    (``fresh_window_hours``) and "Pilihan editor" an editor's pick: a month-old article that
    nobody read is neither new nor popular, however its small scores compare. When none of
    them holds, the reason is "Dari arsip".
    """
    true_of_article = {
        "popularity": bool(index.views[row] > 0),
        "freshness": bool(now - index.published_at[row] <= config.fresh_window_hours * 3600.0),
        "pick": bool(index.is_pick[row]),
    }
    candidates = [name for name in GENERAL if true_of_article[name]]
    if not candidates:
        return reasons.ARCHIVE
    best = max(candidates, key=lambda name: contribution.get(name, 0.0))
    return {"popularity": reasons.POPULAR, "freshness": reasons.FRESH}.get(best, reasons.PICK)


def _personal(
    index: ForYouIndex,
    profile: Profile,
    rows: Rows,
    now: float,
    config: ForYouConfig,
    editorial: Editorial,
) -> tuple[Rows, FloatArray, _ReasonFn]:
    """Rank in two stages: cheap features over the pool, the full scorer over the best few."""
    weights = feature_weights(config)
    # with embeddings, stage 1 leaves TF-IDF out (one pass over every article less) and stage 2
    # adds it back for the best few
    text_later = index.embeddings is not None
    coarse = candidate_features(
        index, profile, rows, now=now, config=config, with_nearest=False, with_text=not text_later
    )
    # candidates: the fresh pool, plus the articles closest to the history whatever their age
    age_hours = (now - index.published_at[rows]) / 3600.0
    fresh = age_hours <= config.fresh_window_hours
    content = coarse[:, 0] * weights[0] + coarse[:, 1] * weights[1]
    positions = np.arange(rows.size, dtype=np.intp)
    near = top(positions[~fresh], content[~fresh], config.neighbours)
    keep = fresh.copy()
    keep[near] = True
    positions = positions[keep]
    coarse_scores = editorial.adjust(rows[positions], coarse[positions] @ weights, config)
    positions = top(positions, coarse_scores, config.candidate_pool)
    pool = rows[positions]

    # second stage: add the similarity to the closest history article, on the best few only
    nearest, nearest_rows = nearest_history(index, profile, pool)
    features = coarse[positions]
    features[:, FEATURES.index("nearest")] = np.clip(nearest, 0.0, 1.0)
    if text_later:
        text = index.tfidf.dot_rows(pool, profile.text_vector)
        features[:, FEATURES.index("text")] = np.clip(text, 0.0, 1.0)
    scores = editorial.adjust(pool, features @ weights, config)
    ranked, ranked_scores = order(pool, scores)
    contributions = dict(zip(pool.tolist(), (features * weights).tolist(), strict=True))
    nearest_row = dict(zip(pool.tolist(), nearest_rows.tolist(), strict=True))

    def reason_of(row: int) -> str:
        return _personal_reason(
            index, profile, row, contributions[row], nearest_row[row], now, config
        )

    return ranked, ranked_scores, reason_of


def _personal_reason(
    index: ForYouIndex,
    profile: Profile,
    row: int,
    contribution: list[float],
    nearest: int,
    now: float,
    config: ForYouConfig,
) -> str:
    """Return the reason of the signal that added most to this article's score."""
    by_name = dict(zip(FEATURES, contribution, strict=True))
    groups = {
        "content": by_name["text"] + by_name["embedding"] + by_name["nearest"],
        "topic": by_name["topic"],
        "section": by_name["section"],
        "popularity": by_name["popularity"],
        "freshness": by_name["freshness"],
        "pick": by_name["pick"],
    }
    best = max(groups, key=lambda name: groups[name])
    if best in ("content", "topic"):
        topic = _shared_topic(index, profile, row)
        if topic is not None:
            return reasons.because_topic(topic)
        if best == "content" and nearest >= 0:
            return reasons.because_article(index.articles[nearest].title)
        best = "section"
    if best == "section":
        return reasons.because_section(index.articles[row].section)
    return _general_reason(index, row, by_name, now, config)


def _shared_topic(index: ForYouIndex, profile: Profile, row: int) -> str | None:
    codes = index.topic_codes[index.topic_indptr[row] : index.topic_indptr[row + 1]]
    if codes.size == 0:
        return None
    shares = profile.topic_share[codes]
    best = int(np.argmax(shares))
    return index.topics[int(codes[best])] if shares[best] > 0 else None


__all__ = ["popular", "recommend", "related"]
