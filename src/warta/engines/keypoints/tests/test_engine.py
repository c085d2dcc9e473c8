"""Contract of the key-points engine: types, sub-headings, determinism, bad input."""

from __future__ import annotations

import dataclasses

import pytest

from warta.engines.keypoints import (
    ArticleInput,
    BaselineEngine,
    EmptyArticleError,
    ExtractiveEngine,
    KeyPoint,
    KeyPoints,
    KeyPointsConfig,
    KeyPointsEngine,
    KeyPointsError,
    default_engine,
)
from warta.engines.keypoints.tests.conftest import PERU_ARTICLE, PLAIN_ARTICLE, SEED
from warta.engines.text import word_tokens


def _assert_traceable(result: KeyPoints) -> None:
    for point in result.points:
        assert point.source_sentences
        assert all(0 <= i < len(result.sentences) for i in point.source_sentences)
        source_words = set()
        for i in point.source_sentences:
            source_words |= set(word_tokens(result.sentences[i]))
        assert set(word_tokens(point.text)) <= source_words, point.text


def test_reference_page_uses_its_numbered_subheadings() -> None:
    if not SEED.exists():
        pytest.skip(f"SHARED SEED MISSING: {SEED} not found")
    result = default_engine().extract(ArticleInput(text=SEED.read_text(encoding="utf-8")))
    assert result.method == "subheadings"
    assert result.texts == (
        "Peru ditetapkan sebagai sekutu AS non-NATO",
        "AS dan Peru setuju lawan kriminal transnasional",
        "Peru tetapkan keadaan darurat di perbatasan Chile",
    )
    _assert_traceable(result)


def test_subheadings_in_the_body() -> None:
    result = default_engine().extract(ArticleInput(title="Peru", text=PERU_ARTICLE))
    assert result.method == "subheadings"
    assert result.points[0] == KeyPoint(
        "Peru ditetapkan sebagai sekutu AS non-NATO", (result.points[0].source_sentences[0],), 1.0
    )
    assert result.sentences[result.points[0].source_sentences[0]].startswith("1. Peru")


def test_numbered_list_without_sections_is_not_used_as_key_points() -> None:
    text = "Hasil NBA pagi ini sebagai berikut.\n1. Hawks 104-111 Pistons\n2. Hornets 87-90 Celtics"
    result = default_engine().extract(ArticleInput(text=text))
    assert result.method == "extractive"


def test_extractive_points_are_short_traceable_and_in_article_order() -> None:
    result = default_engine().extract(ArticleInput(text=PLAIN_ARTICLE))
    assert result.method == "extractive"
    assert 1 <= len(result.points) <= 3
    _assert_traceable(result)
    firsts = [p.source_sentences[0] for p in result.points]
    assert firsts == sorted(firsts)
    assert not any(p.text.startswith("Jakarta, CNN") for p in result.points)
    assert not any("Baca juga" in p.text for p in result.points)
    assert all(isinstance(p.score, float) for p in result.points)


def test_deterministic() -> None:
    article = ArticleInput(text=PLAIN_ARTICLE)
    first = ExtractiveEngine().extract(article)
    for _ in range(3):
        assert ExtractiveEngine().extract(article) == first
    assert default_engine().extract(article) == first


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_number_of_points_is_configurable(count: int) -> None:
    engine = default_engine(KeyPointsConfig(num_points=count))
    result = engine.extract(ArticleInput(text=PLAIN_ARTICLE))
    assert 1 <= len(result.points) <= count
    _assert_traceable(result)


@pytest.mark.parametrize("count", [0, 6, -1])
def test_number_of_points_out_of_range_is_a_clear_error(count: int) -> None:
    with pytest.raises(KeyPointsError, match="1 sampai 5"):
        KeyPointsConfig(num_points=count)


def test_types_are_frozen_and_engines_follow_the_protocol() -> None:
    point = KeyPoint("a", (0,), 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.text = "b"  # type: ignore[misc]
    for engine in (default_engine(), ExtractiveEngine(), BaselineEngine()):
        assert isinstance(engine, KeyPointsEngine)
        assert isinstance(engine.name, str)


def test_baseline_engine_takes_the_first_sentences() -> None:
    result = BaselineEngine().extract(ArticleInput(text=PLAIN_ARTICLE))
    assert result.method == "lead"
    assert [p.source_sentences for p in result.points] == [(0,), (1,), (2,)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(EmptyArticleError, match="kosong"):
        default_engine().extract(ArticleInput(text=text))


def test_single_sentence_gives_one_point() -> None:
    result = default_engine().extract(ArticleInput(text="Warga Bandung bergotong royong."))
    assert len(result.points) == 1
    assert result.points[0].source_sentences == (0,)


def test_very_long_text_is_bounded_and_noted() -> None:
    sentence = "Pemerintah daerah membangun jembatan baru di desa itu tahun ini. "
    text = sentence * 20_000  # about 200,000 words
    result = default_engine().extract(ArticleInput(text=text))
    assert "truncated" in result.notes
    assert len(result.sentences) <= KeyPointsConfig().max_sentences
    assert result.points


def test_html_input_is_reduced_to_text() -> None:
    markup = (
        "<html><body><script>alert('x')</script><h1>Judul</h1>"
        "<p>Pemerintah menetapkan status darurat banjir di Bandung pada Senin.</p>"
        "<p>Sebanyak 1.200 rumah terendam air <b>setinggi</b> satu meter &amp; lebih.</p>"
        "</body></html>"
    )
    result = default_engine().extract(ArticleInput(text=markup))
    assert "html-stripped" in result.notes
    assert all("<" not in s and "alert" not in s for s in result.sentences)
    assert any("&" in s for s in result.sentences)
    _assert_traceable(result)


def test_non_indonesian_text_is_flagged_not_crashed() -> None:
    text = (
        "The government declared a state of emergency on Monday. Thousands of homes were "
        "flooded after heavy rain. The weather agency expects more rain this week."
    )
    result = default_engine().extract(ArticleInput(text=text))
    assert "not-indonesian" in result.notes
    _assert_traceable(result)


def test_short_fragments_only() -> None:
    result = default_engine().extract(ArticleInput(text="Oke.\nSip."))
    assert result.points
    _assert_traceable(result)


@pytest.mark.parametrize(
    "text",
    ["a" * 1_000_000, '"' * 200_000, "x, " * 300_000, "Dr. " * 100_000],
)
def test_pathological_input_gives_bounded_bullets(text: str) -> None:
    result = default_engine().extract(ArticleInput(text=text))
    assert "truncated" in result.notes
    assert all(len(p.text) <= 600 for p in result.points)
    if not result.points:
        assert "no-usable-sentences" in result.notes
    _assert_traceable(result)
