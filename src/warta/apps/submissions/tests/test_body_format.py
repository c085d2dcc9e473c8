"""The writers' markup: parsing, round trip and sanitisation against XSS payloads."""

import re

import pytest

from warta.apps.newsroom.blocks import ArticleBodyBlock
from warta.apps.submissions.body_format import blocks_to_markup, markup_errors, markup_to_blocks

SAMPLE = """Warga <b>Tambaklorok</b> kembali terendam
banjir rob, kata <a href="https://bmkg.go.id">BMKG</a>.

## 1. Air masuk ke rumah

> Sudah tiga hari air tidak surut.
> Anak-anak tidak sekolah.
— Siti Aminah, Ketua RT 03

Sumber: dikutip dari Anadolu Agency https://www.aa.com.tr/id/berita
"""


def test_markup_becomes_article_body_blocks():
    blocks = markup_to_blocks(SAMPLE)
    assert [b["type"] for b in blocks] == ["paragraph", "subheading", "quote", "source"]
    assert blocks[0]["value"] == (
        "<p>Warga <b>Tambaklorok</b> kembali terendam banjir rob, kata "
        '<a href="https://bmkg.go.id">BMKG</a>.</p>'
    )
    assert blocks[1]["value"] == "Air masuk ke rumah"  # the page numbers sub-headings itself
    assert blocks[2]["value"] == {
        "text": "Sudah tiga hari air tidak surut.\nAnak-anak tidak sekolah.",
        "speaker": "Siti Aminah",
        "role": "Ketua RT 03",
    }
    assert blocks[3]["value"] == {
        "text": "dikutip dari Anadolu Agency",
        "url": "https://www.aa.com.tr/id/berita",
    }
    assert markup_errors(SAMPLE) == []


def test_blocks_are_valid_for_the_stream_block():
    block = ArticleBodyBlock()
    value = block.to_python(markup_to_blocks(SAMPLE))
    block.clean(value)  # raises on invalid data


def test_round_trip_keeps_the_structure():
    blocks = markup_to_blocks(SAMPLE)
    assert markup_to_blocks(blocks_to_markup(blocks)) == blocks


def test_quote_without_speaker_is_reported_and_kept_as_text():
    text = "> Kata seseorang tanpa nama."
    assert markup_errors(text)
    assert markup_to_blocks(text)[0]["type"] == "paragraph"
    assert "Kata seseorang" in markup_to_blocks(text)[0]["value"]


def test_empty_and_whitespace_markup_make_no_blocks():
    assert markup_to_blocks("") == []
    assert markup_to_blocks("   \n\n \r\n") == []


def test_over_long_subheading_is_reported():
    assert markup_errors("## " + "x" * 200)


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    '<a href="https://contoh.id" onclick="alert(1)">klik</a>',
    '<b style="background:url(javascript:alert(1))">tebal</b>',
    "<svg/onload=alert(1)>",
    "<iframe src=https://jahat.example></iframe>",
    '<b onmouseover="alert(1)">x</b>',
    "<<script>script>alert(1)<</script>/script>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    '"><script>alert(1)</script>',
    "<style>body{display:none}</style>",
    "<body onload=alert(1)>",
    '<a href=" javascript:alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "<!--<script>alert(1)</script>-->",
]
FORBIDDEN = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "ontoggle",
    "javascript:",
    "<iframe",
    "<img",
    "<svg",
    "style=",
    "<style",
    "data:text",
    "<math",
    "<details",
    "<body",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("wrap", ["{}", "## {}", "> {}\n— {}, Jabatan", "Sumber: {}"])
def test_xss_payloads_never_reach_the_body(payload, wrap):
    blocks = markup_to_blocks(wrap.format(payload, payload))
    for block in blocks:
        rendered = (
            ArticleBodyBlock()
            .child_blocks[block["type"]]
            .render(ArticleBodyBlock().child_blocks[block["type"]].to_python(block["value"]))
            if block["type"] == "paragraph"
            else str(block["value"])
        )
        lowered = rendered.lower()
        if block["type"] == "paragraph":
            for needle in FORBIDDEN:
                assert needle not in lowered, (payload, rendered)
        else:
            # Plain-text fields: stored without tags, escaped by the templates.
            assert not re.search(r"<[a-z!/?]", str(block["value"]), re.IGNORECASE), block


def test_inline_html_keeps_only_bold_italic_and_safe_links():
    (block,) = markup_to_blocks(
        '<strong>a</strong> <em>b</em> <u>c</u> <a href="mailto:r@contoh.id" target="_blank">d</a>'
    )
    assert block["value"] == '<p><b>a</b> <i>b</i> c <a href="mailto:r@contoh.id">d</a></p>'
