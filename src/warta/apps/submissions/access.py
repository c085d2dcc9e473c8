"""The one way views fetch a submission for a user: "not allowed" and "missing" are both 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from warta.apps.submissions.models import Submission
from warta.apps.submissions.policies import can_view_submission


def access_submission_by_user(user: Any, pk: int) -> Submission:
    """Return submission ``pk`` if ``user`` may see it, else raise Http404."""
    submission = (
        Submission.objects.select_related("page", "hero_image", "writer").filter(pk=pk).first()
    )
    if submission is None or not can_view_submission(user, submission):
        raise Http404("Submission not found")
    return submission


def access_own_submission(user: Any, pk: int) -> Submission:
    """Return submission ``pk`` if ``user`` wrote it, else raise Http404 (for write views)."""
    submission = access_submission_by_user(user, pk)
    if submission.writer_id != user.pk:
        raise Http404("Submission not found")
    return submission
