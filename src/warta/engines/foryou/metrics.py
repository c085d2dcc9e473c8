"""Ranking metrics of the MIND protocol, computed for one impression at a time.

An impression is a list of candidates with 0/1 click labels and the scores a recommender gave
them. Each metric is computed per impression and then averaged; impressions whose labels are
all 0 or all 1 say nothing about ranking and are skipped (:func:`is_rankable`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImpressionMetrics:
    """AUC, MRR, nDCG@5 and nDCG@10 of one impression, each in [0, 1]."""

    auc: float
    mrr: float
    ndcg5: float
    ndcg10: float


def is_rankable(labels: Sequence[int]) -> bool:
    """Return whether the impression has at least one click and one non-click."""
    return any(labels) and not all(labels)


def _ranked_labels(labels: Sequence[int], scores: Sequence[float]) -> list[int]:
    """Return labels in order of descending score; equal scores keep the list order."""
    order = sorted(range(len(labels)), key=lambda i: -scores[i])
    return [labels[i] for i in order]


def auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Return the share of (clicked, not clicked) pairs ranked correctly; ties count one half."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not positives or not negatives:
        raise ValueError("AUC needs at least one clicked and one non-clicked candidate")
    # rank-sum form: average ranks handle ties as one half each
    ordered = sorted(scores)
    rank_sum = 0.0
    for value in positives:
        below = _count_less(ordered, value)
        equal = _count_less(ordered, value, or_equal=True) - below
        rank_sum += below + (equal + 1) / 2.0
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def _count_less(ordered: list[float], value: float, *, or_equal: bool = False) -> int:
    """Return how many of the sorted values are < value (or <= value)."""
    return bisect_right(ordered, value) if or_equal else bisect_left(ordered, value)


def mrr(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Return the sum of 1/rank over the clicked candidates, divided by the number of clicks."""
    ranked = _ranked_labels(labels, scores)
    clicks = sum(ranked)
    return sum(y / (rank + 1) for rank, y in enumerate(ranked)) / clicks


def dcg(ranked_labels: Sequence[int], k: int) -> float:
    """Return DCG@k with gain 2^rel - 1 and discount log2(rank + 1), ranks from 1."""
    return sum(float(2**y - 1) / math.log2(rank + 2) for rank, y in enumerate(ranked_labels[:k]))


def ndcg(labels: Sequence[int], scores: Sequence[float], k: int) -> float:
    """Return DCG@k of the ranking divided by DCG@k of the ideal ranking."""
    ideal = dcg(sorted(labels, reverse=True), k)
    return dcg(_ranked_labels(labels, scores), k) / ideal if ideal > 0 else 0.0


def impression_metrics(labels: Sequence[int], scores: Sequence[float]) -> ImpressionMetrics:
    """Return all four metrics of one rankable impression."""
    return ImpressionMetrics(
        auc=auc(labels, scores),
        mrr=mrr(labels, scores),
        ndcg5=ndcg(labels, scores, 5),
        ndcg10=ndcg(labels, scores, 10),
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """Mean metrics over impressions, ×100 as MIND results are reported."""

    n: int
    auc: float
    mrr: float
    ndcg5: float
    ndcg10: float

    def as_dict(self) -> dict[str, float | int]:
        """Return the summary as plain JSON-ready data, rounded to 2 decimals."""
        return {
            "n": self.n,
            "auc": round(self.auc, 2),
            "mrr": round(self.mrr, 2),
            "ndcg5": round(self.ndcg5, 2),
            "ndcg10": round(self.ndcg10, 2),
        }


def summarize(per_impression: Sequence[ImpressionMetrics]) -> Summary:
    """Return the mean of each metric ×100 (zeros when there is nothing to average)."""
    n = len(per_impression)
    if n == 0:
        return Summary(0, 0.0, 0.0, 0.0, 0.0)
    return Summary(
        n=n,
        auc=100.0 * sum(m.auc for m in per_impression) / n,
        mrr=100.0 * sum(m.mrr for m in per_impression) / n,
        ndcg5=100.0 * sum(m.ndcg5 for m in per_impression) / n,
        ndcg10=100.0 * sum(m.ndcg10 for m in per_impression) / n,
    )
