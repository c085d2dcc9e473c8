"""Tokenising, stemming, stopwords and the search analyser."""

from __future__ import annotations

from warta.engines.text import analyze, is_stopword, stem, tokenize


def test_tokenize_keeps_numbers_amounts_and_reduplication() -> None:
    assert tokenize("Dana Rp1,5 miliar pk. 10.30 WIB, Senin (27/3): bentrokan-bentrokan!") == [
        "Dana",
        "Rp1,5",
        "miliar",
        "pk",
        "10.30",
        "WIB",
        "Senin",
        "27/3",
        "bentrokan-bentrokan",
    ]


def test_stem_maps_affixed_forms_to_one_root() -> None:
    assert {stem(w) for w in ("menetapkan", "ditetapkan", "penetapan", "tetapkan")} == {"tetap"}
    assert stem("kebanjiran") == stem("banjir") == "banjir"


def test_stem_is_lowercase_and_leaves_numbers_alone() -> None:
    assert stem("Menetapkan") == "tetap"
    assert stem("Rp1,5") == "rp1,5"
    assert stem("2026") == "2026"


def test_stopwords() -> None:
    assert is_stopword("yang")
    assert is_stopword("Dan")
    assert not is_stopword("banjir")


def test_analyze_for_search_index_and_query() -> None:
    index_terms = analyze("Pemerintah menetapkan status kebanjiran di Jakarta.")
    assert "tetap" in index_terms
    assert "banjir" in index_terms
    assert "di" not in index_terms
    for query in ("ditetapkan", "penetapan", "tetapkan", "banjir"):
        assert set(analyze(query)) <= set(index_terms)


def test_analyze_empty() -> None:
    assert analyze("") == []
    assert analyze("yang dan di") == []
