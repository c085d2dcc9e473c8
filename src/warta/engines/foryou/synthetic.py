"""Deterministic synthetic newsrooms for benchmarks and tests: no real data needed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .index import Embedder
from .text import FloatArray
from .types import Article

SECTIONS = ("berita", "bisnis", "olahraga", "hiburan", "teknologi", "gaya-hidup", "daerah")
TOPICS = (
    "Peru", "Pemilu", "Timnas", "Harga Beras", "Banjir", "Gempa", "Saham", "Rupiah",
    "Kereta Cepat", "Film", "Musik", "Gawai", "Kecerdasan Buatan", "Kuliner", "Wisata",
    "Kesehatan", "Pendidikan", "Liga Inggris", "MotoGP", "Bulu Tangkis",
)  # fmt: skip
_WORD_TEXT = (
    "pemerintah menteri presiden warga kota desa polisi hakim sidang harga pasar petani nelayan"
    " siswa guru sekolah kampus dokter rumah sakit pasien klub pelatih pemain gol laga stadion"
    " aktor penyanyi konser album ponsel aplikasi internet data bank investor ekspor impor"
    " hujan sungai jalan tol bandara kapal kereta listrik air bersih sampah hutan pantai gunung"
)
WORDS = tuple(_WORD_TEXT.split())


def synthetic_articles(n: int, *, now: float, seed: int = 0, hours: float = 72.0) -> list[Article]:
    """Return ``n`` articles published over the ``hours`` before ``now``, with Indonesian words."""
    rng = np.random.default_rng(seed)
    articles = []
    for i in range(n):
        topic_codes = rng.choice(len(TOPICS), size=int(rng.integers(1, 3)), replace=False)
        topics = tuple(TOPICS[int(c)] for c in topic_codes)
        words = [WORDS[int(w)] for w in rng.integers(0, len(WORDS), size=40)]
        title = f"{topics[0]}: {' '.join(words[:6])} {i}"
        articles.append(
            Article(
                id=f"s{i}",
                title=title,
                text=" ".join([*topics, *words[6:]]),
                section=SECTIONS[int(rng.integers(len(SECTIONS)))],
                topics=topics,
                published_at=now - float(rng.random()) * hours * 3600.0,
                views=int(rng.pareto(1.2) * 50),
                is_pick=bool(rng.random() < 0.01),
            )
        )
    return articles


def random_embedder(dimensions: int = 512, seed: int = 0) -> Embedder:
    """Return an embedder of random unit vectors, for latency runs (content is irrelevant there)."""

    def embed(texts: Sequence[str]) -> FloatArray:
        rng = np.random.default_rng(seed)
        vectors = rng.standard_normal((len(texts), dimensions)).astype(np.float32)
        return vectors

    return embed
