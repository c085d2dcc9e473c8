"""Publish and expire scheduled pages every minute from the task worker, so no cron is needed.

An editor who sets "go live at" (or "expire at") approves a revision that Wagtail publishes
only when something runs its ``publish_scheduled`` command. Here the worker does: the
:func:`~warta.apps.newsroom.tasks.publish_scheduled_pages` task queues its own next run a
minute ahead *before* it does any work, so a run that fails (or a worker killed mid-run)
still leaves the next one queued. :func:`ensure_publishing_scheduled` starts the chain after
every ``migrate`` and whenever an editor schedules a page, and mends it if a queued run was
lost. If two chains ever exist (two ``migrate`` at once), a run that finds another run
already queued queues none, so they merge into one.

Each run deletes this task's old result rows, so a run a minute does not pile up rows.

Only the database task backend can be asked what is queued; with another backend, run
``warta manage publish_scheduled`` every minute from the system's scheduler instead.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

from warta.apps.core.task_results import stored_results

logger = logging.getLogger(__name__)

#: How often the worker looks for pages whose time has come.
INTERVAL = timedelta(minutes=1)
#: How long finished runs stay visible (e.g. in the admin's task list) before they are deleted.
KEEP_SUCCESSFUL = timedelta(hours=1)
KEEP_FAILED = timedelta(days=1)
#: A run takes seconds; one still marked running after this was killed with its worker.
KEEP_RUNNING = timedelta(days=1)


class ScheduledPublishingError(Exception):
    """Some scheduled objects could not be published or expired (the rest were)."""


def _runs() -> Any:
    """Return this task's result rows, or ``None`` when the backend keeps no rows."""
    from warta.apps.newsroom.tasks import publish_scheduled_pages

    return stored_results(publish_scheduled_pages)


def ensure_publishing_scheduled(*, run_after: datetime | None = None) -> datetime | None:
    """Queue a run at ``run_after`` (default: now) unless one is already waiting.

    Returns when the queued run will start, or ``None`` when nothing was queued: a run is
    already waiting, or the task backend cannot defer work or be asked what is queued.
    """
    from warta.apps.newsroom.tasks import publish_scheduled_pages

    runs = _runs()
    if runs is None or runs.filter(status=TaskResultStatus.READY).exists():
        return None
    run_after = run_after or timezone.now()
    publish_scheduled_pages.using(run_after=run_after).enqueue()
    return run_after


def delete_old_runs(*, now: datetime | None = None) -> int:
    """Delete this task's finished result rows past their keeping time; return how many."""
    runs = _runs()
    if runs is None:
        return 0
    now = now or timezone.now()
    deleted, _ = runs.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - KEEP_SUCCESSFUL
    ).delete()
    failed, _ = runs.filter(
        status=TaskResultStatus.FAILED, finished_at__lt=now - KEEP_FAILED
    ).delete()
    stuck, _ = runs.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - KEEP_RUNNING
    ).delete()
    return deleted + failed + stuck


def _draft_state_models() -> list[type]:
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def publish_due(*, now: datetime | None = None) -> int:
    """Do what Wagtail's ``publish_scheduled`` command does; return how many objects changed.

    First unpublish live objects past their expiry, then publish revisions approved to go
    live before now, oldest first, with Wagtail's own log actions. Unlike the command, each
    object is handled in its own transaction and a failure is logged and skipped, so one
    broken page does not hold back the others; :class:`ScheduledPublishingError` is raised
    at the end so the run is recorded as failed.
    """
    now = now or timezone.now()
    failures: list[str] = []
    changed = 0
    for model in _draft_state_models():
        expired = list(model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at"))
        for obj in expired:
            try:
                with transaction.atomic():
                    obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                changed += 1
            except Exception:
                logger.exception("Could not expire %s %s", model.__name__, obj.pk)
                failures.append(f"expire {model._meta.label} {obj.pk}")
    due = Revision.objects.filter(approved_go_live_at__lt=now).order_by("approved_go_live_at")
    for revision in list(due):
        try:
            with transaction.atomic():
                revision.publish(log_action="wagtail.publish.scheduled")
            changed += 1
        except Exception:
            logger.exception("Could not publish revision %s", revision.pk)
            failures.append(f"publish revision {revision.pk}")
    if failures:
        raise ScheduledPublishingError("; ".join(failures))
    return changed


def run_scheduled_publishing() -> int:
    """Queue the next run, delete old runs, then publish what is due; return how many changed."""
    ensure_publishing_scheduled(run_after=timezone.now() + INTERVAL)
    delete_old_runs()
    return publish_due()


def page_scheduled(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Mend the chain when an editor publishes a page with a go-live or expiry time."""
    if getattr(instance, "go_live_at", None) or getattr(instance, "expire_at", None):
        transaction.on_commit(ensure_publishing_scheduled)
