"""Background work for key points: generated after submit and after every body edit."""

from __future__ import annotations

from django.db import transaction
from django.tasks import task


@task()
def generate_key_points(page_id: int) -> None:
    """Fill the page's key points from the configured engine."""
    from warta.apps.keypoints.actions import fill_key_points

    fill_key_points(page_id)


def enqueue_key_points(page_id: int) -> None:
    """Queue key-point generation once the current transaction commits."""
    transaction.on_commit(lambda: generate_key_points.enqueue(page_id))
