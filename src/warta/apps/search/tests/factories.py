"""Articles for search tests, published the way editors publish them."""

from __future__ import annotations

from typing import Any

from warta.apps.demo.loader import body_stream, read_articles
from warta.apps.newsroom.models import ArticlePage, SectionPage
from warta.apps.newsroom.tests.factories import make_article, make_topic


def paragraph(text: str) -> list[dict[str, Any]]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_story(title: str, text: str = "Isi berita singkat.", **fields: Any) -> ArticlePage:
    """Publish an article whose body is one paragraph of ``text``."""
    return make_article(title=title, body=paragraph(text), **fields)


def load_demo_articles() -> dict[str, ArticlePage]:
    """Publish the demo content's published articles (no pictures, no key-point engine)."""
    pages: dict[str, ArticlePage] = {}
    for article in read_articles():
        if article["status"] != "published":
            continue
        section = SectionPage.objects.get(slug=article["section"])
        page = ArticlePage(
            title=article["title"],
            slug=article["slug"],
            dateline=article["dateline"],
            body=body_stream(article["body"]),
        )
        section.add_child(instance=page)
        page.topics.set([make_topic(slug.replace("-", " ").title()) for slug in article["topics"]])
        page.save_revision().publish()
        pages[article["slug"]] = page
    return pages
