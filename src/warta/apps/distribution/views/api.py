"""Read-only JSON API for the mobile app under /api/v1/.

Every response is public and cacheable for a minute, carries an ETag and answers
conditional GETs with 304. Errors are JSON in Indonesian: ``{"galat": "..."}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page

from warta.apps.distribution.articles import live_sections, published_articles
from warta.apps.distribution.representations import (
    article_detail,
    article_summary,
    section_resource,
    topic_resource,
)
from warta.apps.newsroom.models import Topic

API_MAX_AGE = 60
PAGE_SIZE = 20
LATEST_COUNT = 10
PAGE_NUMBER = re.compile(r"^[1-9][0-9]{0,5}$")

View = Callable[..., HttpResponse]


class ApiError(Exception):
    """A client mistake answered with ``{"galat": message}`` and ``status``."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def json_response(data: Any, status: int = 200) -> JsonResponse:
    """Return UTF-8 JSON, keeping Indonesian text readable."""
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def api_view(view: View) -> View:
    """Wrap a view: GET/HEAD only, JSON errors, public caching, ETag and 304s."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            response = json_response({"galat": _("Metode tidak diizinkan.")}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except ApiError as error:
            return json_response({"galat": error.message}, status=error.status)

    return conditional_page(cache_control(public=True, max_age=API_MAX_AGE)(wrapper))


def page_number(request: HttpRequest) -> int:
    """Return ``?halaman=`` as a positive integer (1 when absent)."""
    raw = request.GET.get("halaman", "1")
    if not PAGE_NUMBER.match(raw):
        raise ApiError(_("Parameter 'halaman' harus bilangan bulat positif."), 400)
    return int(raw)


@api_view
def article_list(request: HttpRequest) -> HttpResponse:
    """List published articles, newest first; filter with ``?rubrik=`` and ``?topik=``."""
    number = page_number(request)
    sections = live_sections()
    articles = published_articles()
    if "rubrik" in request.GET:
        slug = request.GET["rubrik"]
        section = next((s for s in sections if s.slug == slug), None)
        if section is None:
            raise ApiError(_("Rubrik tidak dikenal."), 400)
        articles = articles.child_of(section)
    if "topik" in request.GET:
        topic = Topic.objects.filter(slug=request.GET["topik"]).first()
        if topic is None:
            raise ApiError(_("Topik tidak dikenal."), 400)
        articles = articles.filter(topics=topic)
    paginator = Paginator(articles, PAGE_SIZE)
    if number > max(paginator.num_pages, 1):
        raise ApiError(_("Halaman tidak ditemukan."), 404)
    page = paginator.page(number)
    return json_response(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "next": page_link(request, number + 1) if page.has_next() else None,
            "previous": page_link(request, number - 1) if page.has_previous() else None,
            "results": [article_summary(request, article, sections) for article in page],
        }
    )


def page_link(request: HttpRequest, number: int) -> str:
    """Return the absolute URL of another page of the same list."""
    query = request.GET.copy()
    query["halaman"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api_view
def article_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Return one published article with body blocks and approved key points."""
    article = published_articles(with_body=True).filter(pk=pk).first()
    if article is None:
        raise ApiError(_("Artikel tidak ditemukan"), 404)
    return json_response(article_detail(request, article, live_sections()))


@api_view
def latest(request: HttpRequest) -> HttpResponse:
    """Return the ten newest published articles."""
    sections = live_sections()
    articles = published_articles()[:LATEST_COUNT]
    return json_response(
        {"results": [article_summary(request, article, sections) for article in articles]}
    )


@api_view
def section_list(request: HttpRequest) -> HttpResponse:
    """Return the live sections in navigation order."""
    return json_response(
        {"results": [section_resource(request, section) for section in live_sections()]}
    )


@api_view
def topic_list(request: HttpRequest) -> HttpResponse:
    """Return every topic with its number of published articles."""
    topics = Topic.objects.annotate(
        article_count=Count("articles", filter=Q(articles__live=True), distinct=True)
    ).order_by("name")
    return json_response({"results": [topic_resource(request, topic) for topic in topics]})


@api_view
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Answer unknown /api/ addresses in JSON instead of the HTML 404 page."""
    raise ApiError(_("Alamat API tidak ditemukan."), 404)
