"""Measure how many article pages per second the application renders without a cache.

Usage:
    .venv/bin/python bench/page_speed.py [--requests 300] [--db PATH] [--profile]
    .venv/bin/python bench/page_speed.py --processes 2 [--seconds 10]

Builds (once) a SQLite database with the demo content, then renders one demo article
page through the full Django stack (middleware, Wagtail routing, templates) in this
process, on one core, and prints pages per second and latency percentiles. There is no
whole-page cache: between requests only what Django and Wagtail cache by design (renditions),
the fragments the article page keeps in Django's cache (rails, section bar) and what the process
remembers under the newsroom content version (site, route, settings, rendered article parts;
see docs/benchmarks.md) are kept. Also prints how
many SQL queries one page costs; ``--profile`` then prints the functions that took longest
(cProfile, cumulative time, over the same number of requests).

``--processes N`` measures what the product target counts, pages per second on N cores: after
the same warm-up it forks N processes (as gunicorn's sync workers are forked), starts them
together, lets each render the page for ``--seconds`` and prints their summed pages per
second and the latency percentiles over all of them. Each process keeps its own in-memory
cache unless ``WARTA_REDIS_URL`` names a shared one, as in production.

Other jobs on the machine change the figures a lot, so both modes also print the load average
(1, 5 and 15 minutes) before and after the run; record it with every figure.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import statistics
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    default_db = os.path.join(tempfile.gettempdir(), "warta-bench.sqlite3")
    parser.add_argument("--db", default=default_db)
    parser.add_argument("--path", default="/berita/banjir-rob-rendam-pesisir-semarang-utara/")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary too")
    parser.add_argument("--processes", type=int, default=0, help="measure N forked processes")
    parser.add_argument("--seconds", type=float, default=10.0, help="per run with --processes")
    args = parser.parse_args()

    os.environ["WARTA_DATABASE_URL"] = f"sqlite:///{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.project.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo")
    client = Client()
    first = client.get(args.path)
    if first.status_code != 200:
        print(f"{args.path} gave HTTP {first.status_code}", file=sys.stderr)
        return 1
    if args.processes:
        return measure_processes(client, args.path, args.processes, args.seconds, first.content)
    before = load_average()
    timings = []
    for i in range(args.requests):
        start = time.perf_counter()
        response = client.get(args.path)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200
        if (i + 1) % 100 == 0:
            print(f"  {i + 1}/{args.requests}", file=sys.stderr)
    after = load_average()
    timings.sort()
    total = sum(timings)
    p50 = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95) - 1] * 1000
    print(f"page: {args.path} ({len(first.content)} bytes)")
    print(f"{args.requests} requests: {args.requests / total:.0f} pages/s on one core")
    print(f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"load average before {before}, after {after}")
    with CaptureQueriesContext(connection) as queries:
        client.get(args.path)
    print(f"{len(queries)} SQL queries per page")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.requests):
            client.get(args.path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return 0


def render_for(client: object, path: str, start_at: float, seconds: float, results: object) -> None:
    """Render ``path`` from ``start_at`` until ``seconds`` later; put each page's latency."""
    from django.db import connections

    connections.close_all()  # never share the parent's database connection
    client.get(path)  # type: ignore[attr-defined]  # reconnect before the clock starts
    while time.time() < start_at:
        time.sleep(0.001)
    timings = []
    end = start_at + seconds
    while True:
        begin = time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        timings.append(time.perf_counter() - begin)
        assert response.status_code == 200
        if time.time() >= end:
            break
    results.put(timings)  # type: ignore[attr-defined]


def measure_processes(
    client: object, path: str, processes: int, seconds: float, content: bytes
) -> int:
    """Fork ``processes`` renderers, start them together and print their summed rate."""
    from django.db import connections

    connections.close_all()
    before = load_average()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start_at = time.time() + 1.0
    workers = [
        context.Process(target=render_for, args=(client, path, start_at, seconds, results))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    runs = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    after = load_average()
    rates = [len(timings) / sum(timings) for timings in runs]
    timings = sorted(t for run in runs for t in run)
    p50 = statistics.median(timings) * 1000
    p95 = timings[int(len(timings) * 0.95) - 1] * 1000
    print(f"page: {path} ({len(content)} bytes)")
    print(
        f"{len(timings)} requests in {seconds:.0f} s: {sum(rates):.0f} pages/s on "
        f"{processes} processes ({', '.join(f'{rate:.0f}' for rate in rates)})"
    )
    print(f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"load average before {before}, after {after}")
    return 0


def load_average() -> str:
    """Return the 1, 5 and 15 minute load averages, as ``uptime`` prints them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
