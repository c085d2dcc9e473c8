"""Every write a reader (or the clock) causes on reading events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from warta.apps.recommendations import conf
from warta.apps.recommendations.models import ReadingEvent
from warta.apps.recommendations.readers import ReaderKey


def record_reading(
    reader: ReaderKey, article_id: int, depth: int, *, now: datetime | None = None
) -> None:
    """Record that ``reader`` has ``article_id`` open and has read ``depth`` percent of it.

    One row per reader and article: a later read moves ``read_at`` and keeps the deepest
    depth. The caller checked consent (DNT / GPC) and that the article is published.
    """
    now = now or timezone.now()
    depth = min(max(int(depth), 0), 100)
    events = reader.events().filter(article_id=article_id)
    if events.update(read_at=now, depth=Greatest(F("depth"), depth)):
        return
    try:
        with transaction.atomic():
            ReadingEvent.objects.create(
                article_id=article_id,
                depth=depth,
                first_read_at=now,
                read_at=now,
                **reader.owner_fields(),
            )
    except IntegrityError:
        # A second beacon of the same page raced us to the insert; fold into its row.
        events.update(read_at=now, depth=Greatest(F("depth"), depth))


def forget_reading_history(reader: ReaderKey, *, event_id: int | None = None) -> int:
    """Delete the reader's reading history (all of it, or one event); return rows deleted.

    The rows are deleted, not hidden: nothing of them is left for the recommender.
    """
    events = reader.events()
    if event_id is not None:
        events = events.filter(pk=event_id)
    deleted, _ = events.delete()
    return deleted


def forget_all_reading_history(readers: Iterable[ReaderKey]) -> int:
    """Delete all reading history of each of ``readers`` in one transaction; return rows deleted.

    Used for "Hapus semua": a logged-in reader's account and the anonymous cookie of the
    browser they use (rows recorded before they logged in).
    """
    with transaction.atomic():
        return sum(forget_reading_history(reader) for reader in readers)


def purge_expired_reading_events(*, now: datetime | None = None) -> int:
    """Delete every reading event older than ``WARTA_READING_HISTORY_DAYS``; return how many."""
    cutoff = (now or timezone.now()) - conf.reading_history_window()
    deleted, _ = ReadingEvent.objects.expired(cutoff).delete()
    return deleted


def purge_expired_reading_events_of(reader: ReaderKey, *, now: datetime | None = None) -> int:
    """Delete this reader's expired events (purge-on-read, before their history is used)."""
    cutoff = (now or timezone.now()) - conf.reading_history_window()
    deleted, _ = reader.events().expired(cutoff).delete()
    return deleted
