"""A shared counter that changes whenever what readers can reach may have changed.

Fragments that are the same for many pages (the section bar, an article's rails) are cached
under keys that carry this version, so a bump makes every copy unreachable at once, on every
app server that shares the cache. It is bumped by any page save, publish, unpublish, move or
delete, by any change to a view restriction (``.public()`` reads them) and to a site (page
URLs depend on it). Bumps are cheap; a stale rail is a bug, so the net is wide on purpose.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "warta:newsroom:content-version"
#: Old versions are never read again; let them expire instead of piling up.
FRAGMENT_SECONDS = 24 * 60 * 60


def content_version() -> int:
    """Return the shared content version (created on first use, so every process agrees)."""
    return int(cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None) or 0)


def bump_content_version() -> None:
    """Make every fragment cached under the current version unreachable."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (evicted or never read): any new value will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    """Bump now, so this process sees the change at once, and again after commit, so no
    other process can cache the old rows under the new version."""
    if isinstance(instance, Page | PageViewRestriction | Site):
        bump_content_version()
        transaction.on_commit(bump_content_version)


def connect() -> None:
    """Connect the handlers (called once from ``NewsroomConfig.ready``)."""
    signals = {
        "saved": post_save,
        "deleted": post_delete,
        "published": page_published,
        "unpublished": page_unpublished,
        "moved": post_page_move,
    }
    for name, signal in signals.items():
        signal.connect(content_changed, dispatch_uid=f"warta-newsroom-content-{name}")
