"""Short reasons a reader can be shown, in Indonesian, for why an article is in their feed."""

from __future__ import annotations

PINNED = "Pilihan redaksi"
PICK = "Pilihan editor"
POPULAR = "Sedang populer"
FRESH = "Berita terbaru"
RELATED = "Terkait dengan artikel ini"
MAX_TITLE = 60


def because_topic(topic: str) -> str:
    """Return "Because you read about <topic>"."""
    return f"Karena Anda membaca tentang {topic}"


def because_section(section: str) -> str:
    """Return "Because you often read the <section> section"."""
    return f"Karena Anda sering membaca rubrik {section}"


def because_article(title: str) -> str:
    """Return "Similar to <title>, which you read" with the title shortened to fit a card."""
    return f"Mirip dengan “{shorten(title)}” yang Anda baca"


def explore(topic: str) -> str:
    """Return "Try something new: <topic>"."""
    return f"Coba yang lain: {topic}"


def also_about(topic: str) -> str:
    """Return "Also about <topic>" (related articles)."""
    return f"Juga tentang {topic}"


def shorten(title: str, limit: int = MAX_TITLE) -> str:
    """Return ``title`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0] or title[: limit - 1]
    return cut.rstrip(" ,.;:-") + "…"
