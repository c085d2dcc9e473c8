"""``warta keypoints``: summarise, evaluate, train and benchmark the key-points engine.

No Django here; the engine and the evaluation tools are imported only by the commands that
use them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warta.cli.paths import indosum_path

if TYPE_CHECKING:
    from warta.engines.keypoints import KeyPoints, KeyPointsEngine
    from warta.engines.keypoints.evaluation import EvalReport


def register(subparsers: Any) -> None:
    """Add ``keypoints`` and its sub-commands to the ``warta`` parser."""
    parser = subparsers.add_parser(
        "keypoints",
        help="poin inti artikel (Intinya sih...) / article key points",
        description="Ringkas, evaluasi, latih dan ukur mesin poin inti. / "
        "Summarise, evaluate, train and benchmark the key-points engine.",
    )
    commands = parser.add_subparsers(dest="keypoints_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: _usage(parser))

    summarize = commands.add_parser(
        "summarize", help="poin inti satu artikel / key points of one article"
    )
    summarize.add_argument(
        "file", help="article text, or JSON with title/text; '-' reads standard input"
    )
    summarize.add_argument("--json", action="store_true", help="print one JSON object")
    _add_engine_options(summarize)
    summarize.set_defaults(func=run_summarize)

    evaluate = commands.add_parser("eval", help="ROUGE against reference summaries")
    evaluate.add_argument("--data", type=Path, required=True, help="JSON lines (IndoSum format)")
    evaluate.add_argument("--limit", type=int, help="evaluate only the first N records")
    evaluate.add_argument(
        "--split",
        choices=("all", "dev01", "rest"),
        default="all",
        help="IndoSum records: dev01 = the held-out dev.01 file, rest = the others",
    )
    evaluate.add_argument("--no-baselines", action="store_true", help="skip Lead-3 etc.")
    evaluate.add_argument("--plot", type=Path, help="write a PNG bar chart of the scores")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    _add_engine_options(evaluate)
    evaluate.set_defaults(func=run_eval)

    train = commands.add_parser("train", help="train the sentence-salience model")
    train.add_argument("--data", type=Path, required=True, help="JSON lines (IndoSum format)")
    train.add_argument(
        "--split",
        choices=("all", "dev01", "rest"),
        default="rest",
        help="records to train on (default rest: everything except the held-out dev.01)",
    )
    train.add_argument("--limit", type=int, help="train on the first N records only")
    train.add_argument("--l2", type=float, default=1.0, help="L2 penalty")
    train.add_argument("--out", type=Path, help="model path (default: the shipped model file)")
    train.set_defaults(func=run_train)

    bench = commands.add_parser("bench", help="throughput on one core and peak memory")
    bench.add_argument("--data", type=Path, help="JSON lines; default the shared IndoSum file")
    bench.add_argument("--limit", type=int, help="use only the first N records")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    _add_engine_options(bench)
    bench.set_defaults(func=run_bench)


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--points", type=int, default=3, help="number of bullets, 1 to 5")
    parser.add_argument(
        "--engine",
        choices=("default", "baseline"),
        default="default",
        help="default = Warta's engine; baseline = sub-headings else first sentences",
    )
    parser.add_argument("--model", type=Path, help="salience model JSON (default: shipped)")
    parser.add_argument(
        "--llm-url",
        help="base URL of your own OpenAI-compatible server (e.g. http://127.0.0.1:8000/v1); "
        "its key is read from $WARTA_KEYPOINTS_LLM_KEY",
    )
    parser.add_argument("--llm-model", default="", help="model name on that server")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _fail(message: str, code: int = 1) -> int:
    print(f"galat / error: {message}", file=sys.stderr)
    return code


def _build_engine(args: argparse.Namespace) -> KeyPointsEngine:
    from warta.engines.keypoints import BaselineEngine, ExtractiveEngine, KeyPointsConfig
    from warta.engines.keypoints.model import load_model

    generative = None
    if args.llm_url:
        from warta.engines.keypoints import GenerativeConfig

        generative = GenerativeConfig(
            base_url=args.llm_url,
            model=args.llm_model,
            api_key=os.environ.get("WARTA_KEYPOINTS_LLM_KEY", ""),
        )
    config = KeyPointsConfig(num_points=args.points, generative=generative)
    if args.engine == "baseline":
        return BaselineEngine(config)
    model = load_model(args.model) if args.model else None
    if generative is not None:
        from warta.engines.keypoints.generative import GenerativeEngine

        return GenerativeEngine(config, fallback=ExtractiveEngine(config, model=model))
    return ExtractiveEngine(config, model=model)


def _progress(label: str, total: int | None) -> Any:
    every = 100

    def report(n: int) -> None:
        if n % every == 0 or n == total:
            suffix = f"/{total}" if total else ""
            print(f"{label}: {n}{suffix}", file=sys.stderr, flush=True)

    return report


def _read_article(source: str) -> tuple[str, str]:
    raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    stripped = raw.lstrip()
    if stripped.startswith("{"):
        try:
            payload = json.loads(stripped)
        except ValueError:
            payload = None
        if isinstance(payload, dict) and "text" in payload:
            return str(payload.get("title") or ""), str(payload.get("text") or "")
    return "", raw


def _keypoints_json(result: KeyPoints) -> dict[str, Any]:
    return {
        "method": result.method,
        "notes": list(result.notes),
        "points": [
            {
                "text": p.text,
                "score": p.score,
                "source_sentences": list(p.source_sentences),
                "sources": [result.sentences[i] for i in p.source_sentences],
            }
            for p in result.points
        ],
        "sentences": list(result.sentences),
    }


def run_summarize(args: argparse.Namespace) -> int:
    """Print the key points of one article."""
    from warta.engines.keypoints import ArticleInput, KeyPointsError

    try:
        title, text = _read_article(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"berkas tidak bisa dibaca / cannot read {args.file}: {exc}", 2)
    try:
        engine = _build_engine(args)
        result = engine.extract(ArticleInput(title=title, text=text))
    except KeyPointsError as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(_keypoints_json(result), ensure_ascii=False, indent=2))
        return 0
    print(f"Intinya sih... (metode / method: {result.method})")
    for point in result.points:
        print(f"  • {point.text}")
        for index in point.source_sentences:
            print(f"      ↳ [{index}] {result.sentences[index]}")
    for note in result.notes:
        print(f"catatan / note: {note}")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    """Print ROUGE of the engine and of the baselines on a JSON-lines file."""
    from warta.engines.keypoints import KeyPointsError
    from warta.engines.keypoints.dataset import iter_records
    from warta.engines.keypoints.evaluation import evaluate

    if not args.data.exists():
        return _fail(f"berkas data tidak ada / data file not found: {args.data}", 2)
    try:
        engine = _build_engine(args)
        records = list(iter_records(args.data, args.split, args.limit))
        report = evaluate(
            records,
            engine,
            with_baselines=not args.no_baselines,
            progress=_progress("keypoints eval", len(records)),
        )
    except KeyPointsError as exc:
        return _fail(str(exc))
    if args.plot:
        _plot(report, args.plot, f"{args.data.name} ({args.split}, n={report.n})")
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return 0
    _print_report(report, args)
    return 0


def _print_report(report: EvalReport, args: argparse.Namespace) -> None:
    print(f"data: {args.data} split={args.split} n={report.n} engine={args.engine}")
    print(f"{'system':<12} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'R-Lsum':>7}")
    rows = [("warta", report.scores), *report.baselines.items()]
    for name, scores in rows:
        s = scores.as_dict()
        print(
            f"{name:<12} {s['rouge1']:>6.2f} {s['rouge2']:>6.2f} "
            f"{s['rougeL']:>6.2f} {s['rougeLsum']:>7.2f}"
        )
    print(
        f"ringkasan / summary: R-1 {report.scores.rouge1:.2f}, "
        f"{report.articles_per_second:.0f} artikel/detik, "
        f"{report.words_per_bullet:.1f} kata/poin, metode {report.methods}, galat {report.errors}"
    )


def _plot(report: EvalReport, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = ["warta", *report.baselines]
    scores = [report.scores, *report.baselines.values()]
    keys = ("rouge1", "rouge2", "rougeL", "rougeLsum")
    fig, ax = plt.subplots(figsize=(8, 4))
    width = 0.8 / len(names)
    for i, (name, s) in enumerate(zip(names, scores, strict=True)):
        values = [s.as_dict()[k] for k in keys]
        ax.bar([k + i * width for k in range(len(keys))], values, width, label=name)
    ax.set_xticks([k + 0.4 - width / 2 for k in range(len(keys))], keys)
    ax.set_ylabel("F1 x 100")
    ax.set_ylim(0, 100)
    ax.set_title(title)
    ax.legend(ncol=len(names), fontsize=8, loc="upper center")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def run_train(args: argparse.Namespace) -> int:
    """Train the salience model and write it as JSON."""
    from warta.engines.keypoints import KeyPointsError
    from warta.engines.keypoints.dataset import iter_records
    from warta.engines.keypoints.model import DEFAULT_MODEL_PATH
    from warta.engines.keypoints.training import train

    if not args.data.exists():
        return _fail(f"berkas data tidak ada / data file not found: {args.data}", 2)
    out: Path = args.out or DEFAULT_MODEL_PATH
    try:
        records = iter_records(args.data, args.split, args.limit)
        model = train(
            records,
            data_path=args.data,
            split=args.split,
            l2=args.l2,
            progress=_progress("keypoints train", None),
        )
    except KeyPointsError as exc:
        return _fail(str(exc))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json(), encoding="utf-8")
    meta = model.metadata
    print(
        f"model disimpan / model written: {out} ({out.stat().st_size} bytes; "
        f"{meta['articles']} articles, {meta['sentences']} sentences, split {args.split})"
    )
    return 0


def run_bench(args: argparse.Namespace) -> int:
    """Print throughput on one core and peak memory."""
    # One core: no BLAS worker threads, and this process pinned to a single CPU.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    pinned = None
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        pinned = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {pinned})
    from warta.engines.keypoints import ArticleInput, KeyPointsError
    from warta.engines.keypoints.benchmark import run_bench as measure
    from warta.engines.keypoints.dataset import iter_records

    data: Path = args.data or indosum_path()
    if not data.exists():
        return _fail(f"berkas data tidak ada / data file not found: {data}", 2)
    try:
        engine = _build_engine(args)
        articles = [
            ArticleInput(text=r.text, title=r.title) for r in iter_records(data, "all", args.limit)
        ]
        result = measure(engine, articles)
    except KeyPointsError as exc:
        return _fail(str(exc))
    payload = {
        "data": str(data),
        "engine": args.engine,
        "articles": result.articles,
        "seconds": round(result.seconds, 3),
        "articles_per_second": round(result.articles_per_second, 1),
        "cpu_seconds": round(result.cpu_seconds, 3),
        "articles_per_cpu_second": round(result.articles_per_cpu_second, 1),
        "pinned_cpu": pinned,
        "p50_ms": round(result.p50_ms, 3),
        "p95_ms": round(result.p95_ms, 3),
        "max_ms": round(result.max_ms, 3),
        "traced_peak_mib": round(result.traced_peak_mib, 2),
        "max_rss_mib": round(result.max_rss_mib, 1),
        "long_input_words": result.long_input_words,
        "long_input_ms": round(result.long_input_ms, 1),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(payload))
        return 0
    print(
        f"{result.articles} artikel / articles on one thread pinned to CPU {pinned}: "
        f"{result.seconds:.2f} s wall = {result.articles_per_second:.0f} articles/s; "
        f"{result.cpu_seconds:.2f} s CPU = {result.articles_per_cpu_second:.0f} articles/CPU-s\n"
        f"latency p50 {result.p50_ms:.2f} ms, "
        f"p95 {result.p95_ms:.2f} ms, max {result.max_ms:.1f} ms\n"
        f"memory: traced peak {result.traced_peak_mib:.1f} MiB, max RSS "
        f"{result.max_rss_mib:.0f} MiB; a {result.long_input_words:,}-word input took "
        f"{result.long_input_ms:.0f} ms"
    )
    return 0
