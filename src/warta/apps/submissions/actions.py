"""Every write a writer or an editor can cause on a submission.

Each action checks its policy (``PermissionDenied`` otherwise), runs in one transaction,
records a ``SubmissionEvent`` for the writer's timeline and enqueues work on commit.
The demo loader and the Wagtail workflow task call these same functions.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from warta.apps.accounts.actions import disable_wagtail_notifications
from warta.apps.submissions import policies
from warta.apps.submissions.body_format import blocks_to_markup, markup_errors, markup_to_blocks
from warta.apps.submissions.models import TEXT_FIELDS, Submission, SubmissionEvent
from warta.apps.submissions.uploads import CleanImage, store_image, validate_image_upload

logger = logging.getLogger(__name__)

Kind = SubmissionEvent.Kind
Status = Submission.Status

FILE_FIELDS = ("hero_image", "hero_upload", "remove_hero")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Anda tidak berwenang melakukan ini."))


def _record(
    submission: Submission,
    kind: str,
    actor: Any,
    message: str = "",
    go_live_at: datetime | None = None,
) -> SubmissionEvent:
    return SubmissionEvent.objects.create(
        submission=submission, kind=kind, actor=actor, message=message, go_live_at=go_live_at
    )


def _record_edit(submission: Submission, actor: Any) -> None:
    """Record an edit, folding consecutive edits (autosave runs every few seconds) into one row."""
    last = submission.events.order_by("-created_at", "-pk").first()
    if last is not None and last.kind == Kind.EDITED:
        SubmissionEvent.objects.filter(pk=last.pk).update(created_at=timezone.now())
    else:
        _record(submission, Kind.EDITED, actor)


def _apply_fields(submission: Submission, writer: Any, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(TEXT_FIELDS) - set(FILE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown submission fields: {sorted(unknown)}")
    for name in TEXT_FIELDS:
        if name in fields:
            setattr(submission, name, (fields[name] or "").strip())
    if fields.get("remove_hero"):
        submission.hero_image = None
    if "hero_image" in fields:
        submission.hero_image = fields["hero_image"]
    upload = fields.get("hero_upload")
    if upload:
        clean = upload if isinstance(upload, CleanImage) else validate_image_upload(upload)
        submission.hero_image = store_image(clean, uploaded_by=writer)


def _validate_lengths(submission: Submission) -> None:
    # full_clean checks max_length and choices; blank fields are fine for a draft.
    submission.full_clean(exclude=["writer", "page", "hero_image"])


def create_submission(writer: Any, **fields: Any) -> Submission:
    """Start a new draft for ``writer`` and return it."""
    _require(policies.can_create_submission(writer))
    with transaction.atomic():
        submission = Submission(writer=writer)
        _apply_fields(submission, writer, fields)
        _validate_lengths(submission)
        submission.save()
        _record(submission, Kind.CREATED, writer)
    return submission


def update_submission(submission: Submission, writer: Any, **fields: Any) -> Submission:
    """Change a draft (or a piece sent back for changes) and return it."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        _require(policies.can_edit_submission(writer, submission))
        _apply_fields(submission, writer, fields)
        _validate_lengths(submission)
        submission.save()
        _record_edit(submission, writer)
    return submission


def completeness_errors(submission: Submission, *, for_submit: bool) -> dict[str, list[str]]:
    """Return field -> Indonesian messages for what must be filled in before sending."""
    errors: dict[str, list[str]] = {}
    if submission.hero_image_id and not submission.hero_credit.strip():
        errors["hero_credit"] = [_("Kredit gambar wajib diisi bila ada gambar.")]
    if not for_submit:
        return errors
    if not submission.headline.strip():
        errors["headline"] = [_("Judul wajib diisi.")]
    if not submission.dateline.strip():
        errors["dateline"] = [_("Kota dateline wajib diisi.")]
    if not markup_to_blocks(submission.body_markup):
        errors["body_markup"] = [_("Isi tulisan wajib diisi.")]
    elif problems := markup_errors(submission.body_markup):
        errors["body_markup"] = problems
    return errors


def community_section() -> Any:
    """Return the community section page, where community articles live."""
    from warta.apps.newsroom.models import SectionPage

    section = SectionPage.community()
    if section is None:
        raise ValidationError(_("Rubrik komunitas belum dibuat; hubungi redaksi."))
    return section


def _unique_slug(parent: Any, headline: str, submission: Submission) -> str:
    base = slugify(headline)[:70].strip("-") or "tulisan"
    slug = f"{base}-{submission.pk}"
    siblings = parent.get_children()
    suffix = 2
    while siblings.filter(slug=slug).exists():
        slug = f"{base}-{submission.pk}-{suffix}"
        suffix += 1
    return slug


def _sync_page(submission: Submission, writer: Any) -> Any:
    """Create or update the unpublished article of ``submission``; save a revision by the writer."""
    from warta.apps.newsroom.models import ArticlePage, Topic

    values = {
        "title": submission.headline,
        "dateline": submission.dateline,
        "body": markup_to_blocks(submission.body_markup),
        "hero_image": submission.hero_image,
        "hero_caption": submission.hero_caption,
        "hero_credit": submission.hero_credit,
    }
    if submission.page_id is None:
        section = community_section()
        page = ArticlePage(
            slug=_unique_slug(section, submission.headline, submission),
            is_community=True,
            author=writer,
            owner=writer,
            live=False,
            **values,
        )
        names = submission.topic_names()
        if names:
            lowered = [name.lower() for name in names]
            page.topics = [t for t in Topic.objects.all() if t.name.lower() in lowered]
        section.add_child(instance=page)
        submission.page = page
    else:
        page = submission.page.get_latest_revision_as_object()
        for name, value in values.items():
            setattr(page, name, value)
        if not page.live:
            page.save()
    page.save_revision(user=writer, log_action=True)
    return page


def _enqueue_key_points(page_id: int) -> None:
    # Runs after commit: the submission is already saved, so a queue outage must not turn
    # the writer's successful submit into an error page. Editors can regenerate key points.
    try:
        from warta.apps.keypoints.tasks import enqueue_key_points

        enqueue_key_points(page_id)
    except Exception:
        logger.exception("Could not enqueue key points for page %s", page_id)


def submit_submission(submission: Submission, writer: Any) -> Submission:
    """Send the piece to the editors: update its article, start or resume the workflow."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        _require(policies.can_submit_submission(writer, submission))
        errors = completeness_errors(submission, for_submit=True)
        if errors:
            raise ValidationError(errors)
        page = _sync_page(submission, writer)
        # Wagtail would email the writer links into the admin; Warta emails them itself.
        disable_wagtail_notifications(writer)
        state = page.current_workflow_state
        if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
            state.resume(user=writer)
        elif state is None and (workflow := page.get_workflow()) is not None:
            workflow.start(page, writer)
        submission.status = Status.SUBMITTED
        submission.save()
        _record(submission, Kind.SUBMITTED, writer)
        page_id = page.pk
        transaction.on_commit(lambda: _enqueue_key_points(page_id))
    return submission


def start_review(submission: Submission, editor: Any) -> Submission:
    """Mark a sent piece as being reviewed (an editor opened it in the admin)."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        _require(policies.can_review_submission(editor, submission))
        if submission.status == Status.SUBMITTED:
            submission.status = Status.IN_REVIEW
            submission.save()
            _record(submission, Kind.IN_REVIEW, editor)
    return submission


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Alasan wajib diisi; penulis akan membacanya.")]})
    if len(reason) > 2000:
        raise ValidationError({"reason": [_("Alasan terlalu panjang (maksimal 2000 karakter).")]})
    return reason


def _sync_submission_from_page(submission: Submission) -> None:
    """Copy the editor's edits back into the writer's draft, so a revision starts from them."""
    if submission.page is None:
        return
    page = submission.page.get_latest_revision_as_object()
    submission.headline = page.title[: Submission._meta.get_field("headline").max_length]
    submission.dateline = page.dateline
    submission.body_markup = blocks_to_markup(page.body)
    submission.hero_image = page.hero_image
    submission.hero_caption = page.hero_caption
    submission.hero_credit = page.hero_credit


def request_changes(submission: Submission, editor: Any, reason: str) -> Submission:
    """Send the piece back to its writer with the editor's reason."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        _require(policies.can_request_changes_submission(editor, submission))
        if submission.page is not None:
            task_state = submission.page.current_workflow_task_state
            if task_state is not None:
                task_state.reject(user=editor, comment=reason)  # Wagtail: "needs changes"
        _sync_submission_from_page(submission)
        submission.status = Status.CHANGES_REQUESTED
        submission.save()
        event = _record(submission, Kind.CHANGES_REQUESTED, editor, reason)
        _notify_on_commit(event)
    return submission


def reject_submission(submission: Submission, editor: Any, reason: str) -> Submission:
    """Turn the piece down for good, with the editor's reason; the article stays unpublished."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        _require(policies.can_reject_submission(editor, submission))
        # Mark it first so the workflow_cancelled receiver sees nothing left to record.
        Submission.objects.filter(pk=submission.pk).update(status=Status.REJECTED)
        if submission.page is not None:
            state = submission.page.current_workflow_state
            if state is not None:
                state.cancel(user=editor)
        submission.status = Status.REJECTED
        submission.save()
        event = _record(submission, Kind.REJECTED, editor, reason)
        _notify_on_commit(event)
    return submission


def approve_and_publish(submission: Submission, editor: Any) -> Submission:
    """Approve the piece in the workflow and publish it, crediting ``editor`` on the article."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        _require(policies.can_publish_submission(editor, submission))
        page = submission.page.get_latest_revision_as_object()
        page.editor = editor
        if page.key_points_approved and not page.key_points_approved_by_id:
            page.key_points_approved_by = editor
        revision = page.save_revision(user=editor, log_action=True)
        # Mark it first so the page_published receiver sees nothing left to record.
        Submission.objects.filter(pk=submission.pk).update(status=Status.PUBLISHED)
        task_state = page.current_workflow_task_state
        if task_state is not None:
            task_state.approve(user=editor)
        else:
            revision.publish(user=editor)
        page.refresh_from_db()
        go_live_at = None
        if page.live:
            submission.status = Status.PUBLISHED
            kind, message = Kind.PUBLISHED, page.full_url or ""
        elif go_live_at := scheduled_go_live(page):
            submission.status = Status.SCHEDULED
            kind, message = Kind.SCHEDULED, ""
        else:  # a later task in the workflow still has to approve
            submission.status = Status.IN_REVIEW
            kind, message = None, ""
        submission.save()
        if kind:
            event = _record(submission, kind, editor, message, go_live_at=go_live_at)
            _notify_on_commit(event)
    return submission


def record_publication(page: Any, user: Any = None) -> Submission | None:
    """Mark the submission of ``page`` published (it was published outside the task, e.g.
    by the admin's Publish button or a scheduled publish). Called by the page_published signal."""
    return _mark_unless_published(
        page, Status.PUBLISHED, Kind.PUBLISHED, user, message=page.full_url or ""
    )


def _mark_unless_published(
    page: Any,
    status: str,
    kind: str,
    user: Any,
    message: str = "",
    go_live_at: datetime | None = None,
) -> Submission | None:
    """Move the submission of ``page`` (if any, and not yet published) to ``status``, record
    ``kind`` on its timeline and tell the writer, under a row lock so two signals agree."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(page_id=page.pk).first()
        if submission is None or submission.status == Status.PUBLISHED:
            return submission
        submission.status = status
        submission.save()
        event = _record(submission, kind, user, message, go_live_at=go_live_at)
        _notify_on_commit(event)
    return submission


def scheduled_go_live(page: Any) -> datetime | None:
    """Return when the revision of ``page`` an editor approved to go live later will, if any.

    Wagtail keeps at most one such revision per page; the scheduled run publishes it.
    """
    return page.revisions.exclude(approved_go_live_at=None).aggregate(
        at=models.Max("approved_go_live_at")
    )["at"]


def record_schedule(page: Any, user: Any = None) -> Submission | None:
    """Mark the submission of ``page`` scheduled, with the approved go-live time.

    For a piece an editor published with a future go-live outside the review task (the
    admin's Publish button): Wagtail then only approves the revision and ends the workflow,
    and the writer should see when their piece will appear, not "sent" until it does.
    Called by the page_published signal, which Wagtail sends for such a page while it is
    still not live. A piece already marked published is left alone (``approve_and_publish``
    marks it so first and records the schedule itself).
    """
    go_live_at = scheduled_go_live(page)
    if go_live_at is None:
        return None
    return _mark_unless_published(
        page, Status.SCHEDULED, Kind.SCHEDULED, user, go_live_at=go_live_at
    )


def record_unscheduling(page_id: int | str, user: Any = None) -> Submission | None:
    """Put a scheduled piece back before the editors when its schedule was cancelled.

    Wagtail's "cancel scheduled publish" leaves the page unpublished with nothing approved,
    and publishing ended the review workflow, so without this the piece would wait for
    nobody while the writer read "scheduled". The workflow is started again (editors see it
    among the pieces awaiting review; they can schedule it anew, publish, send it back or
    reject it) and the writer sees it sent and waiting, with the cancellation in the timeline.
    Called when Wagtail logs the cancellation.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(page_id=page_id).first()
        if submission is None or submission.status != Status.SCHEDULED:
            return submission
        page = submission.page.specific if submission.page is not None else None
        if page is None or page.live or scheduled_go_live(page) is not None:
            return submission  # it went live meanwhile, or another revision is still scheduled
        if not page.workflow_in_progress and (workflow := page.get_workflow()) is not None:
            workflow.start(page, user)
        submission.status = Status.SUBMITTED
        submission.save()
        event = _record(submission, Kind.UNSCHEDULED, user)
        _notify_on_commit(event)
    return submission


def record_cancellation(page_id: int | str, user: Any = None) -> Submission | None:
    """Hand a piece back to its writer when an editor stopped its workflow in the admin
    (Wagtail's "Cancel workflow"), so it never sits "in review" with nobody reviewing it.
    Called by the workflow_cancelled signal; rejections and publications are recorded
    by their own actions before they cancel the workflow, so they are left alone here."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(page_id=page_id).first()
        if submission is None or submission.status not in Submission.REVIEWABLE:
            return submission
        if submission.page is not None and scheduled_go_live(submission.page) is not None:
            # Publishing with a future go-live also ends the workflow; the piece was
            # accepted, and the writer hears so when it goes live (record_publication).
            return submission
        submission.status = Status.CHANGES_REQUESTED
        submission.save()
        message = _("Editor menghentikan peninjauan. Anda dapat memperbarui lalu mengirim ulang.")
        event = _record(submission, Kind.CHANGES_REQUESTED, user, message)
        _notify_on_commit(event)
    return submission


def _notify_on_commit(event: SubmissionEvent) -> None:
    from warta.apps.submissions.notifications import notify_writer

    event_id = event.pk
    transaction.on_commit(lambda: notify_writer(event_id))
