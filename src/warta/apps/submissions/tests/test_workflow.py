"""Workflow transitions through the real actions and the admin, and what the writer sees."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowPage, WorkflowState

from warta.apps.newsroom.models import ArticlePage
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


def test_a_scheduled_publish_tells_the_writer_only_when_it_goes_live(
    writer, editor, django_capture_on_commit_callbacks, monkeypatch
):
    submission = f.submitted(writer)
    mail.outbox.clear()  # the "received" note
    page = submission.page.specific
    page.go_live_at = timezone.now() + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor).publish(user=editor)
    submission.refresh_from_db()
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert submission.status != Submission.Status.PUBLISHED
    assert [m.subject for m in mail.outbox if writer.email in m.to] == []

    later = timezone.now() + timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())
    submission.refresh_from_db()
    assert ArticlePage.objects.get(pk=page.pk).live
    assert submission.status == Submission.Status.PUBLISHED
    assert [message for message in mail.outbox if writer.email in message.to]


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
    assert "dijadwalkan terbit" in status_page(client, writer, submission)


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
