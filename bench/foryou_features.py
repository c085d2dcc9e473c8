"""Per-feature AUC and a documented weight search on the MIND train sample (For You).

Run: .venv/bin/python bench/foryou_features.py [--split train|dev] [--search]

Reads ../shared/data (skips with a message if absent). The search is a coordinate ascent over
ForYouConfig weights on the *train* sample (candidates and history limited to articles with
text); the dev samples are only scored with the chosen weights. MIND is non-commercial research
data: nothing here is stored in the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from warta.cli.foryou import _cache_dir, cached_use_embedder
from warta.engines.foryou import ForYouConfig, build_index
from warta.engines.foryou.evaluation import EvalContext, popularity_feature, restrict_to_index
from warta.engines.foryou.metrics import auc, is_rankable
from warta.engines.foryou.mind import ClickLog, load_articles, load_impressions
from warta.engines.foryou.scoring import FEATURES, build_profile, candidate_features

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TRAIN = DATA / "mind-small-train-sample5k"
DEV = DATA / "mind-small-dev-samples"
WEIGHT_FIELDS = {
    "text": "weight_text",
    "embedding": "weight_embedding",
    "nearest": "weight_nearest",
    "topic": "weight_topic",
    "section": "weight_section",
    "popularity": "weight_popularity",
}


def feature_sets(split: str, config: ForYouConfig) -> list[tuple[np.ndarray, np.ndarray, str]]:
    """Return (features, labels, subset) per rankable impression of a split."""
    folder = TRAIN if split == "train" else DEV
    index = build_index(
        load_articles(folder / "articles.jsonl"), embedder=cached_use_embedder(_cache_dir())
    )
    impressions = load_impressions(folder / "impressions.jsonl")
    clicks = ClickLog(load_impressions(TRAIN / "impressions.jsonl"))
    if split == "train":
        impressions = [
            i for i in restrict_to_index(impressions, index) if i.history and is_rankable(i.labels)
        ]
    context = EvalContext(index=index, clicks=clicks, config=config)
    out = []
    for impression in impressions:
        if not is_rankable(impression.labels):
            continue
        profile = build_profile(index, impression.history, config)
        rows = index.rows(impression.candidates)
        features = candidate_features(
            index, profile, rows, now=context.moment(impression), config=config
        )
        features[:, FEATURES.index("popularity")] = popularity_feature(
            context.prior_clicks(impression)
        )
        out.append((features, np.asarray(impression.labels), impression.subset))
    return out


def mean_auc(sets: list[tuple[np.ndarray, np.ndarray, str]], weights: np.ndarray) -> float:
    """Return the mean per-impression AUC ×100 of a weight vector."""
    return 100.0 * float(np.mean([auc(y.tolist(), (f @ weights).tolist()) for f, y, _ in sets]))


def search(sets: list[tuple[np.ndarray, np.ndarray, str]], start: np.ndarray) -> np.ndarray:
    """Return weights improved by coordinate ascent over a fixed grid (deterministic)."""
    weights = start.copy()
    grid = [0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0]
    best = mean_auc(sets, weights)
    for _ in range(3):
        for name in WEIGHT_FIELDS:
            column = FEATURES.index(name)
            for value in grid:
                trial = weights.copy()
                trial[column] = value
                score = mean_auc(sets, trial)
                if score > best + 1e-9:
                    best, weights = score, trial
        print(
            f"  round: {best:.2f} {dict(zip(FEATURES, weights.round(2).tolist(), strict=True))}",
            file=sys.stderr,
        )
    return weights


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--search", action="store_true")
    parser.add_argument("--config", type=Path)
    args = parser.parse_args()
    if not TRAIN.exists() or not DEV.exists():
        print(f"MIND samples not found under {DATA}; nothing to do", file=sys.stderr)
        return 0
    config = ForYouConfig()
    if args.config:
        config = replace(config, **json.loads(args.config.read_text()))
    sets = feature_sets(args.split, config)
    print(f"{args.split}: {len(sets)} rankable impressions", file=sys.stderr)
    for column, name in enumerate(FEATURES):
        one_hot = np.zeros(len(FEATURES), dtype=np.float32)
        one_hot[column] = 1.0
        print(f"{name:12} alone: AUC {mean_auc(sets, one_hot):.2f}")
    from warta.engines.foryou.scoring import feature_weights

    weights = feature_weights(config)
    print(f"config weights: AUC {mean_auc(sets, weights):.2f}")
    if args.search:
        weights = search(sets, weights)
        print(
            json.dumps({WEIGHT_FIELDS[n]: float(weights[FEATURES.index(n)]) for n in WEIGHT_FIELDS})
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
