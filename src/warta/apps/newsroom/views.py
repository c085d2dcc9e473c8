"""Reader views that are not Wagtail pages: topic listings and the For You fragment."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from warta.apps.newsroom.models import LIST_PAGE_SIZE, ArticlePage, Topic

MAX_EXCLUDED_IDS = 200


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """List a topic's published articles, newest first, paginated."""
    topic = get_object_or_404(Topic, slug=slug)
    articles = ArticlePage.objects.published().for_listing().filter(topics=topic)
    page_obj = Paginator(articles, LIST_PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(request, "newsroom/topic_detail.html", {"topic": topic, "page_obj": page_obj})


def parse_read_ids(raw: str) -> set[int]:
    """Return the article ids in a comma-separated list, ignoring anything malformed."""
    ids: set[int] = set()
    for part in raw.split(",")[:MAX_EXCLUDED_IDS]:
        part = part.strip()
        if part.isdigit():
            ids.add(int(part))
    return ids


@require_GET
def for_you(request: HttpRequest) -> HttpResponse:
    """Return the For You list: latest articles minus what this browser has read.

    The browser keeps its reading list locally and sends it as ``?baca=1,2,3``; the
    server stores nothing. A fragment for the home-page tab, or a full page without JS.
    """
    read_ids = parse_read_ids(request.GET.get("baca", ""))
    articles = ArticlePage.objects.published().for_listing().exclude(pk__in=read_ids)[:10]
    template = (
        "newsroom/for_you_fragment.html" if request.GET.get("fragmen") else "newsroom/for_you.html"
    )
    note = _(
        "Berita terbaru yang belum Anda baca di perangkat ini. Rekomendasi personal "
        "berdasarkan minat Anda sedang kami siapkan."
    )
    response = render(request, template, {"articles": articles, "note": note})
    response["Cache-Control"] = "private, max-age=60"
    return response
