"""Reader views that are not Wagtail pages: topic listings.

For You, Terkait and Populer live in ``warta.apps.recommendations``.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from warta.apps.newsroom.models import LIST_PAGE_SIZE, ArticlePage, Topic


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """List a topic's published articles, newest first, paginated."""
    topic = get_object_or_404(Topic, slug=slug)
    articles = ArticlePage.objects.published().for_listing().with_thumbnails().filter(topics=topic)
    page_obj = Paginator(articles, LIST_PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(request, "newsroom/topic_detail.html", {"topic": topic, "page_obj": page_obj})
