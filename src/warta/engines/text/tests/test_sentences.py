"""Sentence splitting survives Indonesian abbreviations, numbers, dates and quotes."""

from __future__ import annotations

import pytest

from warta.engines.text import split_paragraphs, split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Budi Santoso memimpin rapat itu.",
        "Ir. Joko Widodo meresmikan jembatan.",
        "H. Ahmad berangkat ke Makkah tahun ini.",
        "Hj. Siti Aminah membuka warung baru.",
        "Prof. Andi Hakim menjadi pembicara utama.",
        "Acara dimulai pk. 09.00 di balai desa.",
        "Surat No. 12 tahun 2023 mengatur hal itu.",
        "Ia membeli beras, gula, minyak, dll. untuk warga.",
        "Sayur, buah, dsb. dijual di pasar itu.",
        "Uang itu ditransfer a.n. Budi ke rekening panitia.",
        "Dosen itu, Andi Rahman, S.H., mengajar hukum.",
        "Rina Wati, M.Si. menjelaskan hasil penelitian.",
        "Rapat dimulai pukul 10.30 WIB di gedung DPR.",
        "Proyek itu menelan dana Rp1,5 miliar dari APBD.",
        "Dana Rp 2.500.000 dibagikan kepada warga.",
        "Ia berbicara di Jakarta, Senin (27/3) siang.",
        "Pertandingan berakhir pada Sabtu (23/12/2017) malam.",
        "Presiden Susilo B. Yudhoyono hadir di sana.",
        "Pemain itu mencetak 3,5 gol per laga.",
        '"Apa kabar?" tanya dia kepada wartawan.',
    ],
)
def test_one_sentence_stays_whole(text: str) -> None:
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Budi datang pk. 10.30 WIB. Ia disambut Hj. Siti.",
            ["Dr. Budi datang pk. 10.30 WIB.", "Ia disambut Hj. Siti."],
        ),
        (
            "Harga beras, gula, dll. naik. Pemerintah turun tangan.",
            ["Harga beras, gula, dll. naik.", "Pemerintah turun tangan."],
        ),
        (
            "Ia membeli beras, gula, dll. Harga semuanya naik.",
            ["Ia membeli beras, gula, dll.", "Harga semuanya naik."],
        ),
        (
            "Dana Rp1,5 miliar cair Senin (27/3). Warga senang.",
            ["Dana Rp1,5 miliar cair Senin (27/3).", "Warga senang."],
        ),
        (
            '"Kami siap." Dia lalu pergi.',
            ['"Kami siap."', "Dia lalu pergi."],
        ),
        (
            "Apa benar? Ya, benar! Semua setuju.",
            ["Apa benar?", "Ya, benar!", "Semua setuju."],
        ),
        (
            "Ia menunggu... Lalu pergi.",
            ["Ia menunggu...", "Lalu pergi."],
        ),
    ],
)
def test_sentences_split_where_they_end(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_numbered_subheading_is_its_own_sentence() -> None:
    text = "Paragraf pembuka ada di sini.\n\n1. Peru ditetapkan sebagai sekutu AS non-NATO\n\nIsi."
    assert split_sentences(text) == [
        "Paragraf pembuka ada di sini.",
        "1. Peru ditetapkan sebagai sekutu AS non-NATO",
        "Isi.",
    ]


def test_lines_never_join() -> None:
    assert split_sentences("Judul tanpa titik\nKalimat kedua.") == [
        "Judul tanpa titik",
        "Kalimat kedua.",
    ]


def test_paragraphs_drop_blank_lines_and_collapse_spaces() -> None:
    assert split_paragraphs("  satu\u00a0 dua \r\n\r\n\ttiga  ") == ["satu dua", "tiga"]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
