"""Workflow transitions through the real actions and the admin, and what the writer sees."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowPage, WorkflowState

from warta.apps.core.dates import format_wib
from warta.apps.newsroom.models import ArticlePage
from warta.apps.newsroom.tasks import publish_scheduled_pages
from warta.apps.newsroom.tests.test_editor_credit import publish_in_admin
from warta.apps.submissions import actions
from warta.apps.submissions.models import Submission
from warta.apps.submissions.tests import factories as f
from warta.apps.submissions.workflow import ensure_community_workflow

pytestmark = pytest.mark.django_db


def status_page(client, writer, submission):
    client.force_login(writer)
    response = client.get(reverse("submissions:submission_detail", args=[submission.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_workflow_is_created_once_and_assigned_to_the_community_section():
    ensure_community_workflow()
    ensure_community_workflow()
    assignment = WorkflowPage.objects.get(page__slug="komunitas")
    tasks = list(assignment.workflow.tasks.specific())
    assert len(tasks) == 1
    assert {g.name for g in tasks[0].groups.all()} >= {"Editor"}


def test_submit_creates_an_unpublished_community_article_in_the_workflow(
    writer, django_capture_on_commit_callbacks, monkeypatch
):
    enqueued = []
    monkeypatch.setattr(actions, "_enqueue_key_points", enqueued.append)
    with django_capture_on_commit_callbacks(execute=True):
        submission = f.submitted(writer)
    page = ArticlePage.objects.get(pk=submission.page_id)
    assert not page.live
    assert page.is_community and page.author == writer
    assert page.get_parent().slug == "komunitas"
    assert [b.block_type for b in page.body] == ["paragraph", "subheading", "quote", "source"]
    assert page.workflow_in_progress
    assert enqueued == [page.pk]


def test_draft_then_submitted_is_what_the_writer_sees(client, writer):
    submission = f.draft(writer)
    assert "masih draf" in status_page(client, writer, submission)
    submission = actions.submit_submission(submission, writer)
    html = status_page(client, writer, submission)
    assert "Dikirim ke redaksi" in html and "menunggu editor" in html


def test_opening_in_the_admin_marks_in_review(client, writer, editor):
    submission = f.submitted(writer)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[submission.page_id]))
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == Submission.Status.IN_REVIEW
    assert "Mulai ditinjau editor" in status_page(client, writer, submission)


def test_request_changes_in_the_admin_shows_the_reason_and_allows_resubmitting(
    client, writer, editor
):
    submission = f.submitted(writer)
    task_state = submission.page.current_workflow_task_state
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submission.page_id, "request_changes", task_state.pk],
    )
    assert client.post(url, {"reason": ""}).status_code in (200, 302)  # reason required
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    client.post(url, {"reason": "Sebutkan sumber angka korban."})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    html = status_page(client, writer, submission)
    assert "Sebutkan sumber angka korban." in html
    assert "Editor meminta perbaikan" in html
    # The writer edits and resubmits; the same workflow resumes.
    edit = client.post(
        reverse("submissions:submission_edit", args=[submission.pk]),
        {
            "headline": "Judul diperbaiki",
            "dateline": "Semarang",
            "body_markup": f.BODY,
            "intent": "submit",
        },
    )
    assert edit.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    page = submission.page.get_latest_revision_as_object()
    assert page.title == "Judul diperbaiki"
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.current_task_state.status == "in_progress"


def test_reject_in_the_admin_is_final_and_shows_the_reason(client, writer, editor):
    submission = f.submitted(writer)
    task_state = submission.page.current_workflow_task_state
    client.force_login(editor)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[submission.page_id, "reject", task_state.pk]
        ),
        {"reason": "Tulisan ini promosi usaha."},
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert not submission.page.workflow_in_progress
    html = status_page(client, writer, submission)
    assert "Tulisan ini promosi usaha." in html and "Ditolak redaksi" in html
    assert (
        client.get(reverse("submissions:submission_edit", args=[submission.pk])).status_code == 302
    )
    with pytest.raises(PermissionDenied):
        actions.update_submission(submission, writer, headline="x")


def test_approve_publishes_with_the_editor_credited(client, writer, editor):
    submission = f.in_review(writer, editor)
    submission = actions.approve_and_publish(submission, editor)
    page = ArticlePage.objects.get(pk=submission.page_id)
    assert page.live and page.editor == editor
    assert submission.status == Submission.Status.PUBLISHED
    html = status_page(client, writer, submission)
    assert "sudah terbit" in html and page.url in html
    client.logout()
    assert client.get(page.url).status_code == 200


def test_editor_cannot_approve_without_reason_for_changes_or_twice(writer, editor):
    submission = f.in_review(writer, editor)
    with pytest.raises(ValidationError):
        actions.request_changes(submission, editor, "  ")
    published = actions.approve_and_publish(submission, editor)
    with pytest.raises(PermissionDenied):
        actions.approve_and_publish(published, editor)
    with pytest.raises(PermissionDenied):
        actions.reject_submission(published, editor, "terlambat")


def test_writer_cannot_publish_or_review_own_piece(writer):
    submission = f.submitted(writer)
    for call in (
        lambda: actions.approve_and_publish(submission, writer),
        lambda: actions.request_changes(submission, writer, "x"),
        lambda: actions.reject_submission(submission, writer, "x"),
        lambda: actions.start_review(submission, writer),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_submit_requires_complete_fields(writer):
    submission = f.draft(writer, headline="", body_markup="")
    with pytest.raises(ValidationError) as error:
        actions.submit_submission(submission, writer)
    assert set(error.value.message_dict) == {"headline", "body_markup"}
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DRAFT and submission.page is None


def test_publishing_with_the_admin_button_updates_the_writer(writer, editor):
    submission = f.submitted(writer)
    submission.page.get_latest_revision().publish(user=editor)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED
    assert list(submission.events.values_list("kind", flat=True))[-1] == "published"


def test_a_scheduled_publish_tells_the_writer_when_and_then_that_it_is_live(
    client, writer, editor, django_capture_on_commit_callbacks, monkeypatch
):
    submission = f.submitted(writer)
    mail.outbox.clear()  # the "received" note
    page = submission.page.specific
    go_live = timezone.now() + timedelta(hours=2)
    page.go_live_at = go_live
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor).publish(user=editor)
    submission.refresh_from_db()
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert submission.status == Submission.Status.SCHEDULED
    assert f"Dijadwalkan terbit {format_wib(go_live)}" in status_page(client, writer, submission)
    (scheduled,) = [m for m in mail.outbox if writer.email in m.to]
    assert scheduled.subject == "Tulisan Anda dijadwalkan terbit"
    assert format_wib(go_live) in scheduled.body
    mail.outbox.clear()

    later = timezone.now() + timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        publish_scheduled_pages.call()
    submission.refresh_from_db()
    assert ArticlePage.objects.get(pk=page.pk).live
    assert submission.status == Submission.Status.PUBLISHED
    assert [m.subject for m in mail.outbox if writer.email in m.to] == ["Tulisan Anda sudah terbit"]
    kinds = list(submission.events.values_list("kind", flat=True))
    assert kinds[-2:] == ["scheduled", "published"]


def _schedule_in_admin(client, editor, submission, go_live):
    """Press the page editor's Publish button with a future "go live at", as an editor."""
    local = timezone.localtime(go_live)
    return publish_in_admin(
        client, editor, submission.page, go_live_at=local.strftime("%Y-%m-%d %H:%M")
    )


def test_scheduling_with_the_admin_publish_button_shows_the_time(
    client, writer, editor, django_capture_on_commit_callbacks
):
    submission = f.submitted(writer)
    go_live = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        page = _schedule_in_admin(client, editor, submission, go_live)
    assert not page.live
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SCHEDULED
    event = submission.events.get(kind="scheduled")
    assert event.go_live_at == go_live and event.actor == editor
    html = status_page(client, writer, submission)
    assert 'Status: <span class="status status-scheduled">Dijadwalkan terbit</span>' in html
    assert f"Dijadwalkan terbit {format_wib(go_live)}" in html
    # publishing ended the workflow, which must not hand the piece back to the writer
    assert "changes_requested" not in submission.events.values_list("kind", flat=True)


def test_cancelling_the_schedule_puts_the_piece_back_before_the_editors(
    client, writer, editor, django_capture_on_commit_callbacks
):
    submission = f.submitted(writer)
    page = _schedule_in_admin(client, editor, submission, timezone.now() + timedelta(days=1))
    assert not page.workflow_in_progress  # Wagtail ends the workflow on publish
    scheduled = page.revisions.exclude(approved_go_live_at=None).get()
    mail.outbox.clear()
    client.force_login(editor)
    unschedule = reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, scheduled.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(unschedule).status_code == 302

    submission.refresh_from_db()
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live and not page.approved_schedule
    assert submission.status == Submission.Status.SUBMITTED
    assert page.workflow_in_progress  # back among the pieces awaiting review
    assert list(submission.events.values_list("kind", flat=True))[-2:] == [
        "scheduled",
        "unscheduled",
    ]
    assert submission.events.get(kind="unscheduled").actor == editor
    assert "Jadwal terbit dibatalkan" in status_page(client, writer, submission)
    assert [m.subject for m in mail.outbox if writer.email in m.to] == [
        "Jadwal terbit tulisan Anda dibatalkan"
    ]
    # the editors decide again (opening the piece marks it in review): a new time
    later = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        _schedule_in_admin(client, editor, submission, later)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SCHEDULED
    assert list(submission.events.values_list("kind", flat=True))[-4:] == [
        "scheduled",
        "unscheduled",
        "in_review",
        "scheduled",
    ]
    assert f"Dijadwalkan terbit {format_wib(later)}" in status_page(client, writer, submission)


def test_writer_is_emailed_about_decisions(writer, editor, django_capture_on_commit_callbacks):
    submission = f.in_review(writer, editor)
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_changes(submission, editor, "Tambahkan foto.")
    to_writer = [message for message in mail.outbox if writer.email in message.to]
    assert len(to_writer) == 1
    assert "Tambahkan foto." in to_writer[0].body
    assert "/admin/" not in to_writer[0].body  # writers never get admin links


def test_timeline_lists_every_step_in_order(client, writer, editor):
    submission = f.changes_requested(writer, editor)
    submission = actions.submit_submission(submission, writer)
    submission = actions.start_review(submission, editor)
    submission = actions.approve_and_publish(submission, editor)
    kinds = list(submission.events.values_list("kind", flat=True))
    assert kinds == [
        "created",
        "submitted",
        "in_review",
        "changes_requested",
        "submitted",
        "in_review",
        "published",
    ]


def test_editor_can_compare_revisions_and_see_history(client, writer, editor):
    submission = f.changes_requested(writer, editor)
    submission = actions.submit_submission(submission, writer)
    revisions = list(submission.page.revisions.order_by("pk").values_list("pk", flat=True))
    assert len(revisions) >= 2
    client.force_login(editor)
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[submission.page_id, revisions[0], revisions[-1]],
    )
    assert client.get(compare).status_code == 200
    assert (
        client.get(reverse("wagtailadmin_pages:history", args=[submission.page_id])).status_code
        == 200
    )


def test_approving_with_a_future_go_live_date_schedules(client, writer, editor):
    from datetime import timedelta

    from django.utils import timezone

    submission = f.in_review(writer, editor)
    page = submission.page.get_latest_revision_as_object()
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.save_revision(user=editor)
    submission = actions.approve_and_publish(submission, editor)
    assert submission.status == Submission.Status.SCHEDULED
    assert not ArticlePage.objects.get(pk=submission.page_id).live
    html = status_page(client, writer, submission)
    assert "dijadwalkan terbit" in html
    assert f"Dijadwalkan terbit {format_wib(page.go_live_at)}" in html
    assert submission.events.filter(kind="scheduled").count() == 1


def test_cancelling_the_workflow_in_the_admin_hands_the_piece_back(client, writer, editor):
    submission = f.in_review(writer, editor)
    submission.page.current_workflow_state.cancel(user=editor)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    assert "menghentikan peninjauan" in status_page(client, writer, submission)
    resubmitted = actions.submit_submission(submission, writer)
    assert resubmitted.status == Submission.Status.SUBMITTED
    assert resubmitted.page.workflow_in_progress


def test_rejecting_records_one_rejection_only(writer, editor):
    submission = f.rejected(writer, editor)
    kinds = list(submission.events.values_list("kind", flat=True))
    assert kinds == ["created", "submitted", "in_review", "rejected"]


def test_writer_who_chose_english_is_emailed_in_english(
    writer, editor, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(writer)
    profile.preferred_language = "en"
    profile.save()
    submission = f.in_review(writer, editor)
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_changes(submission, editor, "Tambahkan foto.")
    (email,) = [message for message in mail.outbox if writer.email in message.to]
    assert email.subject == "The editor asked for changes to your piece"
    assert "Editor's note:" in email.body
    assert "Tambahkan foto." in email.body  # the editor's own words are not translated
