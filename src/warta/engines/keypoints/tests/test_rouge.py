"""ROUGE on small cases computed by hand, and the dataset reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.engines.keypoints.dataset import iter_records
from warta.engines.keypoints.evaluation import RougeAccumulator, evaluate
from warta.engines.keypoints.extractive import BaselineEngine
from warta.engines.keypoints.rouge import f1_from_counts, greedy_oracle, ngrams, rouge_tokens


def test_rouge_by_hand() -> None:
    # reference: a b c d (4 unigrams, 3 bigrams); prediction: a b e (3 unigrams, 2 bigrams)
    # ROUGE-1: overlap 2 -> P 2/3, R 2/4, F1 = 2*(2/3)*(1/2)/(2/3+1/2) = 4/7
    # ROUGE-2: overlap 1 ("a b") -> P 1/2, R 1/3, F1 = 2/5
    # ROUGE-L: LCS "a b" = 2 -> same as ROUGE-1 here, 4/7
    acc = RougeAccumulator()
    acc.add("a b c d", ["a b e"])
    scores = acc.mean()
    assert scores.rouge1 == pytest.approx(100 * 4 / 7)
    assert scores.rouge2 == pytest.approx(100 * 2 / 5)
    assert scores.rougeL == pytest.approx(100 * 4 / 7)


def test_rouge_lsum_uses_newlines_and_means_average() -> None:
    # Lsum: reference lines "a b" / "c d"; prediction lines "c d" / "a b".
    # Union LCS per reference line is 2 each -> R = 4/4, P = 4/4, F1 = 1.
    # Plain ROUGE-L on the flat strings: LCS("a b c d", "c d a b") = 2 -> F1 = 0.5.
    acc = RougeAccumulator()
    acc.add("a b\nc d", ["c d", "a b"])
    acc.add("x y", ["z"])  # zero for everything
    scores = acc.mean()
    assert scores.rougeLsum == pytest.approx(100 * (1.0 + 0.0) / 2)
    assert scores.rougeL == pytest.approx(100 * (0.5 + 0.0) / 2)
    assert scores.rouge1 == pytest.approx(50.0)


def test_rouge_tokens_match_rouge_score_without_stemming() -> None:
    assert rouge_tokens("Rp1,5 miliar, Senin (27/3) Ditetapkan!") == [
        "rp1",
        "5",
        "miliar",
        "senin",
        "27",
        "3",
        "ditetapkan",
    ]


def test_fast_f1_agrees_with_hand_value() -> None:
    assert f1_from_counts(ngrams(["a", "b", "e"], 1), ngrams(list("abcd"), 1)) == pytest.approx(
        4 / 7
    )
    assert f1_from_counts(ngrams([], 1), ngrams(["a"], 1)) == 0.0


def test_greedy_oracle_picks_the_matching_sentences_in_order() -> None:
    sentences = ["kucing makan ikan", "anjing tidur", "burung terbang tinggi", "kucing tidur"]
    assert greedy_oracle(sentences, "burung terbang tinggi. kucing makan ikan.") == [0, 2]


def test_evaluate_on_a_tiny_file(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    rows = [
        {
            "id": "1",
            "text": "Warga menanam pohon di taman kota. Acara itu diikuti seratus orang.",
            "summary": "Warga menanam pohon di taman kota.",
            "summary_sentences": ["Warga menanam pohon di taman kota."],
            "indosum_file": "dev.01.jsonl",
        },
        {
            "id": "2",
            "text": "Harga beras naik lagi pekan ini.",
            "summary": "Harga beras naik.",
            "summary_sentences": ["Harga beras naik."],
            "indosum_file": "dev.02.jsonl",
        },
    ]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [r.id for r in iter_records(data, "dev01")] == ["1"]
    assert [r.id for r in iter_records(data, "rest")] == ["2"]
    report = evaluate(list(iter_records(data)), BaselineEngine())
    assert report.n == 2
    assert set(report.baselines) == {"lead3", "textrank", "lexrank", "oracle"}
    assert report.baselines["oracle"].rouge1 >= report.baselines["lead3"].rouge1 - 1e-9
    # Document 2: prediction = whole text (6 tokens), reference 3 tokens all matched:
    # P 3/6, R 1 -> F1 2/3. Document 1: both sentences, 6 + 5 = 11 tokens against 6, all 6
    # matched -> P 6/11, R 1 -> F1 2*6/(11+6) = 12/17.
    assert report.scores.rouge1 == pytest.approx(100 * (12 / 17 + 2 / 3) / 2)
