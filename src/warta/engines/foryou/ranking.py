"""Shared ranking steps: editorial signals resolved against an index, stable top-k."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .index import ForYouIndex, build_index
from .text import FloatArray
from .types import Article, EditorialSignal, ForYouConfig

#: what a buried article loses: more than any unburied score can reach
BURY_PENALTY = 1000.0
DEFAULT_CONFIG = ForYouConfig()
Pool = Sequence[Article] | ForYouIndex
Rows = npt.NDArray[np.intp]


@dataclass(frozen=True, slots=True, eq=False)
class Editorial:
    """Editorial signals resolved against an index (unknown ids are ignored)."""

    excluded: npt.NDArray[np.bool_]
    buried: npt.NDArray[np.bool_]
    boost: npt.NDArray[np.float32]
    pins: tuple[tuple[int, int], ...]  # (slot, row), by slot

    @classmethod
    def resolve(cls, index: ForYouIndex, signals: Iterable[EditorialSignal]) -> Editorial:
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


def as_index(articles: Pool) -> ForYouIndex:
    return articles if isinstance(articles, ForYouIndex) else build_index(articles)


def order(rows: Rows, scores: FloatArray) -> tuple[Rows, FloatArray]:
    """Return rows and scores sorted by score, highest first; ties by pool order."""
    order = np.lexsort((rows, -scores.astype(np.float64)))
    return rows[order], scores[order]


def top(rows: Rows, scores: FloatArray, k: int) -> Rows:
    """Return the ``k`` best rows by score (ties by pool order), best first."""
    if rows.size > k:
        # keep everything tied with the k-th score so the tie-break stays deterministic
        threshold = np.partition(scores, rows.size - k)[rows.size - k]
        keep = scores >= threshold
        rows, scores = rows[keep], scores[keep]
    return order(rows, scores)[0][:k]
