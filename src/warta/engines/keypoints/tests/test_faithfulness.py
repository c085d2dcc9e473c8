"""Property: every bullet is traceable to the article sentences it names."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.engines.keypoints import ArticleInput, KeyPointsConfig, default_engine
from warta.engines.text import word_tokens

WORDS = (  # noqa: SIM905 - a sentence of words is easier to read
    "pemerintah menetapkan status darurat banjir warga kota desa presiden menteri "
    "mengatakan bahwa sementara itu namun selain rumah sakit polisi pasar harga beras naik "
    "turun sekolah siswa guru jalan tol proyek dana bantuan kata ujar tuturnya dikutip dari "
    "antara reuters jakarta bandung surabaya senin selasa hari ini pekan lalu tahun"
).split()
NAMES = ["Budi", "Siti", "Jokowi", "Dr.", "Hj.", "Prof.", "BMKG", "KPK", "Rp1,5", "10.30", "(27/3)"]
PREFIXES = [
    "",
    "Sementara itu, ",
    "Namun, ",
    "Jakarta, CNN Indonesia -- ",
    '"',
    "1. ",
    "Baca juga: ",
]
SUFFIXES = [".", "?", "!", '," katanya.', ", dikutip dari Antara.", "", " dll."]

word = st.sampled_from(WORDS + NAMES)
sentence = st.builds(
    lambda prefix, words, suffix: prefix + " ".join(words).capitalize() + suffix,
    st.sampled_from(PREFIXES),
    st.lists(word, min_size=1, max_size=25),
    st.sampled_from(SUFFIXES),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=12).map("\n\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article_text, count=st.integers(min_value=1, max_value=5))
def test_every_bullet_is_traceable(text: str, count: int) -> None:
    result = default_engine(KeyPointsConfig(num_points=count)).extract(ArticleInput(text=text))
    assert len(result.points) <= count
    for point in result.points:
        assert point.text.strip()
        assert point.source_sentences
        assert list(point.source_sentences) == sorted(set(point.source_sentences))
        source = set()
        for index in point.source_sentences:
            assert 0 <= index < len(result.sentences)
            source |= set(word_tokens(result.sentences[index]))
        assert set(word_tokens(point.text)) <= source


@settings(max_examples=50, deadline=None)
@given(text=article_text)
def test_same_input_same_output(text: str) -> None:
    engine = default_engine()
    assert engine.extract(ArticleInput(text=text)) == engine.extract(ArticleInput(text=text))
