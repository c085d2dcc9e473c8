"""``warta foryou``: evaluate and benchmark the For You recommender (no Django involved)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warta.engines.foryou.index import Embedder
    from warta.engines.foryou.mind import Impression


def register(subparsers: Any) -> None:
    """Add ``foryou`` and its sub-commands to the ``warta`` parser."""
    parser = subparsers.add_parser(
        "foryou",
        help="rekomendasi For You: evaluasi dan benchmark / For You recommender",
        description="Evaluate and benchmark the For You recommender.",
    )
    commands = parser.add_subparsers(dest="foryou_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: _usage(parser))

    evaluate = commands.add_parser("eval", help="AUC/MRR/nDCG on impression logs against baselines")
    evaluate.add_argument("--articles", type=Path, required=True, help="articles.jsonl")
    evaluate.add_argument("--impressions", type=Path, required=True, help="impressions.jsonl")
    evaluate.add_argument(
        "--clicks",
        type=Path,
        help="impressions.jsonl with times whose clicks feed popularity (only clicks before each"
        " impression count); default: ../mind-small-train-sample5k/impressions.jsonl beside"
        " --impressions when present",
    )
    evaluate.add_argument(
        "--embeddings",
        choices=("use", "none"),
        default="use",
        help="sentence embeddings: 'use' (bundled multilingual USE, cached) or 'none'",
    )
    evaluate.add_argument("--config", type=Path, help="JSON object of ForYouConfig overrides")
    evaluate.add_argument("--limit", type=int, help="evaluate only the first N impressions")
    evaluate.add_argument("--plot", type=Path, help="write a PNG of AUC per subset and scorer")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.set_defaults(func=run_eval)

    build = commands.add_parser(
        "build-recprompt-set",
        help="write a RecPrompt-shaped set (1 click + 9 non-clicks, 400 users) from impressions",
    )
    build.add_argument("--impressions", type=Path, required=True)
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--size", type=int, default=400)
    build.add_argument("--seed", type=int, default=0)
    build.add_argument(
        "--subsets",
        default="random1000_titles,random100_titles,recprompt_full",
        help="comma-separated source subsets with complete candidate lists",
    )
    build.set_defaults(func=run_build_recprompt_set)

    bench = commands.add_parser("bench", help="latency of For You for one reader")
    bench.add_argument("--articles", type=int, default=10_000, help="fresh articles in the pool")
    bench.add_argument("--history", type=int, default=200, help="articles the reader has read")
    bench.add_argument("--requests", type=int, default=200, help="timed requests")
    bench.add_argument(
        "--embeddings",
        choices=("random", "none"),
        default="random",
        help="'random' 512-d vectors (same cost as real ones) or 'none' (TF-IDF only)",
    )
    bench.add_argument("--json", action="store_true")
    bench.set_defaults(func=run_bench)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _progress(label: str) -> Any:
    start = time.perf_counter()

    def report(done: int, total: int) -> None:
        if done % 250 == 0 or done == total:
            elapsed = time.perf_counter() - start
            print(
                f"\r{label}: {done}/{total} impressions, {elapsed:.0f} s", end="", file=sys.stderr
            )
            if done == total:
                print(file=sys.stderr)

    return report


def cached_use_embedder(cache_dir: Path) -> Embedder:
    """Return the bundled USE embedder with an on-disk cache keyed by the texts' hash."""
    import numpy as np

    from warta.engines.foryou.embedding import use_embedder

    model = use_embedder()

    def embed(texts: Any) -> Any:
        digest = hashlib.sha1("\x1e".join(texts).encode(), usedforsecurity=False).hexdigest()[:16]
        path = cache_dir / f"foryou-use-{digest}.npy"
        if path.exists():
            return np.load(path)
        print(f"embedding {len(texts)} articles (cached at {path})...", file=sys.stderr)
        vectors = model(texts)
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        return vectors

    return embed


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "warta"


def load_config(path: Path | None) -> Any:
    """Return a ForYouConfig with the overrides of a JSON file (or the defaults)."""
    from dataclasses import replace

    from warta.engines.foryou import ForYouConfig

    if path is None:
        return ForYouConfig()
    return replace(ForYouConfig(), **json.loads(path.read_text(encoding="utf-8")))


def run_eval(args: argparse.Namespace) -> int:
    """Evaluate Warta's scorer and the baselines; print a table or JSON."""
    from warta.engines.foryou import build_index
    from warta.engines.foryou.evaluation import (
        EvalContext,
        all_scorers,
        evaluate,
        restrict_to_index,
    )
    from warta.engines.foryou.mind import ClickLog, load_articles, load_impressions

    articles = load_articles(args.articles)
    impressions = load_impressions(args.impressions)
    if args.limit:
        impressions = impressions[: args.limit]
    clicks_path = args.clicks or args.impressions.parent.parent / (
        "mind-small-train-sample5k/impressions.jsonl"
    )
    clicks = None
    if clicks_path.exists():
        print(f"popularity: clicks from {clicks_path}", file=sys.stderr)
        clicks = ClickLog(load_impressions(clicks_path))
    else:
        print("popularity: no click log, popularity is 0 for every article", file=sys.stderr)
    embedder = cached_use_embedder(_cache_dir()) if args.embeddings == "use" else None
    started = time.perf_counter()
    index = build_index(articles, embedder=embedder)
    print(f"index: {len(index)} articles in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    known = sum(c in index.row_of for i in impressions for c in i.candidates)
    total = sum(len(i.candidates) for i in impressions)
    if known < total:
        print(
            f"note: {total - known} of {total} candidates have no article text; they are left"
            " out of their impressions (labels of the rest unchanged)",
            file=sys.stderr,
        )
        impressions = restrict_to_index(impressions, index)
    context = EvalContext(index=index, clicks=clicks, config=load_config(args.config))
    report = evaluate(impressions, all_scorers(context), progress=_progress("eval"))
    result = report.as_dict()
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        _print_table(report)
    if args.plot:
        _plot(report, args.plot)
        print(f"plot: {args.plot}", file=sys.stderr)
    warta_auc = result["auc"]
    best = max(b["auc"] for b in result["baselines"].values()) if result["baselines"] else 0
    print(
        f"summary: {result['n']} impressions ({result['skipped']} skipped), Warta AUC {warta_auc},"
        f" best baseline {best}, {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return 0


def _print_table(report: Any) -> None:
    from warta.engines.foryou.evaluation import ALL

    print(f"{'subset':24} {'scorer':11} {'n':>5} {'AUC':>6} {'MRR':>6} {'nDCG5':>6} {'nDCG10':>6}")
    for subset in [*report.subsets(), ALL]:
        for scorer in report.scorers():
            s = report.summary(subset, scorer)
            print(
                f"{subset:24} {scorer:11} {s.n:5d} {s.auc:6.2f} {s.mrr:6.2f} {s.ndcg5:6.2f}"
                f" {s.ndcg10:6.2f}"
            )


def _plot(report: Any, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from warta.engines.foryou.evaluation import ALL

    subsets = [*report.subsets(), ALL]
    scorers = report.scorers()
    width = 0.8 / len(scorers)
    fig, ax = plt.subplots(figsize=(9, 4.2))
    for i, scorer in enumerate(scorers):
        values = [report.summary(subset, scorer).auc for subset in subsets]
        positions = [x + (i - (len(scorers) - 1) / 2) * width for x in range(len(subsets))]
        ax.bar(positions, values, width, label=scorer)
    ax.axhline(50, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xticks(range(len(subsets)), [s.replace("_", "\n") for s in subsets], fontsize=8)
    ax.set_ylim(40, max(80, ax.get_ylim()[1]))
    ax.set_ylabel("AUC ×100")
    ax.set_title("For You: AUC per subset (MIND protocol, same run)")
    ax.legend(fontsize=8, ncols=len(scorers), loc="upper center")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run_build_recprompt_set(args: argparse.Namespace) -> int:
    """Write a RecPrompt-shaped impression set built deterministically from a log."""
    from warta.engines.foryou.mind import impression_record, load_impressions
    from warta.engines.foryou.recprompt import build_recprompt_like

    impressions: list[Impression] = load_impressions(args.impressions)
    subsets = [s for s in args.subsets.split(",") if s]
    built = build_recprompt_like(impressions, size=args.size, seed=args.seed, subsets=subsets)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for impression in built:
            handle.write(json.dumps(impression_record(impression)) + "\n")
    print(f"wrote {len(built)} impressions to {args.out}", file=sys.stderr)
    return 0 if len(built) == args.size else 1


def run_bench(args: argparse.Namespace) -> int:
    """Time ``recommend`` for one reader over a synthetic pool; print percentiles."""
    if "numpy" not in sys.modules:  # one BLAS thread, as a web worker should run (docs/foryou.md)
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    from warta.engines.foryou.bench import measure_latency

    result = measure_latency(
        n_articles=args.articles,
        history=args.history,
        requests=args.requests,
        embeddings=args.embeddings == "random",
        progress=_progress_plain,
    )
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for key, value in result.items():
            print(f"{key:24} {value}")
    print(
        f"summary: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms over"
        f" {result['requests']} requests",
        file=sys.stderr,
    )
    return 0


def _progress_plain(done: int, total: int) -> None:
    if done % 50 == 0 or done == total:
        print(f"\rbench: {done}/{total} requests", end="", file=sys.stderr)
        if done == total:
            print(file=sys.stderr)
