"""Who may do what with a submission: ``can_<verb>_submission`` predicates, deny by default.

Every predicate answers False unless each condition below holds; ``is_allowed`` maps an
action name to its predicate and denies any name it does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warta.apps.accounts.models import ADMINS, COMMUNITY_WRITERS, EDITORS
from warta.apps.submissions.models import Submission


def _is_active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _group_names(user: Any) -> set[str]:
    # Cached on the user object: a permission matrix asks many times per request.
    cached = getattr(user, "_warta_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._warta_group_names = cached
    return cached


def is_community_writer(user: Any) -> bool:
    """Return True for an active member of the community writers group."""
    return _is_active(user) and COMMUNITY_WRITERS in _group_names(user)


def is_reviewer(user: Any) -> bool:
    """Return True for an active editor, admin or superuser."""
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    return bool(_group_names(user) & {EDITORS, ADMINS})


def _is_owner(user: Any, submission: Submission | None) -> bool:
    return submission is not None and _is_active(user) and submission.writer_id == user.pk


def can_create_submission(user: Any, submission: Submission | None = None) -> bool:
    """A community writer may start a new piece."""
    return is_community_writer(user)


def can_view_submission(user: Any, submission: Submission | None = None) -> bool:
    """The writer sees their own piece; editors see it once it was sent, never a private draft."""
    if submission is None:
        return False
    if _is_owner(user, submission):
        return True
    if submission.status == Submission.Status.DRAFT:
        return False  # a draft that was never sent is private to its writer
    return is_reviewer(user)


def can_edit_submission(user: Any, submission: Submission | None = None) -> bool:
    """Only the writer edits, and only a draft or a piece sent back for changes."""
    if not _is_owner(user, submission):
        return False
    if not is_community_writer(user):
        return False  # a writer removed from the group keeps read access only
    return submission is not None and submission.status in Submission.EDITABLE


def can_submit_submission(user: Any, submission: Submission | None = None) -> bool:
    """The writer sends a draft (or a revised piece) to the editors."""
    return can_edit_submission(user, submission)


def _can_decide(user: Any, submission: Submission | None) -> bool:
    if submission is None:
        return False
    if not is_reviewer(user):
        return False
    if _is_owner(user, submission):
        return False  # nobody reviews their own piece
    return submission.status in Submission.REVIEWABLE


def can_review_submission(user: Any, submission: Submission | None = None) -> bool:
    """An editor opens a sent piece for review."""
    return _can_decide(user, submission)


def can_publish_submission(user: Any, submission: Submission | None = None) -> bool:
    """An editor approves and publishes a piece under review."""
    return _can_decide(user, submission)


def can_approve_submission(user: Any, submission: Submission | None = None) -> bool:
    """Approving is publishing: the workflow's only approve step publishes."""
    return can_publish_submission(user, submission)


def can_request_changes_submission(user: Any, submission: Submission | None = None) -> bool:
    """An editor sends a piece under review back to its writer."""
    return _can_decide(user, submission)


def can_reject_submission(user: Any, submission: Submission | None = None) -> bool:
    """An editor rejects a piece under review (or one waiting for the writer's changes)."""
    if submission is not None and submission.status == Submission.Status.CHANGES_REQUESTED:
        return is_reviewer(user) and not _is_owner(user, submission)
    return _can_decide(user, submission)


def can_access_admin(user: Any, submission: Submission | None = None) -> bool:
    """Only staff with Wagtail's access_admin permission reach the editorial admin."""
    return _is_active(user) and user.has_perm("wagtailadmin.access_admin")


POLICIES: dict[str, Callable[[Any, Submission | None], bool]] = {
    "create": can_create_submission,
    "view": can_view_submission,
    "edit": can_edit_submission,
    "submit": can_submit_submission,
    "review": can_review_submission,
    "publish": can_publish_submission,
    "approve": can_approve_submission,
    "request_changes": can_request_changes_submission,
    "reject": can_reject_submission,
    "access_admin": can_access_admin,
}


def is_allowed(user: Any, action: str, submission: Submission | None = None) -> bool:
    """Return whether ``user`` may perform ``action``; unknown actions are denied."""
    policy = POLICIES.get(action)
    if policy is None:
        return False
    return policy(user, submission)
