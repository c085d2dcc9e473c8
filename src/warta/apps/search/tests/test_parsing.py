"""Query parsing: terms, phrases, truncation and hostile input (no database)."""

from __future__ import annotations

import pytest

from warta.apps.search.parsing import MAX_QUERY_CHARS, MAX_TERMS, parse_query


@pytest.mark.parametrize(
    "raw", ["menetapkan", "ditetapkan", "penetapan", "tetapkan", "Menetapkan!", "TETAPKAN"]
)
def test_affixed_forms_share_one_term(raw):
    assert parse_query(raw).terms == ("tetap",)


def test_ke_an_form_is_its_root():
    assert parse_query("kebanjiran").terms == ("banjir",)


def test_quotes_make_a_phrase_and_its_words_are_terms():
    query = parse_query('"bank sampah" emas')
    assert query.phrases == (("bank", "sampah"),)
    assert query.terms == ("bank", "sampah", "emas")


def test_one_word_in_quotes_is_just_a_term():
    assert parse_query('"banjir"').phrases == ()


@pytest.mark.parametrize("raw", ["", "   ", "yang dan di", "yang", '"" ""', "!!! ??? ..."])
def test_blank_or_stopword_only_queries_are_empty(raw):
    assert parse_query(raw).is_empty


@pytest.mark.parametrize(
    "raw",
    [
        '"banjir unclosed',
        "banjir*",
        "-banjir",
        "banjir NEAR longsor",
        "banjir OR longsor",
        "banjir'; DROP TABLE search_searchentry; --",
        "100% _banjir_",
        "(banjir) AND (longsor)",
        "\x00banjir",
        "banjir\\",
    ],
)
def test_operator_characters_are_plain_text(raw):
    query = parse_query(raw)
    assert "banjir" in query.terms
    assert all(ch not in term for term in query.terms for ch in "\"*();%_'\\\x00")


def test_long_queries_are_cut_at_a_word_boundary():
    query = parse_query("banjir " * 2000)
    assert query.truncated
    assert len(query.text) <= MAX_QUERY_CHARS
    assert query.text.endswith("banjir")
    assert query.terms == ("banjir",)


def test_many_distinct_words_are_capped():
    words = " ".join(f"kata{n}" for n in range(50))
    assert len(parse_query(words).terms) == MAX_TERMS
