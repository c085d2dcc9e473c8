"""Run every key-points evaluation reported in docs/benchmarks.md and draw the figure.

    .venv/bin/python bench/keypoints_report.py [--data-dir ../shared/data] [--limit N]

Single process. Prints a Markdown table and writes docs/img/keypoints-rouge.png.
Split: the shipped model is trained on IndoSum records outside dev.01 (``--split rest``)
and scored on dev.01; for the other records a model trained on dev.01 alone is used, so
no score comes from an article the scoring model was trained on. XL-Sum is never trained on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from warta.engines.keypoints import ExtractiveEngine
from warta.engines.keypoints.dataset import iter_records
from warta.engines.keypoints.evaluation import EvalReport, evaluate
from warta.engines.keypoints.model import load_model
from warta.engines.keypoints.training import train

REPO = Path(__file__).resolve().parents[1]


def _progress(label: str):  # type: ignore[no-untyped-def]
    def report(n: int) -> None:
        if n % 250 == 0:
            print(f"{label}: {n}", file=sys.stderr, flush=True)

    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--plot", type=Path, default=REPO / "docs" / "img" / "keypoints-rouge.png")
    args = parser.parse_args()
    indosum = args.data_dir / "indosum" / "indosum.jsonl"
    xlsum = args.data_dir / "xlsum-id" / "xlsum_id_seahelm100.jsonl"
    if not indosum.exists():
        print(f"SHARED DATA MISSING: {indosum}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        dev01_model_path = Path(tmp) / "dev01.json"
        model = train(iter_records(indosum, "dev01"), data_path=indosum, split="dev01")
        dev01_model_path.write_text(model.to_json(), encoding="utf-8")
        cross_model = load_model(dev01_model_path)

    runs: dict[str, EvalReport] = {}
    runs["IndoSum dev.01 (750)"] = evaluate(
        list(iter_records(indosum, "dev01", args.limit)),
        ExtractiveEngine(),
        progress=_progress("dev01"),
    )
    runs["IndoSum other (2,250)"] = evaluate(
        list(iter_records(indosum, "rest", args.limit)),
        ExtractiveEngine(model=cross_model),
        progress=_progress("rest"),
    )
    if xlsum.exists():
        runs["XL-Sum id (100)"] = evaluate(
            list(iter_records(xlsum, "all", args.limit)), ExtractiveEngine()
        )

    print("| data | system | R-1 | R-2 | R-L | R-Lsum |")
    print("|---|---|---:|---:|---:|---:|")
    for name, report in runs.items():
        for system, scores in [("**Warta**", report.scores), *report.baselines.items()]:
            s = scores.as_dict()
            print(
                f"| {name} | {system} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | "
                f"{s['rougeL']:.2f} | {s['rougeLsum']:.2f} |"
            )
    for name, report in runs.items():
        print(
            f"{name}: n={report.n}, {report.articles_per_second:.0f} articles per CPU-second, "
            f"{report.words_per_bullet:.1f} words per bullet, methods {report.methods}"
        )
    _plot(runs, args.plot)
    print(f"figure: {args.plot}", file=sys.stderr)
    return 0


def _plot(runs: dict[str, EvalReport], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = ["warta", "lead3", "textrank", "lexrank", "oracle"]
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / len(systems)
    for i, system in enumerate(systems):
        values = [
            (r.scores if system == "warta" else r.baselines[system]).rouge1 for r in runs.values()
        ]
        bars = ax.bar([k + i * width for k in range(len(runs))], values, width, label=system)
        ax.bar_label(bars, fmt="%.1f", fontsize=7)
    ax.set_xticks([k + 0.4 - width / 2 for k in range(len(runs))], list(runs))
    ax.set_ylabel("ROUGE-1 F1 x 100")
    ax.set_ylim(0, 112)
    ax.set_title("Key points: ROUGE-1 (rouge-score, no stemming)")
    ax.legend(ncol=len(systems), fontsize=8, loc="upper center")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    sys.exit(main())
