"""Reader views: the For You, Terkait and Populer fragments, the reading beacon, the history.

Fragments are small HTML pieces fetched by JS after the cacheable page loaded; without
``?fragmen=1`` the same views render a full page, which is where the no-JS links go.
Terkait and Populer are the same for everyone and cacheable, unless the request makes them
personal (a session, a pending flash message); For You and the history are personal and never
cached by shared caches.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from warta.apps.core.caching import is_personal
from warta.apps.newsroom.models import ArticlePage
from warta.apps.recommendations import conf, feeds
from warta.apps.recommendations.access import access_reading_event_by_reader
from warta.apps.recommendations.actions import (
    forget_all_reading_history,
    forget_reading_history,
    purge_expired_reading_events_of,
    record_reading,
)
from warta.apps.recommendations.forms import BEACON_FIELDS, ReadingBeaconForm
from warta.apps.recommendations.policies import can_record_reading, refuses_tracking
from warta.apps.recommendations.readers import (
    event_owner,
    forget_visitor,
    reader_of,
    readers_of,
    remember_visitor,
)

#: a beacon body is "artikel=<id>&kedalaman=<0-100>": anything longer is not ours
MAX_BEACON_BYTES = 64


def _template(request: HttpRequest, name: str) -> str:
    """Return the fragment template for ``?fragmen=1`` (fetched by JS), else the full page."""
    if request.GET.get("fragmen") == "1":
        return f"recommendations/{name}_fragment.html"
    return f"recommendations/{name}.html"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def _public_unless_personal(
    request: HttpRequest, response: HttpResponse, max_age: int
) -> HttpResponse:
    """Let shared caches keep ``response`` unless it is personal, as for other reader pages.

    The full pages (no ``?fragmen=1``) are built on ``base.html``, which shows the reader's
    pending flash messages; with a session, a pending message or a CSRF token, the response
    is the reader's own (``core.caching.is_personal`` decides, as it does for article pages).
    """
    if is_personal(request, response):
        return _private(response)
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_GET
def for_you(request: HttpRequest) -> HttpResponse:
    """Return the reader's For You list: a fragment for the home tab, or a full page."""
    reader = reader_of(request)
    feed = feeds.for_you(reader)
    if feed.is_fallback:
        note = _("Belum ada rekomendasi untuk Anda; ini pilihan editor dan berita terbaru.")
    elif feed.uses_history:
        note = _("Dipilih dari artikel yang Anda baca di situs ini.")
    elif feed.has_history:
        # Everything they read has been unpublished since: nothing of it was used.
        note = _(
            "Artikel yang Anda baca sudah tidak tersedia, jadi daftar ini belum disesuaikan "
            "untuk Anda. Rekomendasi menyesuaikan setelah Anda membaca artikel lain."
        )
    else:
        note = _(
            "Belum ada riwayat baca, jadi daftar ini belum disesuaikan untuk Anda. "
            "Rekomendasi menyesuaikan setelah Anda membaca beberapa artikel."
        )
    context = {"feed": feed, "note": note, "tracking_refused": refuses_tracking(request)}
    template = _template(request, "for_you")
    # Not even the browser keeps it: after "Hapus" the next look must not show the old feed.
    return _private(render(request, template, context))


@require_GET
def related_list(request: HttpRequest, article_id: int) -> HttpResponse:
    """Return "Terkait" for an article: the same for every reader, so cacheable."""
    article = get_object_or_404(ArticlePage.objects.published(), pk=article_id)
    feed = feeds.related_to(article.pk)
    context = {"feed": feed, "article": article}
    template = _template(request, "related")
    return _public_unless_personal(request, render(request, template, context), max_age=300)


@require_GET
def popular_list(request: HttpRequest) -> HttpResponse:
    """Return "Populer sekarang": the same for every reader, so cacheable."""
    feed = feeds.popular_now()
    template = _template(request, "popular")
    return _public_unless_personal(request, render(request, template, {"feed": feed}), max_age=120)


def _beacon_input(request: HttpRequest) -> ReadingBeaconForm | None:
    """Return the validated beacon, or None unless it is exactly the two numbers."""
    # Nothing in the query string: the beacon carries its data in the body.
    if request.GET:
        return None
    # A URL-encoded form, which is what sendBeacon sends for URLSearchParams.
    if request.content_type != "application/x-www-form-urlencoded":
        return None
    # Small body only: the two numbers fit in a few dozen bytes (checked before reading it).
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if declared > MAX_BEACON_BYTES or len(request.body) > MAX_BEACON_BYTES:
        return None
    # Exactly the two expected fields, each once.
    if set(request.POST.keys()) != BEACON_FIELDS:
        return None
    if any(len(request.POST.getlist(name)) != 1 for name in BEACON_FIELDS):
        return None
    form = ReadingBeaconForm(request.POST)
    return form if form.is_valid() else None


@csrf_exempt  # see policies.is_same_origin: Origin / Sec-Fetch-Site are checked instead
@require_POST
def reading_record(request: HttpRequest) -> HttpResponse:
    """Record one reading event (article id, depth 0–100) sent by the page's beacon.

    Always 204 when the request was well-formed, recorded or not, so a page learns nothing
    about other readers. Records nothing and sets no cookie under DNT or GPC.
    """
    if not can_record_reading(request):
        return _private(HttpResponse(status=204))
    form = _beacon_input(request)
    if form is None:
        return _private(HttpResponseBadRequest())
    article_id = form.cleaned_data["artikel"]
    response = _private(HttpResponse(status=204))
    # Only published, public articles: nothing about drafts or restricted sections.
    if not ArticlePage.objects.live().public().filter(pk=article_id).exists():
        return response
    reader = reader_of(request)
    if reader is None or reader.user_id is None:
        # Anonymous: (re)set the cookie so it expires a retention window after this read.
        reader = remember_visitor(response, request)
    record_reading(reader, article_id, form.cleaned_data["kedalaman"])
    return response


@require_GET
def history_list(request: HttpRequest) -> HttpResponse:
    """Show the reader their reading history, each item deletable, and a delete-all button."""
    reader = reader_of(request)
    events = []
    if reader is not None:
        purge_expired_reading_events_of(reader)
        since = timezone.now() - conf.reading_history_window()
        events = list(reader.events().recent(since).select_related("article")[:500])
    context = {
        "events": events,
        "days": conf.reading_history_days(),
        "tracking_refused": refuses_tracking(request),
        "is_anonymous": not request.user.is_authenticated,
    }
    return _private(render(request, "recommendations/history.html", context))


@require_POST
def history_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    """Delete one item of the reader's history (someone else's gives 404)."""
    reader = reader_of(request)
    event = access_reading_event_by_reader(reader, event_id)  # 404 unless it is theirs
    forget_reading_history(event_owner(event), event_id=event.pk)
    return _private(redirect("recommendations:history_list"))


@require_POST
def history_clear(request: HttpRequest) -> HttpResponse:
    """Delete all of the reader's history: the account's and this browser's cookie's.

    A logged-in reader's browser may still carry the cookie of what they read before logging
    in; those rows and the cookie go too.
    """
    response = _private(redirect("recommendations:history_list"))
    forget_all_reading_history(readers_of(request))
    forget_visitor(response)
    return response
