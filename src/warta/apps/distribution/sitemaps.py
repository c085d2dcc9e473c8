"""Sitemaps: pages (home, sections), topics, articles and a Google News sitemap.

Locations use the request's host, as Django's sitemap views do (``RequestSite``
when ``django.contrib.sites`` is not installed).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from warta.apps.core.dates import to_jakarta
from warta.apps.newsroom.models import ArticlePage, ArticleQuerySet, HomePage, SectionPage, Topic

NEWS_WINDOW = timedelta(hours=48)
NEWS_URLS_PER_FILE = 1000
ARTICLE_URLS_PER_FILE = 5000


class PageSitemap(Sitemap):
    """The home page and the live sections."""

    changefreq = "hourly"

    def items(self) -> list[HomePage | SectionPage]:
        home = HomePage.objects.live().public().first()
        sections = list(SectionPage.objects.live().public().order_by("path"))
        return ([home] if home else []) + sections

    def location(self, item: HomePage | SectionPage) -> str:
        return item.get_url() or "/"


class TopicSitemap(Sitemap):
    """Topic listings that have at least one published article."""

    changefreq = "daily"

    def items(self):  # type: ignore[no-untyped-def]
        return Topic.objects.filter(articles__live=True).distinct().order_by("slug")

    def location(self, item: Topic) -> str:
        return item.get_absolute_url()


class ArticleSitemap(Sitemap):
    """Every published article, newest first."""

    limit = ARTICLE_URLS_PER_FILE

    def items(self) -> ArticleQuerySet:
        return ArticlePage.objects.published().defer_streamfields()

    def location(self, item: ArticlePage) -> str:
        return item.get_url() or "/"

    def lastmod(self, item: ArticlePage) -> datetime | None:
        moment = item.last_published_at or item.first_published_at
        return to_jakarta(moment) if moment else None

    def get_latest_lastmod(self) -> datetime | None:
        moment = (
            ArticlePage.objects.published()
            .order_by("-last_published_at")
            .values_list("last_published_at", flat=True)
            .first()
        )
        return to_jakarta(moment) if moment else None


class NewsSitemap(ArticleSitemap):
    """Articles first published in the last 48 hours, as Google News asks for."""

    limit = NEWS_URLS_PER_FILE

    def items(self) -> ArticleQuerySet:
        since = timezone.now() - NEWS_WINDOW
        return super().items().filter(first_published_at__gte=since)

    def get_latest_lastmod(self) -> datetime | None:
        moment = (
            self.items().order_by("-last_published_at").values_list("last_published_at", flat=True)
        ).first()
        return to_jakarta(moment) if moment else None


# Not "berita": that is also a section slug, and this sitemap covers every section.
NEWS_SECTION = "google-news"
SITEMAPS: dict[str, type[Sitemap]] = {
    "halaman": PageSitemap,
    "topik": TopicSitemap,
    "artikel": ArticleSitemap,
    NEWS_SECTION: NewsSitemap,
}
SITEMAP_TEMPLATE = "distribution/sitemap.xml"
NEWS_SITEMAP_TEMPLATE = "distribution/news_sitemap.xml"
