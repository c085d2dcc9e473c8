"""Shared fixtures: a small, hand-made Indonesian newsroom."""

from __future__ import annotations

import pytest

from warta.engines.foryou import Article, ForYouIndex, build_index

NOW = 1_765_929_540.0  # 17 Des 2025, 07:59 WIB
HOUR = 3600.0

STORIES = [
    ("peru-1", "Peru ditetapkan sebagai sekutu AS non-NATO", "dunia", ("Peru", "Amerika")),
    ("peru-2", "Presiden Peru bertemu menteri luar negeri AS di Lima", "dunia", ("Peru",)),
    ("peru-3", "Ekspor tembaga Peru naik tajam tahun ini", "bisnis", ("Peru", "Tembaga")),
    ("bola-1", "Timnas Indonesia menang tipis atas Vietnam di Hanoi", "olahraga", ("Timnas",)),
    ("bola-2", "Pelatih timnas umumkan skuad untuk Piala AFF", "olahraga", ("Timnas",)),
    ("bola-3", "Liga Inggris: Arsenal kalahkan Chelsea dua gol", "olahraga", ("Liga Inggris",)),
    ("beras-1", "Harga beras di pasar Jakarta turun menjelang panen", "bisnis", ("Harga Beras",)),
    ("beras-2", "Bulog siapkan cadangan beras untuk akhir tahun", "bisnis", ("Harga Beras",)),
    ("banjir-1", "Banjir rendam ratusan rumah di Bekasi", "metro", ("Banjir",)),
    ("banjir-2", "Warga Bekasi mengungsi akibat banjir susulan", "metro", ("Banjir",)),
    ("film-1", "Film horor lokal tembus dua juta penonton", "hiburan", ("Film",)),
    ("gawai-1", "Ponsel lipat baru dijual mulai pekan depan", "teknologi", ("Gawai",)),
    (
        "ai-1",
        "Kampus di Bandung kembangkan kecerdasan buatan berbahasa Sunda",
        "teknologi",
        ("AI",),
    ),
    ("kuliner-1", "Lima warung soto legendaris di Surabaya", "gaya-hidup", ("Kuliner",)),
    ("wisata-1", "Labuan Bajo ramai wisatawan saat libur sekolah", "gaya-hidup", ("Wisata",)),
    ("pemilu-1", "KPU tetapkan jadwal pilkada serentak", "berita", ("Pemilu",)),
]


def make_articles() -> list[Article]:
    """Return the hand-made pool: one article per story, an hour apart, varied views."""
    return [
        Article(
            id=article_id,
            title=title,
            text=f"{title}. Laporan lengkap tentang {' dan '.join(topics)} dari redaksi.",
            section=section,
            topics=topics,
            published_at=NOW - (position + 1) * HOUR,
            views=(len(STORIES) - position) * 37 % 500,
            is_pick=article_id in {"film-1", "wisata-1"},
        )
        for position, (article_id, title, section, topics) in enumerate(STORIES)
    ]


@pytest.fixture
def articles() -> list[Article]:
    return make_articles()


@pytest.fixture
def index(articles: list[Article]) -> ForYouIndex:
    return build_index(articles)
