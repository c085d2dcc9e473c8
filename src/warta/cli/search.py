"""``warta search``: rebuild the index, run a query, benchmark latency at 100k articles.

Django is imported inside each command; ``bench`` points it at a temporary SQLite
database before it is set up, so it never touches the site's own data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from warta.cli.paths import indosum_path
from warta.cli.site import DEV_SETTINGS, setup_django


def register(subparsers: Any) -> None:
    """Add ``search`` and its sub-commands to the ``warta`` parser."""
    parser = subparsers.add_parser(
        "search",
        help="pencarian: indeks ulang, kueri, benchmark / search index, query, benchmark",
        description="Rebuild the search index, run a query, or benchmark search latency.",
    )
    commands = parser.add_subparsers(dest="search_command", metavar="SUBCOMMAND")
    parser.set_defaults(func=lambda args: _usage(parser))

    reindex = commands.add_parser("reindex", help="bangun ulang indeks dari artikel terbit")
    reindex.set_defaults(func=run_reindex)

    query = commands.add_parser("query", help="cari artikel dari baris perintah")
    query.add_argument("q", help="kata kunci, mis. 'kebanjiran' atau '\"bank sampah\"'")
    query.add_argument("--rubrik", default="", help="slug rubrik, mis. berita")
    query.add_argument("--topik", default="", help="slug topik, mis. banjir")
    query.add_argument("--dari", default="", help="tanggal awal TTTT-BB-HH")
    query.add_argument("--sampai", default="", help="tanggal akhir TTTT-BB-HH")
    query.add_argument("--limit", type=int, default=10)
    query.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    query.set_defaults(func=run_query)

    bench = commands.add_parser(
        "bench", help="latensi p50/p95/p99 pada korpus sintetis (SQLite sementara)"
    )
    bench.add_argument("--articles", type=int, default=100_000)
    bench.add_argument(
        "--corpus",
        choices=("demo", "indosum"),
        default="demo",
        help="kosakata teks sintetis: artikel demo Warta, atau IndoSum dibaca dari ../shared/data",
    )
    bench.add_argument("--repeat", type=int, default=3, help="putaran terukur per kueri")
    bench.add_argument("--seed", type=int, default=2026)
    bench.add_argument(
        "--db", type=Path, help="berkas SQLite untuk dipakai ulang/disimpan (default: sementara)"
    )
    bench.add_argument("--json", action="store_true", help="cetak ringkasan sebagai JSON")
    bench.set_defaults(func=run_bench)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_reindex(args: argparse.Namespace) -> int:
    """Rebuild the index from every published article, printing progress."""
    setup_django()
    from warta.apps.search.indexing import rebuild_index

    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r  dianalisis {done}/{total} artikel", end="", file=sys.stderr, flush=True)

    count = rebuild_index(progress=progress)
    print(file=sys.stderr)
    print(f"Indeks dibangun ulang: {count} artikel dalam {time.perf_counter() - started:.1f} s.")
    return 0


def run_query(args: argparse.Namespace) -> int:
    """Print the results of one query (title, score order, snippet)."""
    setup_django()
    from django.utils.html import strip_tags

    from warta.apps.search.forms import SearchForm
    from warta.apps.search.parsing import parse_query
    from warta.apps.search.results import find_articles

    form = SearchForm(
        {
            "q": args.q,
            "rubrik": args.rubrik,
            "topik": args.topik,
            "dari": args.dari,
            "sampai": args.sampai,
        }
    )
    if not form.is_valid():
        for message in form.messages():
            print(message, file=sys.stderr)
        return 2
    query = parse_query(form.cleaned_data["q"])
    if query.is_empty:
        print("Masukkan kata kunci (kata sambung saja tidak dicari).", file=sys.stderr)
        return 1
    page = find_articles(query, form.filters(), per_page=args.limit)
    if args.json:
        rows = [
            {
                "id": i.article.pk,
                "slug": i.article.slug,
                "title": i.article.title,
                "snippet": strip_tags(str(i.snippet)),
            }
            for i in page.items
        ]
        print(json.dumps({"terms": list(query.terms), "total": page.total, "results": rows}))
        return 0
    print(f"{page.total} artikel untuk {query.text!r} (istilah: {' '.join(query.terms)})")
    for rank, item in enumerate(page.items, start=1):
        print(f"{rank:>3}. {item.article.title}  [{item.article.slug}]")
        print(f"     {strip_tags(str(item.snippet))[:160]}")
    return 0


# --- benchmark -------------------------------------------------------------------------


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def build_query_set(seed: int) -> list[tuple[str, str, dict[str, str]]]:
    """Return (category, query, filters): the demo relevance queries plus sampled ones."""
    from warta.apps.demo.loader import CONTENT_DIR, read_articles
    from warta.apps.search.synthetic import DEMO_SECTIONS
    from warta.engines.text import is_stopword, split_sentences

    rng = random.Random(seed)
    relevance = json.loads((CONTENT_DIR / "search_relevance.json").read_text("utf-8"))
    queries: list[tuple[str, str, dict[str, str]]] = [
        ("relevansi demo", item["query"], {}) for item in relevance
    ]
    runs: list[list[str]] = []
    for article in read_articles():
        for block in article["body"]:
            for sentence in split_sentences(block["text"]):
                words = [w.strip(".,;:!?\"'()“”").lower() for w in sentence.split()]
                run: list[str] = []
                for word in words:
                    if word.isalpha() and len(word) > 2 and not is_stopword(word):
                        run.append(word)
                    else:
                        if len(run) > 1:
                            runs.append(run)
                        run = []
                if len(run) > 1:
                    runs.append(run)
    vocabulary = sorted({w for run in runs for w in run})
    for _ in range(80):
        queries.append(("1 kata", rng.choice(vocabulary), {}))
    for size, n in ((2, 60), (3, 30)):
        for _ in range(n):
            run = rng.choice([r for r in runs if len(r) >= size])
            start = rng.randint(0, len(run) - size)
            queries.append((f"{size} kata", " ".join(run[start : start + size]), {}))
    for _ in range(30):
        run = rng.choice(runs)
        start = rng.randint(0, len(run) - 2)
        queries.append(("frasa", f'"{run[start]} {run[start + 1]}"', {}))
    topics = sorted({t for a in read_articles() for t in a["topics"]})
    for i in range(40):
        word = rng.choice(vocabulary)
        kind = i % 3
        if kind == 0:
            filters = {"rubrik": rng.choice(DEMO_SECTIONS)}
        elif kind == 1:
            filters = {"topik": rng.choice(topics)}
        else:
            year = rng.choice((2024, 2025, 2026))
            filters = {"dari": f"{year}-01-01", "sampai": f"{year}-06-30"}
        queries.append(("dengan filter", word, filters))
    return queries


def _prepare_database(args: argparse.Namespace, db_path: Path) -> None:
    """Migrate ``db_path`` and fill it with synthetic articles unless it already has them."""
    from django.core.management import call_command

    from warta.apps.newsroom.models import ArticlePage, SectionPage, Topic
    from warta.apps.search import synthetic
    from warta.apps.search.models import SearchEntry

    call_command("migrate", interactive=False, verbosity=0)
    existing = SearchEntry.objects.count()
    if existing >= args.articles:
        print(f"Memakai {existing} artikel yang sudah ada di {db_path}.", flush=True)
        return
    if existing:
        raise SystemExit(f"{db_path} berisi {existing} artikel; hapus berkasnya dulu.")
    print(f"Menyiapkan {args.articles} artikel sintetis (kosakata: {args.corpus})…", flush=True)
    if args.corpus == "indosum":
        indosum = indosum_path()
        if not indosum.exists():
            raise SystemExit(f"{indosum} tidak ada; pakai --corpus demo.")
        chain = synthetic.BigramText.from_jsonl(indosum)
    else:
        chain = synthetic.BigramText.from_demo()
    template = synthetic.publish_template_article()
    sections = {
        s.slug: (s.pk, s.path, s.depth, s.url_path)
        for s in SectionPage.objects.filter(slug__in=synthetic.DEMO_SECTIONS)
    }
    topics = {t.slug: t.pk for t in synthetic.ensure_demo_topics()}
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        rate = done / max(1e-9, time.perf_counter() - started)
        print(
            f"  [{done:>7}/{total}] {100 * done / total:5.1f}%  {rate:6.0f} artikel/detik",
            flush=True,
        )

    postings = synthetic.bulk_load(
        synthetic.generate(chain, args.articles, list(sections), list(topics), seed=args.seed),
        args.articles,
        template.pk,
        sections,
        topics,
        progress=progress,
    )
    print(
        f"Termuat: {ArticlePage.objects.count()} halaman artikel, {postings} posting, "
        f"{Topic.objects.count()} topik dalam {time.perf_counter() - started:.0f} s.",
        flush=True,
    )


def run_bench(args: argparse.Namespace) -> int:
    """Generate (or reuse) the synthetic corpus, run the query set, print percentiles."""
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if args.db:
        db_path = args.db.resolve()
    else:
        tmp = tempfile.TemporaryDirectory(prefix="warta-search-bench-")
        db_path = Path(tmp.name) / "bench.sqlite3"
    # Before Django is set up: this process must never touch the site's own database.
    os.environ["WARTA_DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = DEV_SETTINGS
    os.environ.setdefault("WARTA_VAR_DIR", str(db_path.parent))
    setup_django()
    from django.conf import settings

    settings.DEBUG = False  # no query log: it would be timed too

    try:
        _prepare_database(args, db_path)
        summary = _time_queries(args)
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0


def _time_queries(args: argparse.Namespace) -> dict[str, Any]:
    import platform

    from django.db import connection

    from warta.apps.search.forms import SearchForm
    from warta.apps.search.models import SearchEntry, SearchPosting
    from warta.apps.search.parsing import parse_query
    from warta.apps.search.results import find_articles

    queries = build_query_set(args.seed)
    prepared = []
    for category, text, filters in queries:
        form = SearchForm({"q": text, **filters})
        if not form.is_valid():
            raise SystemExit(f"bad bench query {text!r} {filters}: {form.messages()}")
        prepared.append((category, text, form.filters()))
    print(f"Pemanasan: {len(prepared)} kueri…", flush=True)
    totals: dict[str, int] = {}
    for _category, text, filters in prepared:  # warm the page cache and the stem cache
        totals[text + repr(filters)] = find_articles(parse_query(text), filters).total
    timings: dict[str, list[float]] = {}
    everything: list[float] = []
    for round_number in range(1, args.repeat + 1):
        for category, text, filters in prepared:
            started = time.perf_counter()
            find_articles(parse_query(text), filters)
            elapsed = (time.perf_counter() - started) * 1000
            timings.setdefault(category, []).append(elapsed)
            everything.append(elapsed)
        print(f"  putaran {round_number}/{args.repeat} selesai", flush=True)
    after_publish = _time_after_publish(prepared, args)

    def stats(values: list[float]) -> dict[str, float]:
        return {
            "n": len(values),
            "p50_ms": round(_percentile(values, 50), 2),
            "p95_ms": round(_percentile(values, 95), 2),
            "p99_ms": round(_percentile(values, 99), 2),
            "max_ms": round(max(values), 2),
            "mean_ms": round(statistics.fmean(values), 2),
        }

    summary: dict[str, Any] = {
        "date": date.today().isoformat(),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()},"
            f" SQLite {connection.Database.sqlite_version}, load {os.getloadavg()[0]:.1f}"
        ),
        "articles": SearchEntry.objects.count(),
        "postings": SearchPosting.objects.count(),
        "corpus": args.corpus,
        "queries": len(prepared),
        "median_matches": statistics.median(totals.values()),
        "overall": stats(everything),
        "by_category": {c: stats(v) for c, v in timings.items()},
        "after_publish": {
            "overall": stats(after_publish["all"]),
            "by_change": {
                c: stats(v) for c, v in after_publish.items() if c not in {"all", "publish"}
            },
            "publish_p50_ms": round(_percentile(after_publish["publish"], 50), 1),
        },
    }
    print()
    print(f"{'kategori':<16}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for category, values in [*summary["by_category"].items(), ("SEMUA", summary["overall"])]:
        print(
            f"{category:<16}{values['n']:>6}{values['p50_ms']:>9}{values['p95_ms']:>9}"
            f"{values['p99_ms']:>9}{values['max_ms']:>9}"
        )
    first = summary["after_publish"]
    print(f"\nKueri pertama setelah perubahan indeks (1 perubahan lalu 1 kueri, {len(prepared)}×):")
    for change, values in [*first["by_change"].items(), ("SEMUA", first["overall"])]:
        print(
            f"{change:<16}{values['n']:>6}{values['p50_ms']:>9}{values['p95_ms']:>9}"
            f"{values['p99_ms']:>9}{values['max_ms']:>9}"
        )
    overall = summary["overall"]
    verdict = "LULUS" if overall["p95_ms"] < 50 else "GAGAL"
    print(
        f"\nRingkasan: {summary['articles']} artikel, {summary['postings']} posting, "
        f"{len(prepared)} kueri × {args.repeat}; p50 {overall['p50_ms']} ms, "
        f"p95 {overall['p95_ms']} ms, p99 {overall['p99_ms']} ms "
        f"(target p95 < 50 ms: {verdict}). Median hasil per kueri: {summary['median_matches']}."
        f" Kueri pertama setelah terbit/sunting/tarik: p50 {first['overall']['p50_ms']} ms,"
        f" p95 {first['overall']['p95_ms']} ms (menerbitkan sendiri: p50"
        f" {first['publish_p50_ms']} ms, tidak diukur di atas)."
    )
    return summary


#: What the "first query after a change" phase does before each query, in turn.
CHANGES = ("terbit baru", "sunting", "tarik")


def _time_after_publish(prepared: list[Any], args: argparse.Namespace) -> dict[str, list[float]]:
    """Time each query once, right after one article is published, edited or unpublished.

    Changes go through Wagtail (``save_revision().publish()``, ``unpublish()``) so the
    search signal handlers run exactly as for an editor. Everything happens inside one
    transaction that is rolled back, so ``--db`` keeps the corpus it was built with.
    """
    from django.db import transaction

    from warta.apps.newsroom.models import ArticlePage, SectionPage, Topic
    from warta.apps.search import synthetic
    from warta.apps.search.parsing import parse_query
    from warta.apps.search.results import find_articles

    chain = synthetic.BigramText.from_demo()
    sections = {s.slug: s for s in SectionPage.objects.filter(slug__in=synthetic.DEMO_SECTIONS)}
    topics = {t.slug: t for t in Topic.objects.all()}
    stories = synthetic.generate(
        chain, 2 * len(prepared), list(sections), list(topics), seed=args.seed + 1
    )
    timings: dict[str, list[float]] = {"all": [], "publish": []}
    live: list[Any] = []
    print(f"Kueri pertama setelah perubahan: {len(prepared)} × (ubah 1 artikel, 1 kueri)…")
    with transaction.atomic():
        for number, (_category, text, filters) in enumerate(prepared):
            change = CHANGES[number % len(CHANGES)]
            story = next(stories)
            started = time.perf_counter()
            if change == "terbit baru" or not live:
                page = ArticlePage(
                    title=story.title,
                    slug=f"bench-terbit-{number}",
                    body=[{"type": "paragraph", "value": f"<p>{story.text}</p>"}],
                )
                sections[story.section].add_child(instance=page)
                page.topics.set([topics[t] for t in story.topics])
                page.save_revision().publish()
                live.append(page)
            elif change == "sunting":
                page = ArticlePage.objects.get(pk=live[-1].pk)
                page.title = story.title
                page.body = [{"type": "paragraph", "value": f"<p>{story.text}</p>"}]
                page.save_revision().publish()
            else:
                ArticlePage.objects.get(pk=live.pop(0).pk).unpublish()
            timings["publish"].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            find_articles(parse_query(text), filters)
            elapsed = (time.perf_counter() - started) * 1000
            timings.setdefault(change, []).append(elapsed)
            timings["all"].append(elapsed)
            if (number + 1) % 50 == 0 or number + 1 == len(prepared):
                print(f"  [{number + 1:>4}/{len(prepared)}] perubahan + kueri", flush=True)
        transaction.set_rollback(True)  # leave the benchmark corpus as it was
    return timings
