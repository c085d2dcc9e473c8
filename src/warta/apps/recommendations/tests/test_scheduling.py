"""The nightly retention purge keeps itself queued in the database task worker."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from warta.apps.newsroom.tests.factories import make_article
from warta.apps.recommendations.models import ReadingEvent
from warta.apps.recommendations.scheduling import ensure_purge_scheduled, next_purge_at
from warta.apps.recommendations.tasks import purge_reading_history
from warta.apps.recommendations.tests.helpers import beacon

pytestmark = pytest.mark.django_db

WIB = timezone.get_fixed_timezone(7 * 60)


@pytest.fixture
def database_tasks(settings):
    """Use the real database task backend (the test settings run tasks immediately)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queued() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            task_path=purge_reading_history.module_path, status=TaskResultStatus.READY
        )
    )


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 26, 2, 59, tzinfo=WIB), datetime(2026, 11, 26, 3, 0, tzinfo=WIB)),
        (datetime(2026, 11, 26, 3, 0, tzinfo=WIB), datetime(2026, 11, 27, 3, 0, tzinfo=WIB)),
        # 23:30 UTC is already 06:30 the next morning in Jakarta
        (datetime(2026, 11, 26, 23, 30, tzinfo=UTC), datetime(2026, 11, 28, 3, 0, tzinfo=WIB)),
        (datetime(2026, 12, 31, 20, 0, tzinfo=WIB), datetime(2027, 1, 1, 3, 0, tzinfo=WIB)),
    ],
)
def test_next_purge_is_the_next_3am_in_jakarta(now, expected):
    assert next_purge_at(now) == expected


def test_purge_hour_is_configurable(settings):
    settings.WARTA_PURGE_HOUR = 22
    now = datetime(2026, 11, 26, 21, 0, tzinfo=WIB)
    assert next_purge_at(now) == datetime(2026, 11, 26, 22, 0, tzinfo=WIB)


def test_one_purge_is_queued_however_often_it_is_ensured(database_tasks):
    now = datetime(2026, 11, 26, 12, 0, tzinfo=WIB)
    assert ensure_purge_scheduled(now=now) == datetime(2026, 11, 27, 3, 0, tzinfo=WIB)
    assert ensure_purge_scheduled(now=now) is None
    (queued,) = _queued()
    assert queued.run_after == datetime(2026, 11, 27, 3, 0, tzinfo=WIB)


def test_migrate_starts_the_chain(database_tasks):
    DBTaskResult.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert len(_queued()) == 1


def test_nothing_is_queued_on_a_backend_that_cannot_be_asked():
    # the test settings' ImmediateBackend cannot defer; nothing may run the purge right away
    assert ensure_purge_scheduled() is None
    assert _queued() == []


# the worker closes database connections between tasks, so this test needs real commits
@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_purge_and_queues_the_next_night(database_tasks, settings):
    settings.WARTA_READING_HISTORY_DAYS = 1
    beacon(Client(), make_article().pk)
    then = timezone.now() - timedelta(days=2)
    ReadingEvent.objects.update(first_read_at=then, read_at=then)
    ensure_purge_scheduled()
    (due,) = _queued()
    DBTaskResult.objects.filter(pk=due.pk).update(run_after=timezone.now() - timedelta(minutes=1))

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    due.refresh_from_db()
    assert due.status == TaskResultStatus.SUCCESSFUL
    assert not ReadingEvent.objects.exists()
    (following,) = _queued()
    assert following.pk != due.pk
    assert following.run_after == next_purge_at(timezone.now())


def _make_due(result: DBTaskResult) -> None:
    DBTaskResult.objects.filter(pk=result.pk).update(
        run_after=timezone.now() - timedelta(minutes=1)
    )


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_failed_purge_still_queues_the_next_night(database_tasks, monkeypatch):
    from warta.apps.recommendations import tasks

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(tasks, "purge_expired_reading_events", broken)
    ensure_purge_scheduled()
    (due,) = _queued()
    _make_due(due)

    _run_worker()

    due.refresh_from_db()
    assert due.status == TaskResultStatus.FAILED
    (following,) = _queued()  # the chain goes on: tomorrow's run is waiting
    assert following.run_after == next_purge_at(timezone.now())


@pytest.mark.django_db(transaction=True)
def test_two_processes_ensuring_at_once_cost_one_idle_run(database_tasks, monkeypatch, settings):
    from warta.apps.recommendations import scheduling

    # Two processes (two migrates) both check "nothing waiting" before either enqueues: the
    # second one's whole ensure runs between the first one's check and its enqueue.
    real_next = scheduling.next_purge_at
    raced = []

    def racing_next(now):
        if not raced:
            raced.append(1)
            ensure_purge_scheduled(now=now)
        return real_next(now)

    monkeypatch.setattr(scheduling, "next_purge_at", racing_next)
    ensure_purge_scheduled()
    monkeypatch.undo()
    runs = _queued()
    assert len(runs) == 2  # tolerated, not prevented

    settings.WARTA_READING_HISTORY_DAYS = 1
    beacon(Client(), make_article().pk)
    then = timezone.now() - timedelta(days=2)
    ReadingEvent.objects.update(first_read_at=then, read_at=then)
    for run in runs:
        _make_due(run)

    _run_worker()

    results = DBTaskResult.objects.filter(pk__in=[run.pk for run in runs])
    assert {r.status for r in results} == {TaskResultStatus.SUCCESSFUL}
    # one run purged; the other found that purge finished within the hour and did nothing
    assert sorted(r.task_result.return_value is None for r in results) == [False, True]
    assert not ReadingEvent.objects.exists()
    # and the chain is back to a single run for the next night
    (following,) = _queued()
    assert following.run_after == next_purge_at(timezone.now())
