"""Helpers shared by the recommendations tests: a same-origin beacon, list parsing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from lxml import html as lxml_html

from warta.apps.recommendations.conf import VISITOR_COOKIE

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def beacon(client: Any, article_id: Any, depth: Any = 0, **headers: Any) -> Any:
    """Send the reading beacon the way the page's JS does (form-encoded, same origin)."""
    return post_form(
        client, {"artikel": article_id, "kedalaman": depth}, **{**SAME_ORIGIN, **headers}
    )


def post_form(client: Any, data: Any, path: str = "/untuk-anda/baca/", **headers: Any) -> Any:
    """POST ``data`` URL-encoded, as ``navigator.sendBeacon(url, new URLSearchParams(...))``."""
    return client.post(
        path,
        urlencode(data, doseq=True),
        content_type="application/x-www-form-urlencoded",
        **headers,
    )


def listed(response: Any) -> list[str]:
    """Return the titles of the articles in a rendered list, in order."""
    doc = lxml_html.fromstring(response.content)
    return [a.text for a in doc.cssselect(".article-item .item-title")]


def reasons(response: Any) -> list[str]:
    doc = lxml_html.fromstring(response.content)
    return [p.text for p in doc.cssselect(".article-item .reason")]


def visitor_cookie(response: Any) -> Any:
    return response.cookies.get(VISITOR_COOKIE)


WORDS = [
    "sawah",
    "petani",
    "pupuk",
    "hujan",
    "sungai",
    "jembatan",
    "sekolah",
    "guru",
    "pasar",
    "harga",
    "cabai",
    "beras",
    "nelayan",
    "kapal",
    "pelabuhan",
    "gunung",
    "relawan",
    "kampung",
    "festival",
    "musik",
    "tari",
    "batik",
    "kopi",
    "teh",
    "sepeda",
    "motor",
    "kereta",
    "bandara",
    "pesawat",
    "rumah",
    "sakit",
    "dokter",
    "vaksin",
    "bupati",
    "camat",
    "desa",
    "kebun",
    "sawit",
    "listrik",
    "jalan",
    "tol",
    "banjir",
    "longsor",
    "gempa",
    "pantai",
    "hutan",
    "gajah",
    "harimau",
    "taman",
    "kota",
    "alun",
    "pemuda",
]


def distinct_body(n: int) -> list[dict[str, str]]:
    """Return an article body whose words differ from those of every other ``n``."""
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(12)]
    return [{"type": "paragraph", "value": f"<p>{' '.join(words)} nomor{n}.</p>"}]
