"""JSON shapes of the read API: articles, body blocks, key points, sections and topics.

Keys are English (as in JSON Feed and schema.org) so app developers meet familiar
names; query parameters and error messages follow the site and are Indonesian.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail.blocks import StreamValue
from wagtail.rich_text import expand_db_html

from warta.apps.distribution.articles import (
    absolute_url,
    author_profile_url,
    image_versions,
    modified_at,
    page_url,
    published_at,
    section_of,
)
from warta.apps.newsroom.models import ArticlePage, SectionPage, Topic
from warta.apps.newsroom.templatetags.newsroom_tags import DISCLOSURES

BODY_IMAGE_SPEC = "max-1200x1200"


def iso(moment: Any) -> str | None:
    """Return an aware datetime as ISO 8601 with its offset (WIB here), or None."""
    return moment.isoformat(timespec="seconds") if moment else None


def feed_urls(request: HttpRequest, prefix: str) -> dict[str, str]:
    """Return the RSS, Atom and JSON Feed URLs under ``prefix``."""
    return {fmt: absolute_url(request, f"{prefix}{fmt}/") for fmt in ("rss", "atom", "json")}


def section_summary(section: SectionPage | None) -> dict[str, str] | None:
    """Return the short form of a section used inside an article."""
    if section is None:
        return None
    return {"slug": section.slug, "title": section.title}


def section_resource(request: HttpRequest, section: SectionPage) -> dict[str, Any]:
    """Return a section as listed by ``/api/v1/rubrik/``."""
    return {
        "slug": section.slug,
        "title": section.title,
        "intro": section.intro,
        "is_community": section.is_community,
        "url": page_url(request, section),
        "articles": absolute_url(request, f"/api/v1/artikel/?rubrik={section.slug}"),
        "feeds": feed_urls(request, f"/feed/rubrik/{section.slug}/"),
    }


def topic_resource(request: HttpRequest, topic: Topic) -> dict[str, Any]:
    """Return a topic as listed by ``/api/v1/topik/``."""
    return {
        "slug": topic.slug,
        "name": topic.name,
        "description": topic.description,
        "url": absolute_url(request, topic.get_absolute_url()),
        "article_count": getattr(topic, "article_count", None),
        "articles": absolute_url(request, f"/api/v1/artikel/?topik={topic.slug}"),
        "feeds": feed_urls(request, f"/feed/topik/{topic.slug}/"),
    }


def key_points(page: ArticlePage) -> dict[str, Any]:
    """Return approved key points with where each came from; nothing before approval."""
    points = page.visible_key_points()
    provenance = page.key_points_provenance() if points else ""
    return {
        "provenance": provenance,
        "disclosure": str(DISCLOSURES.get(provenance, "")),
        "items": [
            {
                "text": point.text,
                "origin": point.origin,
                "source_sentences": list(point.source_sentences or []),
                "source_excerpt": point.source_excerpt,
            }
            for point in points
        ],
    }


def article_summary(
    request: HttpRequest, page: ArticlePage, sections: list[SectionPage]
) -> dict[str, Any]:
    """Return an article as it appears in lists (no body)."""
    hero = image_versions(request, page.hero_image)
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "url": page_url(request, page),
        "api_url": absolute_url(request, f"/api/v1/artikel/{page.pk}/"),
        "section": section_summary(section_of(page, sections)),
        "topics": [{"slug": t.slug, "name": t.name} for t in page.topics.all()],
        "author": author(request, page),
        "dateline": page.dateline,
        "first_published_at": iso(published_at(page)),
        "last_published_at": iso(modified_at(page)),
        "is_community": page.is_community,
        "editors_pick": page.editors_pick,
        "image": (
            {
                "url": hero[0].url,
                "width": hero[0].width,
                "height": hero[0].height,
                "caption": page.hero_caption,
                "credit": page.hero_credit,
            }
            if hero
            else None
        ),
        "key_points": key_points(page),
    }


def author(request: HttpRequest, page: ArticlePage) -> dict[str, Any] | None:
    """Return the author's public name and profile URL."""
    if page.author is None:
        return None
    return {"name": page.author.display_name, "url": author_profile_url(request, page.author)}


def article_detail(
    request: HttpRequest, page: ArticlePage, sections: list[SectionPage]
) -> dict[str, Any]:
    """Return an article with its body blocks and editor."""
    data = article_summary(request, page, sections)
    data["description"] = page.search_description
    data["editor"] = {"name": page.editor.display_name} if page.editor else None
    data["body"] = body_blocks(request, page.body)
    return data


def body_blocks(request: HttpRequest, body: StreamValue) -> list[dict[str, Any]]:
    """Return body blocks as JSON; sub-headings carry their 1., 2., ... number."""
    blocks = []
    number = 0
    for block in body:
        item: dict[str, Any] = {"id": block.id, "type": block.block_type}
        value = block.value
        if block.block_type == "paragraph":
            item["html"] = expand_db_html(value.source)
        elif block.block_type == "subheading":
            number += 1
            item.update(text=str(value), number=number)
        elif block.block_type == "quote":
            item.update(text=value["text"], speaker=value["speaker"], role=value["role"])
        elif block.block_type == "source":
            item.update(text=value["text"], url=value["url"] or None)
        elif block.block_type == "image":
            versions = image_versions(request, value["image"], (BODY_IMAGE_SPEC,))
            item["image"] = (
                {"url": versions[0].url, "width": versions[0].width, "height": versions[0].height}
                if versions
                else None
            )
            item.update(caption=value["caption"], credit=value["credit"])
        else:  # a block type added later: fall back to Wagtail's own API form
            item["value"] = block.block.get_api_representation(value, context={"request": request})
        blocks.append(item)
    return blocks
