"""The reader's language: Indonesian unless they chose English.

The language comes from, in order:

1. ``X-Warta-Language``, which nginx sets from the reader's cookie and browser (see
   ``deploy/nginx/warta.conf``) and also puts in its cache key. Taking the proxy's choice as
   it is means the copy nginx stores under "en" was rendered in English, whatever odd cookie
   or header the request that filled it carried.
2. The ``django_language`` cookie, set by the language switch (:func:`views.language_set`).
3. The browser's ``Accept-Language``, then ``LANGUAGE_CODE`` (Indonesian).

Every response varies on all three, so any cache that honours ``Vary`` keeps languages apart;
nginx ignores ``Vary`` and keys on the one language value instead.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

#: Set by the proxy in front (never trusted for anything but choosing a language).
PROXY_LANGUAGE_HEADER = "HTTP_X_WARTA_LANGUAGE"
VARY_HEADERS = ("Accept-Language", "Cookie", "X-Warta-Language")


def is_supported(code: str | None) -> bool:
    """Return whether ``code`` is exactly one of ``settings.LANGUAGES``."""
    return code is not None and code in dict(settings.LANGUAGES)


def language_for(request: HttpRequest) -> str:
    """Return the language to show ``request`` in (see the module docstring for the order)."""
    chosen = request.META.get(PROXY_LANGUAGE_HEADER)
    if is_supported(chosen):
        return str(chosen)
    # Django reads the cookie first, then Accept-Language, then LANGUAGE_CODE.
    return translation.get_language_from_request(request)


class LanguageMiddleware(LocaleMiddleware):
    """Django's locale middleware with the proxy's choice first and a complete ``Vary``."""

    def process_request(self, request: HttpRequest) -> None:
        translation.activate(language_for(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        # Django's version also looks for a language prefix in the path, for i18n_patterns,
        # which this site does not use (process_request never reads the path either); what
        # it does without one is this, in the same order.
        patch_vary_headers(response, VARY_HEADERS)
        response.headers.setdefault("Content-Language", translation.get_language())
        # The response is rendered by now (no view here streams translated text). Work done
        # later on this thread (the next request's early middleware, a task, a test) starts
        # from the site's language again instead of the last reader's.
        translation.deactivate()
        return response
