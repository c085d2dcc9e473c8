"""Fetch a reader page and read it back as a browser would see it, for the newsroom tests."""

from __future__ import annotations

from typing import Any

from lxml import html as lxml_html


def fetch(client: Any, url: str, **headers: str) -> Any:
    """GET ``url``, require a 200, and return the parsed document."""
    response = client.get(url, **headers)
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content)


def texts(doc: Any, selector: str) -> list[str]:
    """Return the visible text of each element matching the CSS ``selector``."""
    return [" ".join(node.itertext()).strip() for node in doc.cssselect(selector)]
