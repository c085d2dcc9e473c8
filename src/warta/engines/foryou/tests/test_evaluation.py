"""Offline evaluation: no leakage of an impression's own clicks, baselines, RecPrompt-shaped set."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from warta.engines.foryou import ForYouIndex
from warta.engines.foryou.evaluation import (
    ALL,
    WARTA,
    EvalContext,
    all_scorers,
    evaluate,
    popularity_scorer,
    warta_scorer,
)
from warta.engines.foryou.mind import ClickLog, Impression
from warta.engines.foryou.recprompt import SUBSET, build_recprompt_like

from .conftest import NOW

CANDIDATES = ("peru-3", "bola-1", "beras-1", "banjir-1", "film-1")


def impression(labels: tuple[int, ...], *, time: float = NOW, id: str = "imp-1") -> Impression:
    return Impression(
        id=id,
        user_id="u1",
        time=time,
        history=("peru-1", "peru-2"),
        candidates=CANDIDATES,
        labels=labels,
        subset="test",
    )


def test_own_clicks_never_reach_the_score(index: ForYouIndex) -> None:
    """Flip the labels of the scored impression: its scores must not move."""
    earlier = impression((0, 1, 0, 0, 0), time=NOW - 3600, id="earlier")
    for labels in [(1, 0, 0, 0, 0), (0, 0, 0, 1, 1), (0, 1, 1, 1, 0)]:
        scored = impression(labels)
        later = impression(labels, time=NOW + 3600, id="later")
        # the log holds the impression itself and a later one with the same clicks
        context = EvalContext(index=index, clicks=ClickLog([earlier, scored, later]))
        for scorer in (warta_scorer(context), popularity_scorer(context)):
            baseline = EvalContext(index=index, clicks=ClickLog([earlier]))
            same_scorer = (
                warta_scorer(baseline)
                if scorer.__qualname__.startswith("warta")
                else popularity_scorer(baseline)
            )
            assert list(scorer(scored)) == list(same_scorer(scored))


def test_earlier_clicks_do_count(index: ForYouIndex) -> None:
    """The leakage test above would be vacuous if popularity ignored the log altogether."""
    earlier = impression((0, 0, 0, 1, 0), time=NOW - 3600, id="earlier")
    with_log = popularity_scorer(EvalContext(index=index, clicks=ClickLog([earlier])))
    without = popularity_scorer(EvalContext(index=index))
    assert list(with_log(impression((1, 0, 0, 0, 0)))) == [0, 0, 0, 1, 0]
    assert list(without(impression((1, 0, 0, 0, 0)))) == [0] * 5


def test_evaluate_reports_subsets_and_all(index: ForYouIndex) -> None:
    impressions = [
        impression((1, 0, 0, 0, 0), id="a"),
        replace(impression((0, 1, 0, 0, 0), id="b"), subset="other"),
        impression((0, 0, 0, 0, 0), id="skipped"),
    ]
    report = evaluate(impressions, all_scorers(EvalContext(index=index)))
    result: dict[str, Any] = report.as_dict()
    assert set(result) >= {"n", "auc", "mrr", "ndcg5", "ndcg10", "baselines"}
    assert set(result["baselines"]) == {"random", "popularity", "tfidf", "category"}
    assert result["n"] == 2 and result["skipped"] == 1
    assert set(result["subsets"]) == {"test", "other"}
    assert report.summary(ALL, WARTA).n == 2
    # the reader read about Peru: the Peru candidate ranks first, a perfect impression
    assert result["subsets"]["test"]["auc"] == 100.0


def test_recprompt_like_set_has_one_click_and_nine_skips() -> None:
    source = [
        Impression(
            id=f"i{n}",
            user_id=f"u{n % 30}",
            time=None,
            history=("h",),
            candidates=tuple(f"c{n}-{k}" for k in range(15)),
            labels=tuple(1 if k in (3, 7) else 0 for k in range(15)),
            subset="full" if n % 5 else "partial",
        )
        for n in range(100)
    ]
    built = build_recprompt_like(source, size=20, seed=1, subsets=["full"])
    assert built == build_recprompt_like(source, size=20, seed=1, subsets=["full"])
    assert len(built) == 20
    assert len({i.user_id for i in built}) == 20
    for item in built:
        assert sorted(item.labels) == [0] * 9 + [1]
        assert item.subset == SUBSET
        assert item.id not in {s.id for s in source if s.subset == "partial"}
