"""Keep one nightly retention purge queued in the task worker, so a publisher needs no cron.

The purge task queues its own next run first thing (so a failed purge does not end the chain),
and :func:`ensure_purge_scheduled` (run after every ``migrate``) starts the chain on a new site
and mends it if a queued run was lost. Only the database task backend can be asked what is
queued; with another backend, schedule ``warta manage purge_reading_history`` in the system's
scheduler instead.

Duplicates are tolerated rather than locked out: two processes ensuring at the same moment
(two ``migrate`` runs, say) can both see nothing waiting and both queue a run. That costs one
extra run and heals by itself: a run that finds a purge finished within
:data:`DUPLICATE_WINDOW` does nothing (:func:`purged_recently`), and a run queues its successor
only when none is waiting, so the night after there is one run again. No lock row, no
database-specific locking, and the same behaviour on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.tasks import TaskResultStatus
from django.utils import timezone

from warta.apps.core.task_results import stored_results
from warta.apps.recommendations import conf

#: a purge that finished this recently makes another run of it a duplicate
DUPLICATE_WINDOW = timedelta(hours=1)


def next_purge_at(now: datetime) -> datetime:
    """Return the first ``WARTA_PURGE_HOUR`` o'clock (site time, WIB) strictly after ``now``."""
    local = timezone.localtime(now)
    run = local.replace(hour=conf.purge_hour(), minute=0, second=0, microsecond=0)
    if run <= local:
        run += timedelta(days=1)
    return run


def ensure_purge_scheduled(*, now: datetime | None = None) -> datetime | None:
    """Queue the next nightly purge unless one is already waiting; return when it will run.

    Returns ``None`` when nothing was queued: a run is already waiting, or the task backend
    cannot defer work or cannot be asked what is queued. Two simultaneous calls may both queue
    a run; see the module docstring for why that is harmless.
    """
    from warta.apps.recommendations.tasks import purge_reading_history

    runs = stored_results(purge_reading_history)
    if runs is None or runs.filter(status=TaskResultStatus.READY).exists():
        return None
    run_after = next_purge_at(now or timezone.now())
    purge_reading_history.using(run_after=run_after).enqueue()
    return run_after


def purged_recently(*, now: datetime | None = None) -> bool:
    """Return whether a run of the purge task finished successfully within the last hour.

    Always False with a task backend that keeps no results (nothing to be a duplicate of).
    """
    from warta.apps.recommendations.tasks import purge_reading_history

    runs = stored_results(purge_reading_history)
    if runs is None:
        return False
    since = (now or timezone.now()) - DUPLICATE_WINDOW
    return runs.filter(status=TaskResultStatus.SUCCESSFUL, finished_at__gte=since).exists()
