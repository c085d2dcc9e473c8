"""``warta foryou``: eval on a tiny hand-made log, the RecPrompt-shaped set, and bench."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.cli import main

ARTICLES = [
    ("n1", "Peru names new cabinet", "world", "southamerica"),
    ("n2", "Peru copper exports rise", "finance", "markets"),
    ("n3", "Lakers win in overtime", "sports", "basketball"),
    ("n4", "Celtics trade rumours", "sports", "basketball"),
    ("n5", "Easy pumpkin soup recipe", "food", "recipes"),
    ("n6", "Lima protests grow", "world", "southamerica"),
]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def log(tmp_path: Path) -> tuple[Path, Path, Path]:
    articles = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            {"id": i, "title": t, "abstract": t, "category": c, "subcategory": s}
            for i, t, c, s in ARTICLES
        ],
    )
    impressions = write_jsonl(
        tmp_path / "impressions.jsonl",
        [
            {
                "impression_id": f"i{k}",
                "user_id": f"u{k}",
                "time": None,
                "date": "2019-11-15",
                "history": ["n1"] if k % 2 else ["n3"],
                "impressions": [["n6", k % 2], ["n4", 1 - k % 2], ["n5", 0], ["n2", 0]],
                "subset": "a" if k < 4 else "b",
            }
            for k in range(8)
        ],
    )
    clicks = write_jsonl(
        tmp_path / "clicks.jsonl",
        [
            {
                "impression_id": "c1",
                "user_id": "x",
                "time": "2019-11-14T10:00:00",
                "history": [],
                "impressions": [["n5", 1], ["n2", 0]],
            }
        ],
    )
    return articles, impressions, clicks


def test_eval_json(log: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    articles, impressions, clicks = log
    code = main(
        ["foryou", "eval", "--articles", str(articles), "--impressions", str(impressions),
         "--clicks", str(clicks), "--embeddings", "none", "--json"]
    )  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert {"n", "auc", "mrr", "ndcg5", "ndcg10", "baselines"} <= set(result)
    assert result["n"] == 8
    assert set(result["subsets"]) == {"a", "b"}
    assert result["auc"] == 100.0  # the history's story is always the click
    assert "summary:" in captured.err


def test_eval_table_and_plot(
    log: tuple[Path, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles, impressions, clicks = log
    plot = tmp_path / "auc.png"
    code = main(
        ["foryou", "eval", "--articles", str(articles), "--impressions", str(impressions),
         "--clicks", str(clicks), "--embeddings", "none", "--plot", str(plot)]
    )  # fmt: skip
    assert code == 0
    assert "popularity" in capsys.readouterr().out
    assert plot.stat().st_size > 1000


def test_build_recprompt_set(log: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, impressions, _ = log
    out = tmp_path / "set.jsonl"
    code = main(
        ["foryou", "build-recprompt-set", "--impressions", str(impressions), "--out", str(out),
         "--size", "3", "--subsets", "a,b"]
    )  # fmt: skip
    assert code == 1  # fewer than nine non-clicks per impression here: nothing qualifies
    assert out.read_text() == ""


def test_bench_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["foryou", "bench", "--articles", "300", "--history", "20", "--requests", "5", "--json"]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["requests"] == 5
    assert result["p95_ms"] >= result["p50_ms"] > 0
