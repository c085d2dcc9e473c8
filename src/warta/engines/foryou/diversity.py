"""Diversity and exploration: no feed of one topic, no two reports of one event."""

from __future__ import annotations

import numpy as np

from . import reasons
from .index import ForYouIndex
from .ranking import BURY_PENALTY, Rows
from .text import FloatArray
from .types import ForYouConfig, Recommendation


def diversify(
    index: ForYouIndex,
    ranked: Rows,
    limit: int,
    config: ForYouConfig,
    *,
    already_shown: tuple[int, ...] = (),
) -> list[tuple[int, int]]:
    """Return ``(position in ranked, row)`` of the feed: capped per topic, no near-duplicates.

    Walk the ranking; skip an article too similar to one already chosen or ``already_shown``
    (pinned articles: same event), and defer one whose topic already fills its share. Deferred
    articles fill the feed only when nothing else is left.
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
        if is_duplicate(index, row, [*already_shown, *(r for _, r in chosen)], config):
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
        if not is_duplicate(index, row, [*already_shown, *(r for _, r in chosen)], config):
            chosen.append((position, row))
    return chosen


def is_duplicate(index: ForYouIndex, row: int, chosen: list[int], config: ForYouConfig) -> bool:
    if not chosen:
        return False
    sims = index.similarity(row, np.asarray(chosen, dtype=np.intp))
    return bool((sims >= config.duplicate_similarity).any())


def explore(
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
                and not is_duplicate(index, row, shown_rows, config)
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
