"""Shortening removes framing only: datelines, connectives, citations, pronoun attributions."""

from __future__ import annotations

import pytest

from warta.engines.keypoints.document import strip_dateline
from warta.engines.keypoints.shorten import shorten


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jakarta, CNN Indonesia -- Pemerintah menunda ujian.", "Pemerintah menunda ujian."),
        ("Jakarta, IDN Times - Parlemen Peru menyetujui.", "Parlemen Peru menyetujui."),
        ("Jakarta (ANTARA News) - Tim itu menang lagi.", "Tim itu menang lagi."),
        ("Suara.com-Cerita sekuel James Bond bocor.", "Cerita sekuel James Bond bocor."),
        ("SWISS – Roger Federer tidak memasang target.", "Roger Federer tidak memasang target."),
        ("DENPASAR, JUARA.net-Aroma laga itu terasa.", "Aroma laga itu terasa."),
        # Not datelines: a subject followed by a dash, a short remainder.
        ("PT Bank Mandiri - bank milik negara - mencatat laba.", None),
        ("Jakarta, CNN Indonesia -- Oke.", None),
    ],
)
def test_strip_dateline(sentence: str, expected: str | None) -> None:
    assert strip_dateline(sentence) == (expected or sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Sementara itu, sejumlah migran asal Venezuela memilih meninggalkan Chile.",
            "Sejumlah migran asal Venezuela memilih meninggalkan Chile.",
        ),
        (
            "“Washington berkomitmen kuat bekerja sama dengan Peru,” tuturnya, dikutip Anadolu.",
            "“Washington berkomitmen kuat bekerja sama dengan Peru.”",
        ),
        ('"Kami sudah siap menghadapi banjir," katanya.', '"Kami sudah siap menghadapi banjir."'),
        (
            "Presiden mengumumkan kebijakan itu, seperti dilansir Reuters.",
            "Presiden mengumumkan kebijakan itu.",
        ),
        # Named speakers stay.
        (
            "“Sudah ditetapkan keadaan darurat di Tacna,” tutur Presiden Peru, Jose Jeri.",
            "“Sudah ditetapkan keadaan darurat di Tacna,” tutur Presiden Peru, Jose Jeri.",
        ),
        # Too little left after the connective: keep as is.
        ("Namun, itu benar.", "Namun, itu benar."),
    ],
)
def test_shorten(sentence: str, expected: str) -> None:
    assert shorten(sentence) == expected


def test_dateline_only_in_the_lead() -> None:
    sentence = "JAKARTA - Polisi menangkap dua tersangka pencurian."
    assert shorten(sentence, is_lead=True) == "Polisi menangkap dua tersangka pencurian."
    assert shorten(sentence) == sentence
