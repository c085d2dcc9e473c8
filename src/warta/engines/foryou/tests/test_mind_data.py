"""A small run on the shared MIND sample (skipped where ../shared/data is absent)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from warta.engines.foryou import build_index
from warta.engines.foryou.evaluation import EvalContext, all_scorers, evaluate
from warta.engines.foryou.mind import ClickLog, load_articles, load_impressions

REPO = Path(__file__).resolve().parents[5]
DATA = Path(os.environ.get("WARTA_DATA_DIR", REPO.parent / "shared" / "data"))
DEV = DATA / "mind-small-dev-samples"
TRAIN = DATA / "mind-small-train-sample5k"

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def report_dict() -> dict[str, Any]:
    if not (DEV / "impressions.jsonl").exists():
        pytest.skip(f"SHARED DATA MISSING: MIND samples not found at {DEV}; set WARTA_DATA_DIR")
    impressions = [
        i for i in load_impressions(DEV / "impressions.jsonl") if i.subset == "random1000_titles"
    ][:150]
    index = build_index(load_articles(DEV / "articles.jsonl"))
    clicks = ClickLog(load_impressions(TRAIN / "impressions.jsonl")) if TRAIN.exists() else None
    context = EvalContext(index=index, clicks=clicks)
    return evaluate(impressions, all_scorers(context)).as_dict()


def test_warta_beats_every_baseline_on_a_small_sample(report_dict: dict[str, Any]) -> None:
    assert report_dict["n"] > 100
    for name, baseline in report_dict["baselines"].items():
        assert report_dict["auc"] > baseline["auc"], name


def test_random_is_near_half(report_dict: dict[str, Any]) -> None:
    assert 40 < report_dict["baselines"]["random"]["auc"] < 60
