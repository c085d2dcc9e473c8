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
