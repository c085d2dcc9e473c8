"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, a section or a topic.

The three formats are written from the same :class:`FeedEntry` list, so they can
never disagree: approved key points only, the author, the hero image and WIB times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import feedgenerator
from django.utils.html import escape, format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from warta.apps.core.models import PublicationSettings
from warta.apps.distribution.articles import (
    ImageVersion,
    absolute_url,
    author_profile_url,
    image_versions,
    live_sections,
    modified_at,
    page_url,
    published_articles,
    published_at,
    section_of,
)
from warta.apps.newsroom.blocks import rich_text_to_plain
from warta.apps.newsroom.models import ArticlePage, ArticleQuerySet, SectionPage, Topic

FEED_LENGTH = 30
LEAD_WORDS = 60
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FORMATS = ("rss", "atom", "json")


@dataclass(frozen=True)
class FeedEntry:
    """One article as every feed format shows it."""

    id: str
    url: str
    title: str
    summary_html: str
    summary_text: str
    key_points: tuple[str, ...]
    key_points_provenance: str
    author_name: str | None
    author_url: str | None
    image: ImageVersion | None
    published: datetime
    modified: datetime
    section: str | None
    dateline: str
    tags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class FeedChannel:
    """What a feed covers: the site, one section or one topic."""

    title: str
    description: str
    link: str
    scope: str  # "", "rubrik/<slug>" or "topik/<slug>"
    articles: ArticleQuerySet

    def feed_path(self, fmt: str) -> str:
        """Return the path of this channel's feed in ``fmt`` (rss, atom, json)."""
        prefix = f"/feed/{self.scope}/" if self.scope else "/feed/"
        return f"{prefix}{fmt}/"


def site_channel(request: HttpRequest, publication: PublicationSettings) -> FeedChannel:
    """Return the channel of every published article."""
    return FeedChannel(
        title=publication.publication_name,
        description=publication.tagline or publication.publication_name,
        link=absolute_url(request, "/"),
        scope="",
        articles=published_articles(with_body=True),
    )


def section_channel(
    request: HttpRequest, publication: PublicationSettings, section: SectionPage
) -> FeedChannel:
    """Return the channel of one section's published articles."""
    return FeedChannel(
        title=f"{section.title} — {publication.publication_name}",
        description=section.intro or section.title,
        link=page_url(request, section),
        scope=f"rubrik/{section.slug}",
        articles=published_articles(with_body=True).child_of(section),
    )


def topic_channel(
    request: HttpRequest, publication: PublicationSettings, topic: Topic
) -> FeedChannel:
    """Return the channel of one topic's published articles."""
    return FeedChannel(
        title=f"{topic.name} — {publication.publication_name}",
        description=topic.description or topic.name,
        link=absolute_url(request, topic.get_absolute_url()),
        scope=f"topik/{topic.slug}",
        articles=published_articles(with_body=True).filter(topics=topic),
    )


def lead_text(page: ArticlePage) -> str:
    """Return the first paragraph as plain text, shortened to about sixty words."""
    for block in page.body:
        if block.block_type == "paragraph":
            text = rich_text_to_plain(block.value.source)
            if text:
                return Truncator(text).words(LEAD_WORDS)
    return ""


def key_points_html(points: tuple[str, ...]) -> str:
    """Return the "Intinya sih..." box as HTML for feed readers."""
    if not points:
        return ""
    items = format_html_join("", "<li>{}</li>", ((point,) for point in points))
    return format_html(
        '<p><strong>{}</strong></p><ul class="key-points">{}</ul>', _("Intinya sih..."), items
    )


def build_entries(request: HttpRequest, channel: FeedChannel) -> list[FeedEntry]:
    """Return the newest entries of a channel, with a fixed number of queries."""
    sections = live_sections()
    entries = []
    for page in channel.articles[:FEED_LENGTH]:
        url = page_url(request, page)
        points = tuple(point.text for point in page.visible_key_points())
        lead = page.search_description.strip() or lead_text(page)
        summary_text = "\n".join(points) if points else lead
        summary_html = key_points_html(points) + (format_html("<p>{}</p>", lead) if lead else "")
        section = section_of(page, sections)
        images = image_versions(request, page.hero_image)
        entries.append(
            FeedEntry(
                id=url,
                url=url,
                title=page.title,
                summary_html=summary_html,
                summary_text=summary_text,
                key_points=points,
                key_points_provenance=page.key_points_provenance() if points else "",
                author_name=page.author.display_name if page.author else None,
                author_url=author_profile_url(request, page.author),
                image=images[0] if images else None,
                published=published_at(page),
                modified=modified_at(page),
                section=section.title if section else None,
                dateline=page.dateline,
                tags=tuple(topic.name for topic in page.topics.all()),
            )
        )
    return entries


def syndication_feed(
    feed_class: type[feedgenerator.SyndicationFeed],
    request: HttpRequest,
    channel: FeedChannel,
    entries: list[FeedEntry],
    fmt: str,
) -> feedgenerator.SyndicationFeed:
    """Return an RSS or Atom document for ``entries`` (Django's feed generator writes it)."""
    feed = feed_class(
        title=channel.title,
        link=channel.link,
        description=channel.description,
        language="id",
        feed_url=absolute_url(request, channel.feed_path(fmt)),
        feed_guid=absolute_url(request, channel.feed_path(fmt)),
    )
    for entry in entries:
        enclosures = []
        if entry.image:
            enclosures.append(
                feedgenerator.Enclosure(
                    entry.image.url, str(entry.image.size or 0), entry.image.mime_type
                )
            )
        feed.add_item(
            title=entry.title,
            link=entry.url,
            description=entry.summary_html,
            author_name=entry.author_name,
            author_link=entry.author_url,
            pubdate=entry.published,
            updateddate=entry.modified,
            unique_id=entry.id,
            unique_id_is_permalink=True,
            categories=[*([entry.section] if entry.section else []), *entry.tags],
            enclosures=enclosures,
        )
    return feed


def json_feed(request: HttpRequest, channel: FeedChannel, entries: list[FeedEntry]) -> dict:
    """Return a JSON Feed 1.1 document; Warta-only fields live under ``_warta``."""
    return {
        "version": JSON_FEED_VERSION,
        "title": channel.title,
        "home_page_url": channel.link,
        "feed_url": absolute_url(request, channel.feed_path("json")),
        "description": channel.description,
        "language": "id",
        "items": [json_item(entry) for entry in entries],
    }


def json_item(entry: FeedEntry) -> dict[str, Any]:
    """Return one JSON Feed item."""
    item: dict[str, Any] = {
        "id": entry.id,
        "url": entry.url,
        "title": entry.title,
        "content_html": entry.summary_html or escape(entry.title),
        "summary": entry.summary_text,
        "date_published": entry.published.isoformat(timespec="seconds"),
        "date_modified": entry.modified.isoformat(timespec="seconds"),
        "tags": list(entry.tags),
        "language": "id",
        "_warta": {
            "key_points": list(entry.key_points),
            "key_points_provenance": entry.key_points_provenance,
            "section": entry.section,
            "dateline": entry.dateline,
        },
    }
    if entry.author_name:
        author = {"name": entry.author_name}
        if entry.author_url:
            author["url"] = entry.author_url
        item["authors"] = [author]
    if entry.image:
        item["image"] = entry.image.url
    return item
