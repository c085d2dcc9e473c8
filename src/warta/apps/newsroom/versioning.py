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

Where the version lives depends on the cache. A cache every process shares (Redis) holds it,
and a bump there reaches every process at once. Django's default local-memory cache is one per
process, so a bump there would reach no other gunicorn worker; then the version is a database
row (:class:`~warta.apps.newsroom.models.ContentVersion`), bumped after each commit and read
again by each process at most every :data:`STORED_VERSION_SECONDS`, plus a counter in the process
bumped at once, so the process that makes a change sees it at once, even before it commits (as
with the shared cache), and every other process within a second.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models import F
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

#: The primary key of the one :class:`ContentVersion` row.
ROW_ID = 1
#: Without a shared cache, how long a process uses the row's value before reading it again, so
#: another process's change shows here within this time. Reading it on every request would cost
#: a query where a remembered page otherwise reads no row, and on SQLite (a new connection per
#: request, which parses the whole schema first) more than rendering the page itself.
STORED_VERSION_SECONDS = 1.0
#: The clock for that (tests replace it).
monotonic = time.monotonic

_memory = threading.local()
#: Bumps made by this process, counted at once (see :func:`bump_now_and_on_commit`) when the
#: version is the database row; part of the version this process sees.
_local_bumps = 0
#: The row's value and when this process read it.
_stored: tuple[int, float] | None = None


def is_cache_shared() -> bool:
    """Return whether Django's default cache is one every process reads (not per process)."""
    return not isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache | DummyCache)


def content_version(request: HttpRequest | None = None) -> int:
    """Return the content version every process agrees on (created on first use).

    With a ``request`` it is read once and kept on the request, so every part of one page
    is built from the same version.
    """
    if request is not None:
        version = getattr(request, "_warta_content_version", None)
        if version is None:
            version = request._warta_content_version = content_version()  # type: ignore[attr-defined]
        return int(version)
    if is_cache_shared():
        return int(cache.get_or_set(VERSION_KEY, time.time_ns, timeout=None) or 0)
    # The row may have been bumped by another process; this process's own bumps are added
    # (in 32 bits) so that it sees them before they are committed.
    return (recent_stored_version() << 32) + _local_bumps


def recent_stored_version() -> int:
    """Return the row's value as this process read it at most ``STORED_VERSION_SECONDS`` ago."""
    global _stored
    now = monotonic()
    stored = _stored
    if stored is None or not 0 <= now - stored[1] < STORED_VERSION_SECONDS:
        stored = _stored = (stored_version(), now)
    return stored[0]


def forget_stored_version() -> None:
    """Make the next :func:`content_version` read the row again."""
    global _stored
    _stored = None


def stored_version() -> int:
    """Return the version in the database row, creating the row if it is missing."""
    from warta.apps.newsroom.models import ContentVersion

    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {table} WHERE id = %s", [ROW_ID])  # noqa: S608
        row = cursor.fetchone()
    if row is not None:
        return int(row[0])
    # A new value, never used before, so nothing kept under an old one can match it; two
    # processes creating it at once agree on whichever row was inserted first.
    ContentVersion.objects.bulk_create(
        [ContentVersion(pk=ROW_ID, value=time.time_ns())], ignore_conflicts=True
    )
    return int(ContentVersion.objects.values_list("value", flat=True).get(pk=ROW_ID))


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
    """Make every fragment cached under the current version unreachable, in every process."""
    if not is_cache_shared():
        bump_stored_version()
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (evicted or never read): any new value will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def bump_stored_version() -> None:
    """Add one to the version in the database row (a new row if it is missing)."""
    from warta.apps.newsroom.models import ContentVersion

    if not ContentVersion.objects.filter(pk=ROW_ID).update(value=F("value") + 1):
        stored_version()
    forget_stored_version()  # this process sees its own commits at once


def bump_in_this_process() -> None:
    """Change the version this process sees, and no other (a database row is not written)."""
    global _local_bumps
    _local_bumps = (_local_bumps + 1) % (1 << 32)


def bump_now_and_on_commit() -> None:
    """Bump now, so this process sees the change at once, and again after commit, so no
    other process can cache the old rows under the new version.

    Without a shared cache the bump now stays in this process: writing the database row
    inside the transaction would lock it until commit, making every concurrent change wait
    for this one (and two changes touching the same rows in opposite orders deadlock).
    """
    bump_now()
    transaction.on_commit(bump_content_version)


def bump_now() -> None:
    """Change the version this process sees at once, without writing the database.

    With a shared cache that is the shared version (every process sees it); without one,
    only this process's part of it.
    """
    if is_cache_shared():
        bump_content_version()
    else:
        bump_in_this_process()


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
