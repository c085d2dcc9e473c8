"""Scheduled pages go live (and expire) from the task worker, which keeps itself queued."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

from warta.apps.newsroom import scheduling
from warta.apps.newsroom.models import ArticlePage
from warta.apps.newsroom.scheduling import (
    KEEP_FAILED,
    KEEP_SUCCESSFUL,
    delete_old_runs,
    ensure_publishing_scheduled,
)
from warta.apps.newsroom.tasks import publish_scheduled_pages
from warta.apps.newsroom.tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    """Use the real database task backend (the test settings run tasks immediately)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _runs(status: str | None = None) -> list[DBTaskResult]:
    rows = DBTaskResult.objects.filter(task_path=publish_scheduled_pages.module_path)
    if status:
        rows = rows.filter(status=status)
    return list(rows.order_by("enqueued_at", "id"))


def _schedule(title: str, *, hours: float = 2) -> ArticlePage:
    """Publish a new article with a go-live time ``hours`` from now, as an editor would."""
    page = make_article(title=title, publish=False)
    page.go_live_at = timezone.now() + timedelta(hours=hours)
    page.save_revision().publish()
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live
    return page


def _make_due(page: ArticlePage) -> None:
    """Move the go-live time of ``page`` a minute into the past, as if that minute came."""
    past = timezone.now() - timedelta(minutes=1)
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)):
        revision.content["go_live_at"] = past.isoformat()
        Revision.objects.filter(pk=revision.pk).update(
            content=revision.content,
            approved_go_live_at=past if revision.approved_go_live_at else None,
        )
    ArticlePage.objects.filter(pk=page.pk).update(go_live_at=past)


def _run_due_runs() -> None:
    """Let the worker run every run that is due now (as ``warta manage db_worker`` does)."""
    for run in _runs(TaskResultStatus.READY):
        DBTaskResult.objects.filter(pk=run.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_a_page_past_its_go_live_time_is_published_when_the_task_runs(client):
    page = _schedule("Terbit terjadwal")
    assert client.get(page.url).status_code == 404
    assert publish_scheduled_pages.call() == 0  # not due yet
    assert not ArticlePage.objects.get(pk=page.pk).live

    _make_due(page)
    assert publish_scheduled_pages.call() == 1
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live
    assert "Terbit terjadwal" in client.get(page.url).content.decode()


def test_a_page_past_its_expiry_is_unpublished_when_the_task_runs():
    page = make_article(title="Kedaluwarsa")
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert publish_scheduled_pages.call() == 1
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live
    assert page.expired


def test_one_page_that_fails_does_not_hold_back_the_others(monkeypatch):
    first, second = _schedule("Pertama", hours=1), _schedule("Kedua", hours=2)
    _make_due(first)
    _make_due(second)
    publish = Revision.publish

    def publish_all_but_first(revision, *args, **kwargs):
        if revision.object_id == str(first.pk):
            raise RuntimeError("broken page")
        return publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish_all_but_first)
    with pytest.raises(scheduling.ScheduledPublishingError, match="publish revision"):
        publish_scheduled_pages.call()
    assert not ArticlePage.objects.get(pk=first.pk).live
    assert ArticlePage.objects.get(pk=second.pk).live


def test_one_run_is_queued_however_often_it_is_ensured(database_tasks):
    DBTaskResult.objects.all().delete()
    assert ensure_publishing_scheduled() is not None
    assert ensure_publishing_scheduled() is None
    assert len(_runs(TaskResultStatus.READY)) == 1


def test_migrate_starts_the_chain(database_tasks):
    DBTaskResult.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert len(_runs(TaskResultStatus.READY)) == 1


def test_scheduling_a_page_mends_a_lost_chain(database_tasks, django_capture_on_commit_callbacks):
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        _schedule("Dijadwalkan")
    assert len(_runs(TaskResultStatus.READY)) == 1


def test_nothing_is_queued_on_a_backend_that_cannot_be_asked():
    # the test settings' ImmediateBackend cannot defer; nothing may loop on it
    assert ensure_publishing_scheduled() is None
    assert _runs() == []


# the worker closes database connections between tasks, so these tests need real commits
@pytest.mark.django_db(transaction=True)
def test_the_worker_publishes_a_due_page_and_queues_the_next_run(database_tasks):
    page = _schedule("Lewat pekerja")
    _make_due(page)
    DBTaskResult.objects.all().delete()
    ensure_publishing_scheduled()
    (due,) = _runs(TaskResultStatus.READY)

    _run_due_runs()

    assert ArticlePage.objects.get(pk=page.pk).live
    due.refresh_from_db()
    assert due.status == TaskResultStatus.SUCCESSFUL
    (following,) = _runs(TaskResultStatus.READY)
    assert following.pk != due.pk
    assert following.run_after > timezone.now()
    assert following.run_after <= timezone.now() + scheduling.INTERVAL


@pytest.mark.django_db(transaction=True)
def test_the_chain_queues_the_next_run_even_when_a_run_fails(database_tasks, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(scheduling, "publish_due", fail)
    DBTaskResult.objects.all().delete()
    ensure_publishing_scheduled()

    _run_due_runs()
    _run_due_runs()

    failed = _runs(TaskResultStatus.FAILED)
    assert len(failed) == 2
    assert failed[0].exception_class_path == "builtins.RuntimeError"
    assert len(_runs(TaskResultStatus.READY)) == 1

    monkeypatch.undo()
    page = _schedule("Setelah gangguan")
    _make_due(page)
    _run_due_runs()
    assert ArticlePage.objects.get(pk=page.pk).live


@pytest.mark.django_db(transaction=True)
def test_two_chains_merge_into_one(database_tasks):
    DBTaskResult.objects.all().delete()
    publish_scheduled_pages.enqueue()
    publish_scheduled_pages.enqueue()  # e.g. two `migrate` at once
    _run_due_runs()
    assert len(_runs(TaskResultStatus.SUCCESSFUL)) == 2
    assert len(_runs(TaskResultStatus.READY)) == 1


def test_old_finished_runs_are_deleted(database_tasks):
    DBTaskResult.objects.all().delete()
    now = timezone.now()
    rows = {}
    for name, status, age in [
        ("old_success", TaskResultStatus.SUCCESSFUL, KEEP_SUCCESSFUL + timedelta(minutes=1)),
        ("recent_success", TaskResultStatus.SUCCESSFUL, KEEP_SUCCESSFUL - timedelta(minutes=1)),
        ("old_failure", TaskResultStatus.FAILED, KEEP_FAILED + timedelta(minutes=1)),
        ("recent_failure", TaskResultStatus.FAILED, KEEP_FAILED - timedelta(minutes=1)),
        ("waiting", TaskResultStatus.READY, KEEP_FAILED * 2),
    ]:
        result = publish_scheduled_pages.enqueue()
        row = DBTaskResult.objects.get(pk=result.id)
        finished = now - age if status != TaskResultStatus.READY else None
        DBTaskResult.objects.filter(pk=row.pk).update(
            status=status, started_at=finished, finished_at=finished
        )
        rows[name] = row.pk
    other = DBTaskResult.objects.get(pk=publish_scheduled_pages.enqueue().id)
    DBTaskResult.objects.filter(pk=other.pk).update(
        task_path="warta.apps.recommendations.tasks.purge_reading_history",
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=now - timedelta(days=30),
    )

    assert delete_old_runs(now=now) == 2

    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert rows["old_success"] not in left and rows["old_failure"] not in left
    assert {rows["recent_success"], rows["recent_failure"], rows["waiting"], other.pk} <= left


@pytest.mark.django_db(transaction=True)
def test_runs_do_not_pile_up(database_tasks):
    DBTaskResult.objects.all().delete()
    ensure_publishing_scheduled()
    for _ in range(3):
        _run_due_runs()
    assert len(_runs(TaskResultStatus.SUCCESSFUL)) == 3
    DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).update(
        finished_at=timezone.now() - KEEP_SUCCESSFUL - timedelta(minutes=1)
    )
    _run_due_runs()
    # the three old runs are gone; the one that just ran and the next one remain
    assert len(_runs()) == 2
