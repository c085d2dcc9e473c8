"""Draw docs/img/page-speed-uncached.png from the medians recorded in docs/benchmarks.md.

Usage:
    .venv/bin/python bench/page_speed_plot.py [--out docs/img/page-speed-uncached.png]

Each bar pair is one step of the work on the uncached article page: the median of 3 runs of
``bench/page_speed.py --requests 300`` (one core) and of ``--processes 2 --seconds 10``, as
recorded in the "Page speed" tables. When you record a new step there, add its row to
``STEPS`` below and run this again.
"""

from __future__ import annotations

import argparse

#: (label, one core, 2 processes, date of the measurement)
STEPS = [
    ("before\n(581b13d)", 32, 65, "2026-11-27"),
    ("site, route,\nsettings remembered", 70, 71, "2026-11-27"),
    ("+ metadata, hero,\nkey points, body", 157, 353, "2026-11-27"),
    ("+ header and\nclosing parts", 235, 467, "2026-11-27"),
    ("that code again\n(0227cc3)", 347, 398, "2026-11-27"),
    ("+ frame around\nevery page", 959, 1412, "2026-11-27"),
]
TARGET = 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/img/page-speed-uncached.png")
    args = parser.parse_args()

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [label for label, *_ in STEPS]
    one = [row[1] for row in STEPS]
    two = [row[2] for row in STEPS]
    positions = range(len(STEPS))
    width = 0.38
    figure, axes = plt.subplots(figsize=(10.5, 4.8))
    bars_one = axes.bar(
        [p - width / 2 for p in positions],
        one,
        width,
        color="#3b7dd8",
        label="one core (--requests 300)",
    )
    bars_two = axes.bar(
        [p + width / 2 for p in positions],
        two,
        width,
        color="#b3121f",
        label="2 processes (--processes 2)",
    )
    for bars in (bars_one, bars_two):
        axes.bar_label(bars, fmt="%d", padding=2, fontsize=9)
    axes.axhline(TARGET, color="#444", linestyle="--", linewidth=1)
    axes.annotate(
        f"target: {TARGET:,} pages/s on 2 cores",
        ((len(STEPS) - 1) / 2, TARGET),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        fontsize=9,
    )
    axes.set_xticks(list(positions), labels, fontsize=9)
    axes.set_ylabel("article pages per second (median of 3)")
    axes.set_ylim(0, max(TARGET, *one, *two) * 1.15)
    dates = sorted({row[3] for row in STEPS})
    span = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    axes.set_title(f"Uncached article page, bench/page_speed.py, SQLite, {span}", fontsize=11)
    axes.legend(loc="upper left", fontsize=9)
    figure.tight_layout()
    figure.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
