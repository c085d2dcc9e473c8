"""Settings of the recommendations app, read lazily so tests and publishers can change them."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

#: the anonymous reader's first-party cookie; scoped to /untuk-anda/ so it never reaches the
#: cacheable article and home pages
VISITOR_COOKIE = "warta_pembaca"
VISITOR_COOKIE_PATH = "/untuk-anda/"


def reading_history_days() -> int:
    """Return how many days a reading event is kept (``WARTA_READING_HISTORY_DAYS``, 90)."""
    return max(int(getattr(settings, "WARTA_READING_HISTORY_DAYS", 90)), 1)


def reading_history_window() -> timedelta:
    return timedelta(days=reading_history_days())


def purge_hour() -> int:
    """Return the hour (site time, WIB) of the nightly purge (``WARTA_PURGE_HOUR``, 3)."""
    return min(max(int(getattr(settings, "WARTA_PURGE_HOUR", 3)), 0), 23)


def popular_window() -> timedelta:
    """Return how far back "Populer sekarang" counts readers (``WARTA_POPULAR_DAYS``, 3)."""
    return timedelta(days=max(float(getattr(settings, "WARTA_POPULAR_DAYS", 3)), 0.01))


def popular_cache_seconds() -> int:
    """Return how long per-article reader counts are cached (``WARTA_POPULAR_CACHE_SECONDS``)."""
    return max(int(getattr(settings, "WARTA_POPULAR_CACHE_SECONDS", 300)), 0)


def use_embeddings() -> bool:
    """Return whether the index also uses sentence embeddings (``WARTA_FORYOU_EMBEDDINGS``).

    Off by default: TF-IDF alone needs no model load at start-up and rebuilds in a blink.
    """
    return bool(getattr(settings, "WARTA_FORYOU_EMBEDDINGS", False))
