"""The editors' side: the Wagtail workflow task's actions, and creating the workflow.

``CommunityReviewTask`` (in models.py) delegates here. Every decision goes through
``actions.py``, so the writer's status page changes in the same transaction as the workflow.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

from warta.apps.accounts.models import ADMINS, EDITORS

WORKFLOW_NAME = "Tinjauan tulisan komunitas"
TASK_NAME = "Tinjauan redaksi komunitas"

APPROVE = "approve"
REQUEST_CHANGES = "request_changes"
REJECT = "reject"


class ReasonForm(forms.Form):
    """The reason an editor gives the writer; required for changes and rejections."""

    reason = forms.CharField(
        label=_("Alasan (dibaca penulis)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={
            "required": _("Alasan wajib diisi; penulis akan membacanya."),
            "max_length": _("Alasan terlalu panjang (maksimal %(limit_value)d karakter)."),
        },
    )


def task_actions(task: Any, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
    """Return (name, label, needs a form) for the actions ``user`` may take on this task."""
    if not (user.is_superuser or task._user_in_groups(user)):
        return []
    return [
        (APPROVE, _("Setujui dan terbitkan"), False),
        (REQUEST_CHANGES, _("Minta perbaikan"), True),
        (REJECT, _("Tolak"), True),
    ]


def form_for_action(action: str) -> type[forms.Form]:
    """Return the form Wagtail shows in the action's modal."""
    if action in (REQUEST_CHANGES, REJECT):
        return ReasonForm
    return TaskStateCommentForm


@transaction.atomic
def perform_action(task: Any, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> None:
    """Run the action the editor chose in the admin."""
    from warta.apps.submissions import actions
    from warta.apps.submissions.models import Submission

    page_id = task_state.workflow_state.object_id
    submission = Submission.objects.filter(page_id=page_id).first()
    if submission is None:
        # A page an editor put in the section by hand: plain Wagtail behaviour.
        if action_name == APPROVE:
            task_state.approve(user=user)
        elif action_name == REQUEST_CHANGES:
            task_state.reject(user=user, comment=kwargs.get("reason", ""))
        elif action_name == REJECT:
            task_state.workflow_state.cancel(user=user)
        return
    if action_name == APPROVE:
        actions.approve_and_publish(submission, user)
    elif action_name == REQUEST_CHANGES:
        actions.request_changes(submission, user, kwargs.get("reason", ""))
    elif action_name == REJECT:
        actions.reject_submission(submission, user, kwargs.get("reason", ""))


@transaction.atomic
def ensure_community_workflow() -> None:
    """Create the review task, the workflow and its assignment to the community section.

    Idempotent: an admin's later changes (other groups, another workflow on the section)
    are left alone.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow, WorkflowPage, WorkflowTask

    from warta.apps.newsroom.models import SectionPage
    from warta.apps.submissions.models import CommunityReviewTask

    section = SectionPage.community()
    if section is None:
        return
    task, created = CommunityReviewTask.objects.get_or_create(name=TASK_NAME)
    if created:
        task.groups.add(*Group.objects.filter(name__in=[EDITORS, ADMINS]))
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if not WorkflowPage.objects.filter(page=section).exists():
        WorkflowPage.objects.create(page=section, workflow=workflow)
