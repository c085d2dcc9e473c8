"""A small logistic-regression sentence scorer, stored as JSON inside the package."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from warta.engines.keypoints.features import FEATURE_NAMES, FloatArray
from warta.engines.keypoints.types import KeyPointsError

DEFAULT_MODEL_PATH = Path(__file__).with_name("data") / "salience-model.json"


@dataclass(frozen=True)
class SalienceModel:
    """A standardised logistic model: ``sigmoid(((x - mean) / scale) @ weights + bias)``.

    (A one-hidden-layer network was tried and scored lower in cross-validation.)
    """

    feature_names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    metadata: dict[str, Any]
    _mean: FloatArray = field(init=False, repr=False, compare=False)
    _scale: FloatArray = field(init=False, repr=False, compare=False)
    _weights: FloatArray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Keep numpy copies for fast scoring; the tuples stay the stored, hashable form.
        object.__setattr__(self, "_mean", np.asarray(self.mean))
        object.__setattr__(self, "_scale", np.asarray(self.scale))
        object.__setattr__(self, "_weights", np.asarray(self.weights))

    def score(self, matrix: FloatArray) -> FloatArray:
        """Return the salience probability of every feature row."""
        if matrix.shape[0] == 0:
            return np.zeros(0)
        z = ((matrix - self._mean) / self._scale) @ self._weights + self.bias
        result: FloatArray = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
        return result

    def to_json(self) -> str:
        """Return the model as stable, diff-friendly JSON."""
        payload = {
            "format": "warta-salience-logreg/1",
            "feature_names": list(self.feature_names),
            "mean": [round(v, 8) for v in self.mean],
            "scale": [round(v, 8) for v in self.scale],
            "weights": [round(v, 8) for v in self.weights],
            "bias": round(self.bias, 8),
            "metadata": self.metadata,
        }
        return json.dumps(payload, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def load_model(path: Path | str) -> SalienceModel:
    """Return the model stored at ``path``; raise :class:`KeyPointsError` if unusable."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        model = SalienceModel(
            feature_names=tuple(payload["feature_names"]),
            mean=tuple(float(v) for v in payload["mean"]),
            scale=tuple(float(v) for v in payload["scale"]),
            weights=tuple(float(v) for v in payload["weights"]),
            bias=float(payload["bias"]),
            metadata=dict(payload.get("metadata", {})),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyPointsError(
            f"Model key points tidak bisa dibaca / cannot read key-points model {path}: {exc}"
        ) from exc
    if model.feature_names != FEATURE_NAMES:
        raise KeyPointsError(
            "Model key points tidak cocok dengan fitur / model features do not match "
            f"this version of Warta ({path}); run `warta keypoints train`"
        )
    return model


@functools.cache
def default_model() -> SalienceModel | None:
    """Return the shipped model, or None when the package was built without one."""
    if not DEFAULT_MODEL_PATH.exists():
        return None
    return load_model(DEFAULT_MODEL_PATH)


def fit_logistic(
    features: FloatArray,
    targets: FloatArray,
    *,
    l2: float = 1.0,
    iterations: int = 30,
    metadata: dict[str, Any] | None = None,
) -> SalienceModel:
    """Return a logistic regression fitted by Newton's method (soft targets in [0, 1]).

    Deterministic: no random initialisation, no shuffling.
    """
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale < 1e-9] = 1.0
    x = (features - mean) / scale
    x = np.hstack([x, np.ones((x.shape[0], 1))])
    weights = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # do not shrink the bias
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ weights, -30.0, 30.0)))
        gradient = x.T @ (p - targets) + penalty * weights
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.abs(step).max()) < 1e-7:
            break
    return SalienceModel(
        feature_names=FEATURE_NAMES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in weights[:-1]),
        bias=float(weights[-1]),
        metadata=dict(metadata or {}),
    )
