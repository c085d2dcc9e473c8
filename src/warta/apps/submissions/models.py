"""A community writer's piece before (and after) it becomes an article, and its timeline."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

HEADLINE_MAX = 160
DATELINE_MAX = 60
BODY_MAX = 30_000
CAPTION_MAX = 250
CREDIT_MAX = 120
TOPICS_MAX = 200


#: The writer-typed text fields of a submission (form fields and action keywords alike).
TEXT_FIELDS = (
    "headline",
    "dateline",
    "body_markup",
    "hero_caption",
    "hero_credit",
    "suggested_topics",
)


class SubmissionQuerySet(models.QuerySet):
    def written_by(self, user: object) -> SubmissionQuerySet:
        """Return the submissions of ``user`` (none for anonymous users)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(writer=user)

    def for_dashboard(self) -> SubmissionQuerySet:
        """Return rows with what the dashboard shows, newest activity first."""
        return self.select_related("page").order_by("-updated_at", "-pk")


class Submission(models.Model):
    """A piece written by a community writer on the public site."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Dikirim")
        IN_REVIEW = "in_review", _("Sedang ditinjau")
        CHANGES_REQUESTED = "changes_requested", _("Perlu perbaikan")
        REJECTED = "rejected", _("Ditolak")
        SCHEDULED = "scheduled", _("Dijadwalkan terbit")
        PUBLISHED = "published", _("Terbit")

    # The writer may change the piece only in these states.
    EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)
    # An editor may decide on the piece only in these states.
    REVIEWABLE = (Status.SUBMITTED, Status.IN_REVIEW)

    writer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    headline = models.CharField(_("judul"), max_length=HEADLINE_MAX, blank=True)
    dateline = models.CharField(_("kota dateline"), max_length=DATELINE_MAX, blank=True)
    body_markup = models.TextField(_("isi"), max_length=BODY_MAX, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("keterangan gambar"), max_length=CAPTION_MAX, blank=True)
    hero_credit = models.CharField(_("kredit gambar"), max_length=CREDIT_MAX, blank=True)
    suggested_topics = models.CharField(_("usulan topik"), max_length=TOPICS_MAX, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    page = models.OneToOneField(
        "newsroom.ArticlePage",
        verbose_name=_("artikel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("kiriman")
        verbose_name_plural = _("kiriman")
        indexes = [models.Index(fields=["writer", "-updated_at"])]

    def __str__(self) -> str:
        return self.headline or str(_("(tanpa judul)"))

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    def topic_names(self) -> list[str]:
        """Return the suggested topics as a list of names."""
        return [name.strip() for name in self.suggested_topics.split(",") if name.strip()]


class SubmissionEvent(models.Model):
    """One row of a submission's timeline, as the writer sees it."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Draf dibuat")
        EDITED = "edited", _("Draf diperbarui")
        SUBMITTED = "submitted", _("Dikirim ke redaksi")
        IN_REVIEW = "in_review", _("Mulai ditinjau editor")
        CHANGES_REQUESTED = "changes_requested", _("Editor meminta perbaikan")
        REJECTED = "rejected", _("Ditolak redaksi")
        SCHEDULED = "scheduled", _("Dijadwalkan terbit")
        UNSCHEDULED = "unscheduled", _("Jadwal terbit dibatalkan")
        PUBLISHED = "published", _("Terbit")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("catatan"), blank=True)
    #: For ``SCHEDULED``: when the editor approved the piece to go live.
    go_live_at = models.DateTimeField(_("jadwal terbit"), null=True, blank=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("riwayat kiriman")
        verbose_name_plural = _("riwayat kiriman")

    def __str__(self) -> str:
        return f"{self.submission_id}: {self.kind}"


class CommunityReviewTask(AbstractGroupApprovalTask):
    """Wagtail workflow step where editors publish, send back or reject a community piece.

    The actions are defined in ``workflow.py`` so this module stays schema only.
    """

    class Meta:
        verbose_name = _("Tinjauan tulisan komunitas")
        verbose_name_plural = _("Tinjauan tulisan komunitas")

    def get_actions(self, obj, user):  # type: ignore[no-untyped-def]
        from warta.apps.submissions.workflow import task_actions

        return task_actions(self, obj, user)

    def get_form_for_action(self, action):  # type: ignore[no-untyped-def]
        from warta.apps.submissions.workflow import form_for_action

        return form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):  # type: ignore[no-untyped-def]
        from warta.apps.submissions.workflow import perform_action

        return perform_action(self, task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):  # type: ignore[no-untyped-def]
        return _("Editor menerbitkan, meminta perbaikan, atau menolak tulisan komunitas.")
