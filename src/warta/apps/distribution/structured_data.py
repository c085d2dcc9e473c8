"""What crawlers and share previews read from an article: canonical URL, OpenGraph,
Twitter card and schema.org NewsArticle JSON-LD, all from one :class:`ArticleMetadata`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.text import Truncator

from warta.apps.core.models import PublicationSettings
from warta.apps.distribution.articles import (
    STRUCTURED_DATA_SPECS,
    ImageVersion,
    absolute_url,
    author_profile_url,
    image_versions,
    modified_at,
    page_url,
    published_at,
)
from warta.apps.distribution.artwork import LOGO_SIZE
from warta.apps.newsroom.blocks import rich_text_to_plain
from warta.apps.newsroom.models import ArticlePage, SectionPage

LOGO_PATH = "distribution/logo.png"
DESCRIPTION_CHARS = 200
HEADLINE_CHARS = 110  # longer headlines are cut by search engines


@dataclass(frozen=True)
class ArticleMetadata:
    """The facts every metadata format states about one article."""

    canonical_url: str
    headline: str
    description: str
    images: list[ImageVersion]  # 16:9, 4:3, 1:1 in that order; empty without a hero image
    image_alt: str
    published: datetime
    modified: datetime
    author_name: str | None
    author_url: str | None
    section: str | None
    keywords: list[str]
    dateline: str
    publication_name: str
    publication_url: str
    logo_url: str
    twitter_handle: str | None


def describe(page: ArticlePage) -> str:
    """Return a plain-text description: the SEO text, else approved key points, else the lead."""
    if page.search_description.strip():
        return page.search_description.strip()
    points = [point.text for point in page.visible_key_points()]
    if points:
        return Truncator(" ".join(points)).chars(DESCRIPTION_CHARS)
    for block in page.body:
        if block.block_type == "paragraph":
            text = rich_text_to_plain(block.value.source)
            if text:
                return Truncator(text).chars(DESCRIPTION_CHARS)
    return page.title


def twitter_handle(x_url: str) -> str | None:
    """Return ``@name`` from a profile URL such as ``https://x.com/name``."""
    if not x_url:
        return None
    name = urlparse(x_url).path.strip("/").split("/")[0]
    return f"@{name}" if name else None


def article_metadata(
    request: HttpRequest,
    page: ArticlePage,
    publication: PublicationSettings,
    section: SectionPage | None = None,
) -> ArticleMetadata:
    """Collect the metadata of ``page``; pass ``section`` when the caller already has it."""
    if section is None:
        parent = page.get_parent()
        section = parent.specific if parent else None
    return ArticleMetadata(
        canonical_url=page_url(request, page),
        headline=Truncator(page.title).chars(HEADLINE_CHARS),
        description=describe(page),
        images=image_versions(request, page.hero_image, STRUCTURED_DATA_SPECS),
        image_alt=page.hero_caption or page.title,
        published=published_at(page),
        modified=modified_at(page),
        author_name=page.author.display_name if page.author else None,
        author_url=author_profile_url(request, page.author),
        section=section.title if isinstance(section, SectionPage) else None,
        keywords=[topic.name for topic in page.topics.all()],
        dateline=page.dateline,
        publication_name=publication.publication_name,
        publication_url=absolute_url(request, "/"),
        logo_url=absolute_url(request, static(LOGO_PATH)),
        twitter_handle=twitter_handle(publication.x_url),
    )


def news_article(meta: ArticleMetadata) -> dict[str, Any]:
    """Return schema.org NewsArticle JSON-LD for ``meta``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical_url},
        "url": meta.canonical_url,
        "headline": meta.headline,
        "description": meta.description,
        "datePublished": meta.published.isoformat(timespec="seconds"),
        "dateModified": meta.modified.isoformat(timespec="seconds"),
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": meta.publication_name,
            "url": meta.publication_url,
            "logo": {
                "@type": "ImageObject",
                "url": meta.logo_url,
                "width": LOGO_SIZE[0],
                "height": LOGO_SIZE[1],
            },
        },
        "locationCreated": {"@type": "Place", "name": meta.dateline},
        "inLanguage": "id",
        "isAccessibleForFree": True,
        "keywords": meta.keywords,
    }
    if meta.images:
        data["image"] = [image.url for image in meta.images]
    if meta.section:
        data["articleSection"] = meta.section
    if meta.author_name:
        author: dict[str, str] = {"@type": "Person", "name": meta.author_name}
        if meta.author_url:
            author["url"] = meta.author_url
        data["author"] = [author]
    else:
        data["author"] = [{"@type": "Organization", "name": meta.publication_name}]
    return data


def open_graph(meta: ArticleMetadata) -> list[tuple[str, str]]:
    """Return OpenGraph (``property``) pairs, article:* included."""
    pairs = [
        ("og:type", "article"),
        ("og:site_name", meta.publication_name),
        ("og:locale", "id_ID"),
        ("og:title", meta.headline),
        ("og:description", meta.description),
        ("og:url", meta.canonical_url),
    ]
    if meta.images:
        wide = meta.images[0]
        pairs += [
            ("og:image", wide.url),
            ("og:image:width", str(wide.width)),
            ("og:image:height", str(wide.height)),
            ("og:image:alt", meta.image_alt),
        ]
    pairs += [
        ("article:published_time", meta.published.isoformat(timespec="seconds")),
        ("article:modified_time", meta.modified.isoformat(timespec="seconds")),
    ]
    if meta.author_url:
        pairs.append(("article:author", meta.author_url))
    if meta.section:
        pairs.append(("article:section", meta.section))
    pairs += [("article:tag", keyword) for keyword in meta.keywords]
    return pairs


def twitter_card(meta: ArticleMetadata) -> list[tuple[str, str]]:
    """Return Twitter/X card (``name``) pairs."""
    pairs = [
        ("twitter:card", "summary_large_image" if meta.images else "summary"),
        ("twitter:title", meta.headline),
        ("twitter:description", meta.description),
    ]
    if meta.images:
        pairs += [("twitter:image", meta.images[0].url), ("twitter:image:alt", meta.image_alt)]
    if meta.twitter_handle:
        pairs.append(("twitter:site", meta.twitter_handle))
    return pairs
