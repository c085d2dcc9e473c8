"""Checks on the real shared data (small samples; the full runs live in docs/benchmarks.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.engines.keypoints import ExtractiveEngine
from warta.engines.keypoints.dataset import HELD_OUT_FILE, iter_records
from warta.engines.keypoints.evaluation import evaluate
from warta.engines.keypoints.model import default_model


def test_shipped_model_is_small_and_trained_without_the_held_out_split() -> None:
    model = default_model()
    assert model is not None, "the shipped model is missing; run `warta keypoints train`"
    assert model.metadata["split"] == "rest"
    assert model.metadata["trained_on"] == "indosum.jsonl"


@pytest.mark.data
def test_engine_beats_lead3_on_held_out_sample(indosum_path: Path) -> None:
    records = list(iter_records(indosum_path, "dev01", limit=60))
    assert all(r.source_file == HELD_OUT_FILE for r in records)
    report = evaluate(records, ExtractiveEngine())
    assert report.errors == 0
    assert report.scores.rouge1 > report.baselines["lead3"].rouge1
