"""Latency measurement of For You over a synthetic pool (used by ``warta foryou bench``)."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .feed import recommend
from .index import build_index
from .synthetic import random_embedder, synthetic_articles
from .types import EditorialSignal, Reader

NOW = 1_765_929_540.0  # 17 Dec 2025, 07:59 WIB


def measure_latency(
    *,
    n_articles: int = 10_000,
    history: int = 200,
    requests: int = 200,
    embeddings: bool = True,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, float | int | str]:
    """Return build time and per-request latency percentiles (milliseconds) of ``recommend``.

    The pool is ``n_articles`` fresh synthetic articles (published in the last 72 hours) plus
    ``history`` older ones the reader has read; each request draws another reader.
    """
    fresh = synthetic_articles(n_articles, now=NOW, seed=seed)
    old = synthetic_articles(history * 5, now=NOW - 4 * 86_400.0, seed=seed + 1)
    old = [replace(a, id="h" + a.id) for a in old]
    pool = fresh + old
    started = time.perf_counter()
    index = build_index(pool, embedder=random_embedder(seed=seed) if embeddings else None)
    build_seconds = time.perf_counter() - started
    rng = np.random.default_rng(seed)
    signals = (EditorialSignal(fresh[0].id, pin_slot=2), EditorialSignal(fresh[1].id, exclude=True))
    timings = []
    cpu_timings = []
    for request in range(requests + 5):
        read = rng.choice(len(old), size=history, replace=False)
        reader = Reader(tuple(old[int(i)].id for i in read))
        began, cpu_began = time.perf_counter(), time.process_time()
        recommend(reader, index, signals=signals, now=NOW, limit=10, seed=request)
        if request >= 5:  # the first few warm caches up
            timings.append((time.perf_counter() - began) * 1000.0)
            cpu_timings.append((time.process_time() - cpu_began) * 1000.0)
            if progress is not None:
                progress(request - 4, requests)
    values = np.asarray(timings)
    cpu = np.asarray(cpu_timings)
    cold = []
    for request in range(max(requests // 4, 1)):  # readers without history: cold start
        began = time.perf_counter()
        recommend(Reader(()), index, signals=signals, now=NOW, limit=10, seed=request)
        cold.append((time.perf_counter() - began) * 1000.0)
    return {
        "articles": n_articles,
        "history": history,
        "requests": requests,
        "embeddings": "random-512" if embeddings else "none",
        "build_index_s": round(build_seconds, 2),
        "p50_ms": round(float(np.percentile(values, 50)), 2),
        "p95_ms": round(float(np.percentile(values, 95)), 2),
        "p99_ms": round(float(np.percentile(values, 99)), 2),
        # CPU time of this process: what the request costs, whatever else the machine runs
        "cpu_p50_ms": round(float(np.percentile(cpu, 50)), 2),
        "cpu_p95_ms": round(float(np.percentile(cpu, 95)), 2),
        "cold_start_p50_ms": round(float(np.percentile(cold, 50)), 2),
        "cold_start_p95_ms": round(float(np.percentile(cold, 95)), 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count() or 0,
        "machine": f"{platform.machine()} {platform.processor() or platform.system()}",
        "python": platform.python_version(),
    }
