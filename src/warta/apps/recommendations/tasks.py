"""Background tasks: the nightly retention purge, which queues its own next run."""

from __future__ import annotations

from django.tasks import task

from warta.apps.recommendations.actions import purge_expired_reading_events


@task()
def purge_reading_history() -> int:
    """Delete reading events past ``WARTA_READING_HISTORY_DAYS``; return how many.

    Queues the next night's run before returning (see ``scheduling``), so the purge keeps
    running daily for as long as the worker does.
    """
    from warta.apps.recommendations.scheduling import ensure_purge_scheduled

    deleted = purge_expired_reading_events()
    ensure_purge_scheduled()
    return deleted
