"""The search page, its JSON twin and title suggestions.

Glue only: validate the query string, call ``find_articles`` or ``suggest_titles``,
render. Any query text gives a 200 with results or a clear message; only malformed
filters are refused (a message on the page, 400 from the API).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from warta.apps.core.dates import format_wib, to_jakarta
from warta.apps.newsroom.models import SectionPage, Topic
from warta.apps.search.forms import SearchForm, page_number
from warta.apps.search.parsing import parse_query
from warta.apps.search.results import ResultPage, find_articles, live_sections
from warta.apps.search.suggestions import suggest_titles

CACHE_CONTROL = "public, max-age=60"


def _status_message(query_text: str, results: ResultPage | None) -> str:
    if not query_text:
        return _("Masukkan kata kunci untuk mencari artikel.")
    if results is None or results.query.is_empty:
        return _(
            "Kata kunci “%(q)s” terlalu umum (hanya kata sambung atau tanda baca). "
            "Coba kata yang lebih spesifik."
        ) % {"q": query_text}
    if not results.total:
        return _("Tidak ada hasil untuk “%(q)s”.") % {"q": query_text}
    return ""


def _run(
    request: HttpRequest, sections: list[SectionPage] | None = None
) -> tuple[SearchForm, ResultPage | None]:
    data = request.GET.copy()
    # The query text never makes a request invalid; NUL is the one character Django's
    # form field refuses, so it goes before validation.
    data["q"] = data.get("q", "").replace("\x00", "")
    form = SearchForm(data)
    if not form.is_valid():
        return form, None
    query = parse_query(form.cleaned_data["q"])
    if query.is_empty:
        return form, ResultPage(query=query, items=(), total=0, number=1)
    number = page_number(request.GET.get("halaman"))
    return form, find_articles(query, form.filters(), number, sections=sections)


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    """Render ``/cari/?q=...``: the form, the filters and one page of results."""
    sections = live_sections()
    form, results = _run(request, sections)
    query_text = parse_query(form.data.get("q", "")).text
    context: dict[str, Any] = {
        "form": form,
        "query_text": query_text,
        "results": results,
        "errors": form.messages() if form.is_bound and not form.is_valid() else [],
        "message": "" if form.errors else _status_message(query_text, results),
        "truncated": results.query.truncated if results else False,
        "querystring": _querystring_without_page(request),
        "sections": sections,
        "topics": Topic.objects.filter(articles__live=True).distinct().order_by("name"),
    }
    return render(request, "search/search_page.html", context)


def _querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("halaman", None)
    return params.urlencode()


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    """Return ``/cari/api/?q=...`` as JSON; 400 with messages for malformed filters."""
    form, results = _run(request)
    if results is None:
        return JsonResponse({"errors": form.messages()}, status=400)
    query_text = results.query.text
    site = Site.find_for_request(request)
    payload = {
        "query": query_text,
        "terms": list(results.query.terms),
        "truncated": results.query.truncated,
        "total": results.total,
        "page": results.number,
        "pages": results.num_pages,
        "message": _status_message(parse_query(form.cleaned_data["q"]).text, results),
        "results": [
            {
                "id": item.article.pk,
                "title": item.article.title,
                "title_html": str(item.title),
                "url": item.article.get_url(request=request, current_site=site),
                "section": item.section.title if item.section else None,
                "published_at": to_jakarta(item.article.first_published_at).isoformat(
                    timespec="seconds"
                ),
                "published_wib": format_wib(item.article.first_published_at),
                "snippet_html": str(item.snippet),
            }
            for item in results.items
        ],
    }
    response = JsonResponse(payload)
    response["Cache-Control"] = CACHE_CONTROL
    return response


@require_GET
def title_suggestions(request: HttpRequest) -> JsonResponse:
    """Return ``/cari/saran/?q=...``: titles of articles matching what was typed so far."""
    site = Site.find_for_request(request)
    pages = suggest_titles(request.GET.get("q", ""))
    response = JsonResponse(
        {
            "query": request.GET.get("q", "")[:200],
            "suggestions": [
                {"title": p.title, "url": p.get_url(request=request, current_site=site)}
                for p in pages
            ],
        }
    )
    response["Cache-Control"] = CACHE_CONTROL
    return response
