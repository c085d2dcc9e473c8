"""Background tasks: the retention purge, for publishers who schedule it through the worker."""

from __future__ import annotations

from django.tasks import task

from warta.apps.recommendations.actions import purge_expired_reading_events


@task()
def purge_reading_history() -> int:
    """Delete reading events past ``WARTA_READING_HISTORY_DAYS``; return how many."""
    return purge_expired_reading_events()
