"""``warta keypoints`` commands: summarize, eval, train and bench."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from warta.cli import main
from warta.engines.keypoints.model import load_model
from warta.engines.keypoints.tests.conftest import PLAIN_ARTICLE


def test_summarize_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text(PLAIN_ARTICLE, encoding="utf-8")
    assert main(["keypoints", "summarize", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Intinya sih... (metode / method: extractive)")
    assert "  • " in out and "↳ [" in out


def test_summarize_json_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    payload = json.dumps({"title": "Banjir Bandung", "text": PLAIN_ARTICLE})
    monkeypatch.setattr("sys.stdin", io.StringIO(payload))
    assert main(["keypoints", "summarize", "-", "--json", "--points", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["method"] == "extractive"
    assert 1 <= len(result["points"]) <= 2
    for point in result["points"]:
        assert point["sources"] == [result["sentences"][i] for i in point["source_sentences"]]


def test_summarize_empty_input_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "kosong.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["keypoints", "summarize", str(empty)]) == 1
    assert "kosong" in capsys.readouterr().err


def test_summarize_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keypoints", "summarize", "/tidak/ada.txt"]) == 2
    assert "tidak bisa dibaca" in capsys.readouterr().err


def test_bad_number_of_points(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(PLAIN_ARTICLE, encoding="utf-8")
    assert main(["keypoints", "summarize", str(article), "--points", "9"]) == 1
    assert "1 sampai 5" in capsys.readouterr().err


def test_keypoints_without_subcommand_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keypoints"]) == 2
    assert "summarize" in capsys.readouterr().err


def test_eval_missing_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keypoints", "eval", "--data", "/tidak/ada.jsonl"]) == 2
    assert "tidak ada" in capsys.readouterr().err


@pytest.mark.data
def test_eval_json_on_shared_data(
    indosum_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plot = tmp_path / "plot.png"
    argv = ["keypoints", "eval", "--data", str(indosum_path), "--limit", "8", "--json"]
    assert main([*argv, "--split", "dev01", "--plot", str(plot)]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["n"] == 8
    for key in ("rouge1", "rouge2", "rougeL", "rougeLsum", "articles_per_second"):
        assert isinstance(report[key], float)
    assert 0 < report["words_per_bullet"] < 60
    assert set(report["baselines"]) == {"lead3", "textrank", "lexrank", "oracle"}
    assert set(report["baselines"]["lead3"]) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    assert report["baselines"]["oracle"]["rouge1"] >= report["baselines"]["lead3"]["rouge1"]
    assert "keypoints eval: 8/8" in captured.err
    assert plot.stat().st_size > 0


@pytest.mark.data
def test_eval_text_report(indosum_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["keypoints", "eval", "--data", str(indosum_path), "--limit", "3", "--no-baselines"]
    assert main(argv) == 0
    assert "ringkasan / summary: R-1" in capsys.readouterr().out


@pytest.mark.data
def test_train_is_reproducible(indosum_path: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        argv = ["keypoints", "train", "--data", str(indosum_path), "--limit", "40"]
        assert main([*argv, "--out", str(out)]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = load_model(first)
    assert model.metadata["split"] == "rest"
    assert model.metadata["articles"] == 40


@pytest.mark.data
def test_bench_json(indosum_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["keypoints", "bench", "--data", str(indosum_path), "--limit", "20", "--json"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 20
    assert result["articles_per_second"] > 0
    assert result["long_input_words"] == 200_000
