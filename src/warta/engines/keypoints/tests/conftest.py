"""Shared fixtures: the reference article page and the shared data folder."""
# ruff: noqa: E501 - the sample articles keep their paragraphs on one line each

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[5]
SHARED = Path(os.environ.get("WARTA_DATA_DIR", REPO.parent / "shared" / "data"))
SEED = REPO.parent / "shared" / "seed" / "000_a07ec8594445e91e.txt"
INDOSUM = SHARED / "indosum" / "indosum.jsonl"

PERU_ARTICLE = """Jakarta, IDN Times - Parlemen Peru, pada Senin (15/12/2025), menyetujui masuknya personel militer Amerika Serikat (AS) pada 2026. Namun, masuknya tentara AS dibatasi hanya untuk latihan gabungan.

Dalam persetujuan ini, tentara AS akan berada di Peru mulai 1 Januari hingga 31 Desember 2026.

1. Peru ditetapkan sebagai sekutu AS non-NATO

Menteri Luar Negeri (Menlu) Peru, Hugo de Zela mengonfirmasi bahwa AS sudah menetapkan Peru sebagai sekutu utamanya. Negara Amerika Selatan itu bahkan ditetapkan sebagai Sekutu Utama Non-NATO (MNNA).

2. AS dan Peru setuju lawan kriminal transnasional

Pekan lalu, Menlu AS, Marco Rubio bertemu dengan De Zela untuk membicarakan penguatan relasi keamanan AS dan Peru melawan kriminal transnasional. Langkah ini untuk melawan organisasi kriminal di Amerika Latin.

3. Peru tetapkan keadaan darurat di perbatasan Chile

Pada akhir November, Peru mendeklarasikan keadaan darurat di sejumlah wilayah di perbatasan Chile. Keputusan ini didorong oleh maraknya aksi kriminalitas dan masuknya migran ilegal.
"""

PLAIN_ARTICLE = """Jakarta, CNN Indonesia -- Pemerintah Kota Bandung menetapkan status tanggap darurat banjir setelah hujan deras mengguyur kota itu sejak Minggu (3/9) malam.

Sedikitnya 1.200 rumah di enam kecamatan terendam air setinggi satu meter. Wali Kota Bandung, Dr. Ir. H. Budi Santoso, M.Si., mengatakan bantuan senilai Rp1,5 miliar sudah disalurkan pk. 10.30 WIB.

"Kami sudah menyiapkan dapur umum dan tempat pengungsian di setiap kecamatan," ujar Budi, dikutip dari Antara.

Sementara itu, Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan lebat masih akan turun hingga akhir pekan. Warga diminta menjauhi bantaran sungai.

Baca juga: Banjir Rendam Ratusan Rumah di Bandung

Pemerintah provinsi juga mengirimkan 50 perahu karet untuk membantu evakuasi warga yang terjebak.
"""


@pytest.fixture
def indosum_path() -> Path:
    """Return the shared IndoSum file, or skip loudly when it is absent."""
    if not INDOSUM.exists():
        pytest.skip(
            f"SHARED DATA MISSING: {INDOSUM} not found; set WARTA_DATA_DIR to the shared "
            "data folder to run the IndoSum tests"
        )
    return INDOSUM
