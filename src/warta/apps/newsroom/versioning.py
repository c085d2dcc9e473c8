"""A shared counter that changes whenever anything a reader page shows may have changed.

Fragments that are the same for many pages (the section bar, an article's rails) are cached
under keys that carry this version, so a bump makes every copy unreachable at once, on every
app server that shares the cache. A warm process also keeps what it built for reader pages
(the site, the routed page, the rendered body) in memory under the version it read at the
start of the request (:func:`remember`), so a bump reaches those too.

It is bumped by any page save, publish, unpublish, move or delete, by any change to a view
restriction (``.public()`` reads them) or a site (page URLs depend on it), and by what article
pages show beside their own fields: topics, key points, images (and a deleted rendition), the
publication settings, and the name or deletion of a person who may be credited as author or
editor. Bumps are cheap; a stale page is a bug, so the net is wide on purpose.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "warta:newsroom:content-version"
#: Old versions are never read again; let them expire instead of piling up.
FRAGMENT_SECONDS = 24 * 60 * 60
#: What :func:`remember` keeps per thread before it starts again (a site has a few hundred
#: pages that are read often; the rest are rebuilt on demand).
REMEMBERED_ENTRIES = 2048
#: Fields of a person that reader pages show (display name, profile URL).
CREDITED_USER_FIELDS = frozenset({"first_name", "last_name", "username"})

_memory = threading.local()


def content_version(request: HttpRequest | None = None) -> int:
    """Return the shared content version (created on first use, so every process agrees).

    With a ``request`` it is read once and kept on the request, so every part of one page
    is built from the same version.
    """
    if request is not None:
        version = getattr(request, "_warta_content_version", None)
        if version is None:
            version = request._warta_content_version = content_version()  # type: ignore[attr-defined]
        return int(version)
    return int(cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None) or 0)


def remember[T](request: HttpRequest | None, key: Hashable, build: Callable[[], T]) -> T:
    """Return what ``build()`` returns for ``key`` under the current content version.

    Kept in this process (per thread) until the version changes, so whatever ``build`` reads
    must be covered by the version's bumps. Shared caches are for what many processes reuse;
    this is for objects (pages, settings) that cost more to unpickle than to keep.
    """
    version = content_version(request)
    if getattr(_memory, "version", None) != version:
        _memory.version = version
        _memory.values = {}
    values: dict[Hashable, Any] = _memory.values
    try:
        return values[key]  # type: ignore[no-any-return]
    except KeyError:
        pass
    value = build()
    if len(values) >= REMEMBERED_ENTRIES:
        values.clear()
    values[key] = value
    return value


def bump_content_version() -> None:
    """Make every fragment cached under the current version unreachable."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (evicted or never read): any new value will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def bump_now_and_on_commit() -> None:
    """Bump now, so this process sees the change at once, and again after commit, so no
    other process can cache the old rows under the new version."""
    bump_content_version()
    transaction.on_commit(bump_content_version)


def content_changed(
    sender: Any, instance: Any = None, created: bool = False, **kwargs: Any
) -> None:
    """Bump for a page, view restriction, site or anything an article page shows.

    A new publication settings row is the exception: ``for_site`` creates it with the
    defaults the first time a page of its site is rendered, so no page showed anything else.
    """
    from warta.apps.core.models import PublicationSettings

    if created and isinstance(instance, PublicationSettings):
        return
    if isinstance(instance, shown_types()):
        bump_now_and_on_commit()


def rendition_deleted(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    """Bump when a rendition goes: a cached page may point at its file. (A new rendition
    changes nothing already rendered, so creating one does not bump.)"""
    bump_now_and_on_commit()


def person_changed(
    sender: Any, created: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    """Bump when a person's credited name changes or they are deleted (``created`` is only
    passed by ``post_save``; a new account credits nothing yet). Log-ins, which save
    ``last_login`` only, do not bump."""
    if created:
        return
    if update_fields is not None and not CREDITED_USER_FIELDS & set(update_fields):
        return
    bump_now_and_on_commit()


def restriction_groups_changed(sender: Any, action: str = "", **kwargs: Any) -> None:
    """Bump when the groups of a group view restriction change."""
    if action.startswith("post_"):
        bump_now_and_on_commit()


@functools.cache
def shown_types() -> tuple[type, ...]:
    """Return the models whose rows reader pages show (or route by) beyond the page itself."""
    from warta.apps.core.models import PublicationSettings
    from warta.apps.newsroom.models import ArticleKeyPoint, Topic

    return (
        Page,
        PageViewRestriction,
        Site,
        Topic,
        ArticleKeyPoint,
        get_image_model(),
        PublicationSettings,
    )


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
    rendition = get_image_model().get_rendition_model()
    post_delete.connect(rendition_deleted, sender=rendition, dispatch_uid="warta-rendition-gone")
    user = get_user_model()
    post_save.connect(person_changed, sender=user, dispatch_uid="warta-person-saved")
    post_delete.connect(person_changed, sender=user, dispatch_uid="warta-person-deleted")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="warta-restriction-groups",
    )
