"""Serve reader pages with the site and the route remembered per content version.

Wagtail looks the site up (one query) and walks the path from the site root (a query per
level) on every request, then reads the page's view restrictions (two more). All of it
depends only on the host, the path, pages, sites and view restrictions, and a change to any
of those bumps the content version, so a warm process answers from memory
(:func:`~warta.apps.newsroom.versioning.remember`) and Wagtail's own view does the rest:
the restriction check, the hooks and ``page.serve``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from warta.apps.newsroom.models import ArticlePage, HomePage, ReaderPage, SectionPage
from warta.apps.newsroom.versioning import remember

#: Page types whose ``route`` reads nothing from the request but the path.
REMEMBERED_TYPES = (HomePage, SectionPage, ArticlePage)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Serve the page at ``path`` like ``wagtail.views.serve``, routed from memory if warm."""
    key = ("route", request._get_raw_host(), request.get_port(), path)  # type: ignore[attr-defined]
    remembered = remember(request, key, lambda: find_route(request, path))
    if remembered is not None:
        # Wagtail's view and templates read these instead of looking again.
        request._wagtail_site, request._wagtail_route_for_request = remembered  # type: ignore[attr-defined]
    return wagtail_views.serve(request, path)


def find_route(request: HttpRequest, path: str) -> tuple[Site, Any] | None:
    """Route ``path`` as Wagtail does; return (site, route) when it may be remembered.

    A route to a page of another type, or with arguments, is left to Wagtail each time.
    """
    site = Site.find_for_request(request)
    route = Page.route_for_request(request, path)
    if site is None or route is None:
        return None
    page, args, kwargs = route
    if args or kwargs or type(page) not in REMEMBERED_TYPES:
        return None
    assert isinstance(page, ReaderPage)
    page.remember_view_restrictions()
    return site, route
