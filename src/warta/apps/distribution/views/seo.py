"""Crawler-facing views: robots.txt, the sitemap index and the sitemaps it lists."""

from __future__ import annotations

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from warta.apps.distribution.articles import absolute_url
from warta.apps.distribution.sitemaps import (
    NEWS_SECTION,
    NEWS_SITEMAP_TEMPLATE,
    SITEMAP_TEMPLATE,
    SITEMAPS,
)

# Areas that are personal or editorial: nothing there belongs in a search index.
DISALLOWED_PATHS = ("/admin/", "/menulis/", "/akun/", "/untuk-anda/")
SITEMAP_MAX_AGE = 600


@require_safe
@cache_control(public=True, max_age=86400)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Serve robots.txt: keep crawlers out of private areas and point them at the sitemaps."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED_PATHS), ""]
    lines.append(f"Sitemap: {absolute_url(request, reverse('distribution:sitemap_index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Serve the sitemap index that lists every sitemap page."""
    return sitemap_views.index(
        request, sitemaps=SITEMAPS, sitemap_url_name="distribution:sitemap_section"
    )


@require_safe
@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """Serve one sitemap (``?p=2`` for its second file); the news one has its own template."""
    if section not in SITEMAPS:
        raise Http404("unknown sitemap")
    template = NEWS_SITEMAP_TEMPLATE if section == NEWS_SECTION else SITEMAP_TEMPLATE
    return sitemap_views.sitemap(
        request, sitemaps=SITEMAPS, section=section, template_name=template
    )
