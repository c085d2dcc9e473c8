"""Train the salience scorer on summarisation records (``warta keypoints train``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from warta.engines.keypoints.dataset import Record
from warta.engines.keypoints.document import prepare
from warta.engines.keypoints.features import extract_features
from warta.engines.keypoints.model import SalienceModel, fit_logistic
from warta.engines.keypoints.rouge import greedy_oracle
from warta.engines.keypoints.shorten import shorten
from warta.engines.keypoints.types import ArticleInput, KeyPointsConfig, KeyPointsError

#: Label a sentence positive when the greedy oracle of up to this many sentences takes it.
ORACLE_SENTENCES = 5


def build_training_set(
    records: Iterable[Record], progress: Callable[[int], None] | None = None
) -> tuple[np.ndarray, np.ndarray, int]:
    """Return features, oracle labels (0/1) and the number of articles used."""
    config = KeyPointsConfig()
    rows: list[np.ndarray] = []
    labels: list[float] = []
    used = 0
    for n, record in enumerate(records, 1):
        if progress is not None:
            progress(n)
        try:
            doc = prepare(ArticleInput(text=record.text, title=record.title), config)
        except KeyPointsError:
            continue
        features = extract_features(doc)
        if not features.candidates:
            continue
        lead = features.candidates[0]
        shortened = [shorten(doc.sentences[i], is_lead=i == lead) for i in features.candidates]
        oracle = set(greedy_oracle(shortened, record.reference, max_sentences=ORACLE_SENTENCES))
        labels.extend(1.0 if k in oracle else 0.0 for k in range(len(shortened)))
        rows.append(features.matrix)
        used += 1
    if not rows:
        raise KeyPointsError("Tidak ada data latih / no training articles were usable")
    return np.vstack(rows), np.asarray(labels), used


def train(
    records: Iterable[Record],
    *,
    data_path: Path | str,
    split: str,
    l2: float = 1.0,
    progress: Callable[[int], None] | None = None,
) -> SalienceModel:
    """Return a salience model fitted on ``records`` (deterministic for the same data)."""
    matrix, targets, used = build_training_set(records, progress)
    digest = hashlib.sha256(Path(data_path).read_bytes()).hexdigest()[:16]
    metadata = {
        "trained_on": Path(data_path).name,
        "data_sha256_16": digest,
        "split": split,
        "articles": used,
        "sentences": int(matrix.shape[0]),
        "label": f"in the greedy ROUGE-1+2 oracle of <= {ORACLE_SENTENCES} shortened sentences",
        "l2": l2,
    }
    return fit_logistic(matrix, targets, l2=l2, metadata=metadata)
