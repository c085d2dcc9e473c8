"""Feed views: /feed/<format>/, /feed/rubrik/<slug>/<format>/, /feed/topik/<slug>/<format>/."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import feedgenerator
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from warta.apps.core.models import PublicationSettings
from warta.apps.distribution.feeds import (
    FeedChannel,
    build_entries,
    json_feed,
    section_channel,
    site_channel,
    syndication_feed,
    topic_channel,
)
from warta.apps.newsroom.models import SectionPage, Topic

FEED_MAX_AGE = 300
SYNDICATION_CLASSES: dict[str, type[feedgenerator.SyndicationFeed]] = {
    "rss": feedgenerator.Rss201rev2Feed,
    "atom": feedgenerator.Atom1Feed,
}
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


def render_feed(request: HttpRequest, channel: FeedChannel, fmt: str) -> HttpResponse:
    """Return ``channel`` as an RSS, Atom or JSON Feed response."""
    if fmt not in CONTENT_TYPES:
        raise Http404("unknown feed format")
    entries = build_entries(request, channel)
    if fmt == "json":
        body = json.dumps(json_feed(request, channel, entries), ensure_ascii=False, indent=1)
    else:
        feed = syndication_feed(SYNDICATION_CLASSES[fmt], request, channel, entries, fmt)
        body = feed.writeString("utf-8")
    return HttpResponse(body, content_type=CONTENT_TYPES[fmt])


def feed_view(view):  # type: ignore[no-untyped-def]
    """Apply what every feed shares: GET/HEAD only, public caching, ETag and 304s."""
    return require_safe(conditional_page(cache_control(public=True, max_age=FEED_MAX_AGE)(view)))


@feed_view
def site_feed(request: HttpRequest, fmt: str) -> HttpResponse:
    """Serve the feed of the whole site."""
    publication = PublicationSettings.for_request(request)
    return render_feed(request, site_channel(request, publication), fmt)


@feed_view
def section_feed(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """Serve the feed of one section."""
    section = get_object_or_404(SectionPage.objects.live().public(), slug=slug)
    publication = PublicationSettings.for_request(request)
    return render_feed(request, section_channel(request, publication, section), fmt)


@feed_view
def topic_feed(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """Serve the feed of one topic."""
    topic = get_object_or_404(Topic, slug=slug)
    publication = PublicationSettings.for_request(request)
    return render_feed(request, topic_channel(request, publication, topic), fmt)
