"""The installable app: web manifest, service worker and the offline page."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from warta.apps.core.models import PublicationSettings

THEME_COLOR = "#b3121f"
BACKGROUND_COLOR = "#ffffff"
OFFLINE_PATH = "/offline/"
# Never stored by the service worker: personal, editorial or always-fresh areas.
NEVER_CACHED_PATHS = ("/admin/", "/menulis/", "/akun/", "/untuk-anda/", "/api/")
MAX_CACHED_PAGES = 60
MAX_CACHED_ASSETS = 120
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@require_safe
@cache_control(public=True, max_age=3600)
def manifest(request: HttpRequest) -> JsonResponse:
    """Serve /manifest.webmanifest so browsers can install the site as an app."""
    publication = PublicationSettings.for_request(request)
    icons = []
    for size in (192, 512):
        icons.append(icon(f"distribution/icons/icon-{size}.png", size, "any"))
        icons.append(icon(f"distribution/icons/maskable-{size}.png", size, "maskable"))
    data = {
        "id": "/",
        "name": publication.publication_name,
        "short_name": publication.publication_name[:12],
        "description": publication.tagline,
        "lang": "id",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "categories": ["news"],
        "icons": icons,
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


def icon(path: str, size: int, purpose: str) -> dict[str, str]:
    """Return one manifest icon entry."""
    return {"src": static(path), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}


def service_worker_config() -> dict[str, object]:
    """Return the settings the service worker script is rendered with."""
    return {
        "precache": ["/", OFFLINE_PATH],
        "offlineUrl": OFFLINE_PATH,
        "offlineText": _("Anda sedang offline"),
        "neverCache": list(NEVER_CACHED_PATHS),
        "assetPrefixes": [settings.STATIC_URL, settings.MEDIA_URL],
        "maxPages": MAX_CACHED_PAGES,
        "maxAssets": MAX_CACHED_ASSETS,
    }


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """Serve /sw.js from the root so it may control every page.

    ``no-cache`` makes browsers revalidate on every update check; the version is a
    hash of the configuration and the script, so any change to either installs anew.
    """
    config = service_worker_config()
    source_hash = hashlib.sha256(
        json.dumps(config, sort_keys=True).encode()
        + render_to_string("distribution/sw.js", {"config_json": "", "version": ""}).encode()
    ).hexdigest()[:12]
    config["version"] = source_hash
    config_json = json.dumps(config, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    body = render_to_string(
        "distribution/sw.js",
        {"config_json": mark_safe(config_json), "version": source_hash},  # noqa: S308
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
@cache_control(public=True, max_age=3600)
def offline(request: HttpRequest) -> HttpResponse:
    """Serve the page the service worker shows for pages not saved on the device."""
    return render(request, "distribution/offline.html")
