"""Cache headers for reader pages: shared caches may keep what every anonymous reader sees.

Article, home, section and topic pages are the same for every anonymous reader (personal parts
load as fragments), so a shared cache in front (nginx, a CDN) may keep them for a few minutes and
browsers for a minute. Everything else is left to its view, and anything personal is marked
``private, no-cache`` so no cache in between keeps it.

Settings (read on each response): ``WARTA_PAGE_MAX_AGE`` (browsers, 60 s),
``WARTA_PAGE_SHARED_MAX_AGE`` (shared caches, 300 s), ``WARTA_PUBLIC_CACHE_VIEWS`` (URL names
whose pages may be shared) and ``WARTA_PRIVATE_PATH_PREFIXES`` (never shared).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

PUBLIC_CACHE_VIEWS = ("wagtail_serve", "newsroom:topic_detail")
PRIVATE_PATH_PREFIXES = ("/admin/", "/akun/", "/menulis/", "/untuk-anda/")
# Cookies whose presence makes a page personal: the log-in session and flash messages
# ("Anda telah keluar") that the next page shows once.
MESSAGES_COOKIE_NAME = "messages"


class PageCacheMiddleware:
    """Mark anonymous reader pages cacheable by shared caches; mark personal ones private.

    Sits above the session, CSRF and message middleware so it sees their cookies and Vary
    headers on the way out.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_reader_page(request):
            return response
        if response.has_header("Cache-Control"):
            # The view decided (never_cache, cache_control, a redirect helper): respect it.
            return response
        if response.status_code != 200:
            # Errors and redirects are not kept: a 404 can become a page a minute later.
            return response
        if is_personal(request, response):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        patch_cache_control(
            response,
            public=True,
            max_age=int(getattr(settings, "WARTA_PAGE_MAX_AGE", 60)),
            s_maxage=int(getattr(settings, "WARTA_PAGE_SHARED_MAX_AGE", 300)),
        )
        return response


def is_reader_page(request: HttpRequest) -> bool:
    """Return whether ``request`` is a GET/HEAD of a page every reader may be shown alike."""
    if request.method not in ("GET", "HEAD"):
        return False
    prefixes = tuple(getattr(settings, "WARTA_PRIVATE_PATH_PREFIXES", PRIVATE_PATH_PREFIXES))
    # The admin, accounts, writing and For You areas are personal whatever their view says.
    if request.path.startswith(prefixes):
        return False
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    views = getattr(settings, "WARTA_PUBLIC_CACHE_VIEWS", PUBLIC_CACHE_VIEWS)
    return match.view_name in views


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Return whether this response may differ from what another anonymous reader gets.

    Checks the cookies before the user, so an anonymous request never loads a session (which
    would add ``Vary: Cookie``).
    """
    # A session cookie: logged in, or at least a session the page may read.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    # A pending flash message is shown on this page and then cleared.
    if MESSAGES_COOKIE_NAME in request.COOKIES:
        return True
    # Any cookie set on the way out would be handed to every reader of a shared copy.
    if response.cookies:
        return True
    # A page that embeds a CSRF token belongs to the holder of that token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    # Previews show unpublished revisions.
    if getattr(request, "is_preview", False):
        return True
    # Only when the user was already loaded by the view (other authentication backends).
    user = request.__dict__.get("_cached_user")
    return bool(user is not None and user.is_authenticated)
