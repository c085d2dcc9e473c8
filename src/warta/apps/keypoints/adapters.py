"""Turn an article page into the plain input the key-points engine reads."""

from __future__ import annotations

from django.utils.text import normalize_newlines

from warta.apps.newsroom.blocks import rich_text_to_plain
from warta.apps.newsroom.models import ArticlePage
from warta.engines.keypoints import ArticleInput


def article_text(page: ArticlePage) -> str:
    """Return the body as plain text: paragraphs and quotes, sub-headings as ``1. ...`` lines.

    Numbered sub-heading lines are how the engine recognises section summaries,
    the same shape as the reference page's text.
    """
    parts: list[str] = []
    for block, number, _lead in page.body_items():
        kind = block.block_type
        if kind == "paragraph":
            parts.append(rich_text_to_plain(block.value.source))
        elif kind == "subheading":
            parts.append(f"{number}. {block.value}")
        elif kind == "quote":
            quote = block.value
            role = f", {quote['role']}" if quote.get("role") else ""
            parts.append(f"“{quote['text']}” kata {quote['speaker']}{role}.")
    return normalize_newlines("\n\n".join(part for part in parts if part))


def article_input(page: ArticlePage) -> ArticleInput:
    """Return the engine input for ``page``."""
    return ArticleInput(title=page.title, text=article_text(page))
