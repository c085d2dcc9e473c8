"""The three lists the site shows: For You, related articles, popular now."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from . import reasons
from .index import ForYouIndex, build_index
from .scoring import (
    FEATURES,
    Profile,
    _decayed_views,
    build_profile,
    candidate_features,
    feature_weights,
    nearest_history,
)
from .text import FloatArray, gather_positions
from .types import (
    Article,
    EditorialSignal,
    ForYouConfig,
    ForYouError,
    Reader,
    Recommendation,
    UnknownArticleError,
)

#: what a buried article loses: more than any unburied score can reach
BURY_PENALTY = 1000.0
DEFAULT_CONFIG = ForYouConfig()
Pool = Sequence[Article] | ForYouIndex
Rows = npt.NDArray[np.intp]
_ReasonFn = Callable[[int], str]


@dataclass(frozen=True, slots=True, eq=False)
class _Editorial:
    """Editorial signals resolved against an index (unknown ids are ignored)."""

    excluded: npt.NDArray[np.bool_]
    buried: npt.NDArray[np.bool_]
    boost: npt.NDArray[np.float32]
    pins: tuple[tuple[int, int], ...]  # (slot, row), by slot

    @classmethod
    def resolve(cls, index: ForYouIndex, signals: Iterable[EditorialSignal]) -> _Editorial:
        n = len(index)
        excluded = np.zeros(n, dtype=np.bool_)
        buried = np.zeros(n, dtype=np.bool_)
        boost = np.zeros(n, dtype=np.float32)
        pins: dict[int, tuple[int, int]] = {}
        for signal in signals:
            row = index.row_of.get(signal.article_id)
            if row is None:
                continue
            excluded[row] |= signal.exclude
            buried[row] |= signal.bury
            boost[row] += signal.boost
            if signal.pin_slot is not None and signal.pin_slot >= 0:
                pins[row] = (signal.pin_slot, row)
        kept = sorted(pin for row, pin in pins.items() if not excluded[row])  # exclude wins
        return cls(excluded, buried, boost, tuple(kept))

    def adjust(self, rows: Rows, scores: FloatArray, config: ForYouConfig) -> FloatArray:
        adjusted: FloatArray = scores + config.boost_weight * self.boost[rows]
        adjusted[self.buried[rows]] -= BURY_PENALTY
        return adjusted


def _as_index(articles: Pool) -> ForYouIndex:
    return articles if isinstance(articles, ForYouIndex) else build_index(articles)


def _order(rows: Rows, scores: FloatArray) -> tuple[Rows, FloatArray]:
    """Return rows and scores sorted by score, highest first; ties by pool order."""
    order = np.lexsort((rows, -scores.astype(np.float64)))
    return rows[order], scores[order]


def _top(rows: Rows, scores: FloatArray, k: int) -> Rows:
    """Return the ``k`` best rows by score (ties by pool order), best first."""
    if rows.size > k:
        # keep everything tied with the k-th score so the tie-break stays deterministic
        threshold = np.partition(scores, rows.size - k)[rows.size - k]
        keep = scores >= threshold
        rows, scores = rows[keep], scores[keep]
    return _order(rows, scores)[0][:k]


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
    index = _as_index(articles)
    editorial = _Editorial.resolve(index, signals)
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
    chosen = _diversify(index, ranked_rows, n_free, config)
    feed = [
        Recommendation(index.articles[row].id, float(ranked_scores[pos]), reason_of(row))
        for pos, row in chosen
    ]
    if not profile.is_empty and config.explore_every > 0:
        feed = _explore(index, feed, ranked_rows, ranked_scores, chosen, seed, config)
    for slot, row in pins:
        if slot < limit:
            feed.insert(
                min(slot, len(feed)), Recommendation(index.articles[row].id, 0.0, reasons.PINNED)
            )
    return feed[:limit]


def _cold_start(
    index: ForYouIndex, rows: Rows, now: float, config: ForYouConfig, editorial: _Editorial
) -> tuple[Rows, FloatArray, _ReasonFn]:
    """Rank for a reader with no known history: popular, fresh, and editor's picks."""
    empty = build_profile(index, (), config)
    features = candidate_features(index, empty, rows, now=now, config=config)
    weights = np.zeros(len(FEATURES), dtype=np.float32)
    weights[FEATURES.index("popularity")] = config.cold_weight_popularity
    weights[FEATURES.index("freshness")] = config.cold_weight_freshness
    weights[FEATURES.index("pick")] = config.cold_weight_pick
    scores = editorial.adjust(rows, features @ weights, config)
    ranked, ranked_scores = _order(rows, scores)
    contributions = dict(zip(rows.tolist(), (features * weights).tolist(), strict=True))

    def reason_of(row: int) -> str:
        contribution = contributions[row]
        names = ("popularity", "freshness", "pick")
        best = max(names, key=lambda name: contribution[FEATURES.index(name)])
        return {"popularity": reasons.POPULAR, "freshness": reasons.FRESH}.get(best, reasons.PICK)

    return ranked, ranked_scores, reason_of


def _personal(
    index: ForYouIndex,
    profile: Profile,
    rows: Rows,
    now: float,
    config: ForYouConfig,
    editorial: _Editorial,
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
    near = _top(positions[~fresh], content[~fresh], config.neighbours)
    keep = fresh.copy()
    keep[near] = True
    positions = positions[keep]
    coarse_scores = editorial.adjust(rows[positions], coarse[positions] @ weights, config)
    positions = _top(positions, coarse_scores, config.candidate_pool)
    pool = rows[positions]

    # second stage: add the similarity to the closest history article, on the best few only
    nearest, nearest_rows = nearest_history(index, profile, pool)
    features = coarse[positions]
    features[:, FEATURES.index("nearest")] = np.clip(nearest, 0.0, 1.0)
    if text_later:
        text = index.tfidf.dot_rows(pool, profile.text_vector)
        features[:, FEATURES.index("text")] = np.clip(text, 0.0, 1.0)
    scores = editorial.adjust(pool, features @ weights, config)
    ranked, ranked_scores = _order(pool, scores)
    contributions = dict(zip(pool.tolist(), (features * weights).tolist(), strict=True))
    nearest_row = dict(zip(pool.tolist(), nearest_rows.tolist(), strict=True))

    def reason_of(row: int) -> str:
        return _personal_reason(index, profile, row, contributions[row], nearest_row[row])

    return ranked, ranked_scores, reason_of


def _personal_reason(
    index: ForYouIndex, profile: Profile, row: int, contribution: list[float], nearest: int
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
    return {"popularity": reasons.POPULAR, "freshness": reasons.FRESH}.get(best, reasons.PICK)


def _shared_topic(index: ForYouIndex, profile: Profile, row: int) -> str | None:
    codes = index.topic_codes[index.topic_indptr[row] : index.topic_indptr[row + 1]]
    if codes.size == 0:
        return None
    shares = profile.topic_share[codes]
    best = int(np.argmax(shares))
    return index.topics[int(codes[best])] if shares[best] > 0 else None


def _diversify(
    index: ForYouIndex, ranked: Rows, limit: int, config: ForYouConfig
) -> list[tuple[int, int]]:
    """Return ``(position in ranked, row)`` of the feed: capped per topic, no near-duplicates.

    Walk the ranking; skip an article too similar to one already chosen (same event), and
    defer one whose topic already fills its share. Deferred articles fill the feed only when
    nothing else is left.
    """
    if limit <= 0:
        return []
    cap = max(1, int(config.max_topic_share * limit))
    chosen: list[tuple[int, int]] = []
    deferred: list[tuple[int, int]] = []
    per_group: dict[int, int] = {}
    for position, row in enumerate(ranked.tolist()):
        if len(chosen) >= limit:
            break
        if _is_duplicate(index, row, [r for _, r in chosen], config):
            continue
        group = int(index.primary_group[row])
        if per_group.get(group, 0) >= cap:
            deferred.append((position, row))
            continue
        per_group[group] = per_group.get(group, 0) + 1
        chosen.append((position, row))
    for position, row in deferred:
        if len(chosen) >= limit:
            break
        if not _is_duplicate(index, row, [r for _, r in chosen], config):
            chosen.append((position, row))
    return chosen


def _is_duplicate(index: ForYouIndex, row: int, chosen: list[int], config: ForYouConfig) -> bool:
    if not chosen:
        return False
    sims = index.similarity(row, np.asarray(chosen, dtype=np.intp))
    return bool((sims >= config.duplicate_similarity).any())


def _explore(
    index: ForYouIndex,
    feed: list[Recommendation],
    ranked: Rows,
    ranked_scores: FloatArray,
    chosen: list[tuple[int, int]],
    seed: int,
    config: ForYouConfig,
) -> list[Recommendation]:
    """Swap a few lower slots for well-liked articles from topics the feed does not show."""
    n_explore = len(feed) // config.explore_every
    if n_explore == 0:
        return feed
    rng = np.random.default_rng(seed)
    shown_rows = [row for _, row in chosen]
    shown_groups = {int(index.primary_group[row]) for row in shown_rows}
    taken = set(shown_rows)
    feed = list(feed)
    for _ in range(n_explore):
        options: list[tuple[int, int]] = []
        for position, row in enumerate(ranked.tolist()):
            if len(options) >= config.explore_candidates:
                break
            if (
                row not in taken
                and int(index.primary_group[row]) not in shown_groups
                and ranked_scores[position] > -BURY_PENALTY / 2
                and not _is_duplicate(index, row, shown_rows, config)
            ):
                options.append((position, row))
        if not options:
            break
        position, row = options[int(rng.integers(len(options)))]
        slot = int(rng.integers(len(feed) // 2, len(feed)))
        article = index.articles[row]
        label = article.topics[0] if article.topics else article.section
        feed[slot] = Recommendation(
            article.id, float(ranked_scores[position]), reasons.explore(label)
        )
        taken.add(row)
        shown_rows.append(row)
        shown_groups.add(int(index.primary_group[row]))
    return feed


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
    index = _as_index(articles)
    row = index.row_of.get(article_id)
    if row is None:
        raise UnknownArticleError(article_id)
    editorial = _Editorial.resolve(index, signals)
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
    ranked = _top(rows, scores, max(limit * 4, limit))
    chosen = _diversify(index, ranked, limit, replace(config, max_topic_share=1.0))
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
    index = _as_index(articles)
    editorial = _Editorial.resolve(index, signals)
    eligible = (index.published_at <= now) & ~editorial.excluded
    rows = np.flatnonzero(eligible).astype(np.intp)
    decayed = _decayed_views(index, now, config)[rows].astype(np.float32)
    scores = editorial.adjust(rows, np.log1p(decayed), config)
    ranked = _top(rows, scores, limit)
    score_of = dict(zip(rows.tolist(), scores.tolist(), strict=True))
    return [
        Recommendation(index.articles[r].id, float(score_of[r]), reasons.POPULAR)
        for r in ranked.tolist()
    ]


__all__ = ["ForYouError", "recommend", "related", "popular"]
