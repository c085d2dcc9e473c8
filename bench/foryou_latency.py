"""For You latency against pool size: one reader, 200-article history, p50/p95 per pool size.

Run: .venv/bin/python bench/foryou_latency.py [--plot docs/img/foryou-latency.png]

BLAS is limited to one thread (as for a web worker: see docs/foryou.md); the pool is synthetic
(no shared data needed), embeddings are random 512-d vectors, which cost the same as real ones.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads BLAS
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from warta.engines.foryou.bench import measure_latency  # noqa: E402

SIZES = (1_000, 2_500, 5_000, 10_000, 20_000)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    results = []
    for size in SIZES:
        result = measure_latency(n_articles=size, history=200, requests=args.requests)
        results.append(result)
        print(json.dumps(result), flush=True)
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(6.5, 3.8))
        for key, label in (
            ("p50_ms", "wall p50"),
            ("p95_ms", "wall p95"),
            ("cpu_p95_ms", "CPU time p95"),
        ):
            ax.plot(SIZES, [r[key] for r in results], marker="o", label=label)
        ax.axhline(20, color="red", linestyle=":", linewidth=1, label="target p95 < 20 ms")
        ax.set_xlabel("fresh articles in the pool")
        ax.set_ylabel("ms per For You request")
        load = max(r["load_average_1min"] for r in results)
        ax.set_title(f"For You, one reader with 200 reads (1 BLAS thread, load ≤ {load:.1f})")
        ax.legend()
        fig.tight_layout()
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(args.plot, dpi=110)
        print(f"plot: {args.plot}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
