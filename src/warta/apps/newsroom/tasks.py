"""Background tasks: scheduled publishing, which queues its own next run."""

from __future__ import annotations

from django.tasks import task


@task()
def publish_scheduled_pages() -> int:
    """Publish pages whose go-live time has passed and expire those past their expiry.

    Queues the next run a minute ahead first (see ``scheduling``), so publishing keeps
    running every minute for as long as the worker does, even after a failed run.
    """
    from warta.apps.newsroom.scheduling import run_scheduled_publishing

    return run_scheduled_publishing()
