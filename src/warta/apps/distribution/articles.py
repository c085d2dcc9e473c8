"""Read-only access to published articles for every channel: feeds, sitemaps, JSON-LD, API.

Each channel shows the same facts (URL, section, author, hero image, approved key
points, times in WIB), so they are computed here once, with a fixed number of
queries per list however long the list is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import NoReverseMatch
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, AbstractRendition

from warta.apps.core.dates import to_jakarta
from warta.apps.newsroom.models import ArticlePage, ArticleQuerySet, SectionPage

if TYPE_CHECKING:
    from warta.apps.accounts.models import User

# The one hero rendition lists, feeds and the API show; JSON-LD adds 4:3 and 1:1.
HERO_SPEC = "fill-1200x675"
STRUCTURED_DATA_SPECS = (HERO_SPEC, "fill-1200x900", "fill-1200x1200")
TREEBEARD_STEPLEN = 4


def published_articles(*, with_body: bool = False) -> ArticleQuerySet:
    """Return published articles with everything a channel shows prefetched.

    The body is deferred unless asked for: only feeds (for the lead) and the API
    detail need it, and it is by far the largest column.
    """
    rendition_model = get_image_model().get_rendition_model()
    articles = ArticlePage.objects.published()
    if not with_body:
        articles = articles.defer_streamfields()
    return articles.for_listing().prefetch_related(
        "key_points",
        Prefetch(
            "hero_image__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=STRUCTURED_DATA_SPECS),
        ),
    )


def live_sections() -> list[SectionPage]:
    """Return live sections in tree order (one query; there are a handful)."""
    return list(SectionPage.objects.live().public().order_by("path"))


def section_of(page: ArticlePage, sections: list[SectionPage]) -> SectionPage | None:
    """Return the section an article sits in, found by tree path instead of a query."""
    parent_path = page.path[:-TREEBEARD_STEPLEN]
    for section in sections:
        if section.path == parent_path:
            return section
    return None


def absolute_url(request: HttpRequest, path: str) -> str:
    """Return ``path`` as an absolute URL on the host the request came to.

    The host is validated by ``ALLOWED_HOSTS``, the same rule Django's sitemaps and
    syndication follow, so a page, its feed and its sitemap agree on URLs.
    """
    return request.build_absolute_uri(path)


def page_url(request: HttpRequest, page: ArticlePage | SectionPage) -> str:
    """Return the absolute URL of a Wagtail page."""
    return absolute_url(request, page.get_url(request) or "/")


def author_profile_url(request: HttpRequest, author: User | None) -> str | None:
    """Return the absolute profile URL of an author, or None when there is no profile page."""
    if author is None:
        return None
    try:
        return absolute_url(request, author.get_absolute_url())
    except NoReverseMatch:  # the public profile page is not routed in every deployment
        return None


def jakarta_time(moment: datetime | None) -> datetime | None:
    """Return ``moment`` in WIB so every serialisation carries the +07:00 offset."""
    return to_jakarta(moment) if moment else None


def published_at(page: ArticlePage) -> datetime:
    """Return when the article first went live, in WIB.

    A draft shown in the editor's preview has no publication time yet: "now" is what
    it would get if published this moment.
    """
    moment = page.first_published_at or page.last_published_at or timezone.now()
    return to_jakarta(moment)


def modified_at(page: ArticlePage) -> datetime:
    """Return when the article was last published, in WIB, never before it first went live."""
    first = published_at(page)
    last = jakarta_time(page.last_published_at)
    return max(first, last) if last else first


@dataclass(frozen=True)
class ImageVersion:
    """One rendition of an image, with an absolute URL."""

    url: str
    width: int
    height: int
    mime_type: str
    size: int | None


def image_versions(
    request: HttpRequest, image: AbstractImage | None, specs: tuple[str, ...] = (HERO_SPEC,)
) -> list[ImageVersion]:
    """Return absolute renditions of ``image`` for ``specs``, generating missing ones."""
    if image is None:
        return []
    renditions = image.get_renditions(*specs)
    return [rendition_version(request, renditions[spec]) for spec in specs]


def rendition_version(request: HttpRequest, rendition: AbstractRendition) -> ImageVersion:
    """Return a rendition as an :class:`ImageVersion`."""
    name = rendition.file.name.lower()
    mime_type = "image/png" if name.endswith(".png") else "image/jpeg"
    if name.endswith(".webp"):
        mime_type = "image/webp"
    elif name.endswith(".avif"):
        mime_type = "image/avif"
    try:
        size: int | None = rendition.file.size
    except OSError:  # the file is on remote storage or was cleaned up; size is optional
        size = None
    return ImageVersion(
        url=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=mime_type,
        size=size,
    )
