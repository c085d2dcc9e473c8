"""Metrics of the MIND protocol on impressions small enough to check by hand."""

from __future__ import annotations

import math

import pytest

from warta.engines.foryou.metrics import (
    auc,
    impression_metrics,
    is_rankable,
    mrr,
    ndcg,
    summarize,
)


def test_perfect_ranking_scores_one_everywhere() -> None:
    m = impression_metrics([1, 0, 0], [0.9, 0.5, 0.1])
    assert (m.auc, m.mrr, m.ndcg5, m.ndcg10) == (1.0, 1.0, 1.0, 1.0)


def test_mixed_ranking_checked_by_hand() -> None:
    labels, scores = [0, 1, 0, 1], [4.0, 3.0, 2.0, 1.0]
    # pairs (clicked, not clicked): (3 vs 4) wrong, (3 vs 2) right, (1 vs 4) wrong, (1 vs 2) wrong
    assert auc(labels, scores) == pytest.approx(1 / 4)
    # clicks at ranks 2 and 4: (1/2 + 1/4) / 2
    assert mrr(labels, scores) == pytest.approx(0.375)
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    ideal = 1 + 1 / math.log2(3)
    assert ndcg(labels, scores, 5) == pytest.approx(dcg / ideal)
    assert ndcg(labels, scores, 10) == pytest.approx(dcg / ideal)


def test_ndcg_cuts_at_k() -> None:
    labels = [0, 0, 0, 0, 0, 1]
    scores = [6.0, 5.0, 4.0, 3.0, 2.0, 1.0]  # the click is ranked 6th
    assert ndcg(labels, scores, 5) == 0.0
    assert ndcg(labels, scores, 10) == pytest.approx(1 / math.log2(7))


def test_ties_count_half() -> None:
    assert auc([1, 0], [0.3, 0.3]) == 0.5
    assert auc([1, 0, 0], [0.3, 0.3, 0.1]) == pytest.approx(0.75)


def test_auc_needs_both_labels() -> None:
    assert not is_rankable([0, 0])
    assert not is_rankable([1, 1])
    assert is_rankable([0, 1])
    with pytest.raises(ValueError):
        auc([1, 1], [0.1, 0.2])


def test_summary_is_mean_times_hundred() -> None:
    a = impression_metrics([1, 0], [1.0, 0.0])
    b = impression_metrics([1, 0], [0.0, 1.0])
    summary = summarize([a, b])
    assert summary.n == 2
    assert summary.auc == pytest.approx(50.0)
    assert summary.mrr == pytest.approx(75.0)
    assert summarize([]).n == 0
