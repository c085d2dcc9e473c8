"""Admin glue: opening a community piece in the editor marks it "in review" for its writer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from warta.apps.submissions import actions
from warta.apps.submissions.models import Submission
from warta.apps.submissions.policies import can_review_submission


@hooks.register("before_edit_page")
def mark_in_review(request: HttpRequest, page: Any) -> None:
    """On GET of the edit view, tell the writer an editor is looking at their piece."""
    if request.method != "GET":
        return
    submission = Submission.objects.filter(page_id=page.pk).select_related("writer").first()
    if submission is None:
        return
    if (
        can_review_submission(request.user, submission)
        and submission.status == Submission.Status.SUBMITTED
    ):
        submission = actions.start_review(submission, request.user)
    topics = ", ".join(submission.topic_names()) or "—"
    messages.info(
        request,
        _(
            "Tulisan komunitas dari %(writer)s — status: %(status)s. "
            "Usulan topik penulis: %(topics)s."
        )
        % {
            "writer": submission.writer.display_name,
            "status": submission.get_status_display(),
            "topics": topics,
        },
    )
