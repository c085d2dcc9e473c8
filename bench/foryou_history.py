"""For You AUC by history length on the MIND dev samples, against category affinity.

Run: .venv/bin/python bench/foryou_history.py [--plot docs/img/foryou-history.png]

Shows where personalisation pays: readers with a handful of reads against long histories.
Reads ../shared/data (exits quietly if absent); popularity from the train sample's clicks.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

from warta.cli.foryou import _cache_dir, cached_use_embedder
from warta.engines.foryou import build_index
from warta.engines.foryou.evaluation import EvalContext, all_scorers
from warta.engines.foryou.metrics import auc, is_rankable
from warta.engines.foryou.mind import ClickLog, load_articles, load_impressions

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("WARTA_DATA_DIR", REPO.parent / "shared" / "data"))
BUCKETS = ((0, 0), (1, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 10_000))
SCORERS = ("warta", "category", "tfidf", "popularity")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plot", type=Path)
    args = parser.parse_args()
    dev, train = DATA / "mind-small-dev-samples", DATA / "mind-small-train-sample5k"
    if not dev.exists():
        print(f"MIND samples not found under {DATA}; nothing to do", file=sys.stderr)
        return 0
    index = build_index(
        load_articles(dev / "articles.jsonl"), embedder=cached_use_embedder(_cache_dir())
    )
    context = EvalContext(
        index=index, clicks=ClickLog(load_impressions(train / "impressions.jsonl"))
    )
    scorers = all_scorers(context)
    by_bucket: dict[int, dict[str, list[float]]] = {
        b: {s: [] for s in SCORERS} for b in range(len(BUCKETS))
    }
    for impression in load_impressions(dev / "impressions.jsonl"):
        if not is_rankable(impression.labels):
            continue
        known = index.rows(impression.history).size
        bucket = next(b for b, (lo, hi) in enumerate(BUCKETS) if lo <= known <= hi)
        for name in SCORERS:
            value = auc(list(impression.labels), list(scorers[name](impression)))
            by_bucket[bucket][name].append(100.0 * value)
    labels = [
        f"{lo}" if lo == hi else (f"{lo}+" if hi >= 10_000 else f"{lo}–{hi}") for lo, hi in BUCKETS
    ]
    print(f"{'history':>8} {'n':>5} " + " ".join(f"{s:>10}" for s in SCORERS))
    for b, label in enumerate(labels):
        n = len(by_bucket[b]["warta"])
        means = [np.mean(by_bucket[b][s]) if n else float("nan") for s in SCORERS]
        print(f"{label:>8} {n:5d} " + " ".join(f"{m:10.2f}" for m in means))
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(7, 3.8))
        kept = [b for b in range(len(BUCKETS)) if by_bucket[b]["warta"]]
        for name in SCORERS:
            ax.plot(
                [labels[b] for b in kept],
                [np.mean(by_bucket[b][name]) for b in kept],
                marker="o",
                label=name,
            )
        ax.axhline(50, color="grey", linestyle=":", linewidth=0.8)
        ax.set_xlabel("history articles known to the index")
        ax.set_ylabel("mean AUC ×100")
        ax.set_title("For You on MIND dev samples: AUC by history length")
        ax.legend(fontsize=8)
        fig.tight_layout()
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(args.plot, dpi=110)
        print(f"plot: {args.plot}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
