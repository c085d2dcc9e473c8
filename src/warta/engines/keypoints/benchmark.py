"""Measure throughput and memory of an engine (``warta keypoints bench``)."""

from __future__ import annotations

import contextlib
import resource
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass

from warta.engines.keypoints.types import ArticleInput, KeyPointsEngine, KeyPointsError


@dataclass(frozen=True, slots=True)
class BenchResult:
    """Throughput, latency and memory of one run over a list of articles."""

    articles: int
    seconds: float
    articles_per_second: float
    cpu_seconds: float
    articles_per_cpu_second: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    traced_peak_mib: float
    max_rss_mib: float
    long_input_words: int
    long_input_ms: float


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_bench(engine: KeyPointsEngine, articles: Sequence[ArticleInput]) -> BenchResult:
    """Return timings of ``engine`` over ``articles`` (one thread), plus a 200,000-word input.

    Wall time depends on what else the machine runs; CPU time of this thread does not, so
    both are reported.
    """
    if articles:
        engine.extract(articles[0])  # warm caches (stopwords, model) outside the timing
    latencies: list[float] = []
    started = time.perf_counter()
    cpu_started = time.thread_time()
    for article in articles:
        t0 = time.perf_counter()
        with contextlib.suppress(KeyPointsError):
            engine.extract(article)
        latencies.append(time.perf_counter() - t0)
    seconds = time.perf_counter() - started
    cpu_seconds = time.thread_time() - cpu_started

    tracemalloc.start()
    for article in articles[:200]:
        with contextlib.suppress(KeyPointsError):
            engine.extract(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    words = 200_000
    base = " ".join(a.text for a in articles[:50]).split() or ["kata"]
    long_text = " ".join(base[i % len(base)] for i in range(words))
    t0 = time.perf_counter()
    engine.extract(ArticleInput(text=long_text))
    long_ms = 1000 * (time.perf_counter() - t0)

    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(
        articles=len(articles),
        seconds=seconds,
        articles_per_second=len(articles) / seconds if seconds > 0 else 0.0,
        cpu_seconds=cpu_seconds,
        articles_per_cpu_second=len(articles) / cpu_seconds if cpu_seconds > 0 else 0.0,
        p50_ms=1000 * _percentile(latencies, 0.5),
        p95_ms=1000 * _percentile(latencies, 0.95),
        max_ms=1000 * max(latencies, default=0.0),
        traced_peak_mib=peak / 2**20,
        max_rss_mib=max_rss,
        long_input_words=words,
        long_input_ms=long_ms,
    )
