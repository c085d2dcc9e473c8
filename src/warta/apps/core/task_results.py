"""Ask the task backend what a task has queued or run, for tasks that keep themselves queued.

The nightly purge and scheduled publishing each re-queue their next run; both need to know
whether a run is already waiting. Only the database backend (``django_tasks_db``) keeps rows
that can be asked; with another backend those chains are not started and the docs say to run
the matching management command from the system's scheduler instead.
"""

from __future__ import annotations

from typing import Any

from django.tasks import task_backends

DATABASE_BACKEND = "django_tasks_db.backend.DatabaseBackend"


def uses_database_backend(task: Any) -> bool:
    """Return whether ``task`` is queued through the database backend."""
    backend = task_backends[task.backend]
    return f"{type(backend).__module__}.{type(backend).__qualname__}" == DATABASE_BACKEND


def stored_results(task: Any) -> Any:
    """Return the queryset of ``task``'s result rows, or ``None`` if its backend keeps none."""
    if not uses_database_backend(task):
        return None
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(backend_name=task.backend, task_path=task.module_path)
