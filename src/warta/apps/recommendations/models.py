"""Reading events: which reader read which article, when, and how far (first-party only)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReadingEventQuerySet(models.QuerySet["ReadingEvent"]):
    def of_user(self, user_id: int) -> ReadingEventQuerySet:
        """Return the events of a logged-in reader."""
        return self.filter(user_id=user_id)

    def of_visitor(self, visitor: str) -> ReadingEventQuerySet:
        """Return the events of an anonymous reader (``visitor`` is the cookie's hash)."""
        return self.filter(user__isnull=True, visitor=visitor)

    def recent(self, since: datetime) -> ReadingEventQuerySet:
        """Return events whose last read is at or after ``since``."""
        return self.filter(read_at__gte=since)

    def expired(self, before: datetime) -> ReadingEventQuerySet:
        """Return events whose last read is older than ``before``."""
        return self.filter(read_at__lt=before)


class ReadingEvent(models.Model):
    """One reader's reading of one article: the last time they opened it and how far they got.

    A reader is either a logged-in account (``user``) or an anonymous browser, known only by
    the SHA-256 of a random first-party cookie (``visitor``). One row per reader and article
    keeps what is stored to the minimum the recommender needs (data minimisation, UU PDP).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reading_events",
    )
    visitor = models.CharField(_("pembaca anonim"), max_length=64, blank=True, db_index=True)
    article = models.ForeignKey(
        "newsroom.ArticlePage",
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        related_name="reading_events",
    )
    depth = models.PositiveSmallIntegerField(_("kedalaman baca (%)"), default=0)
    first_read_at = models.DateTimeField(_("pertama dibaca"))
    read_at = models.DateTimeField(_("terakhir dibaca"), db_index=True)

    objects = ReadingEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("riwayat baca")
        verbose_name_plural = _("riwayat baca")
        ordering = ["-read_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(visitor=""))
                | (Q(user__isnull=True) & ~Q(visitor="")),
                name="reading_event_one_reader",
            ),
            models.CheckConstraint(
                condition=Q(depth__gte=0) & Q(depth__lte=100), name="reading_event_depth_0_100"
            ),
            models.UniqueConstraint(
                fields=["user", "article"],
                condition=Q(user__isnull=False),
                name="reading_event_one_per_user_article",
            ),
            models.UniqueConstraint(
                fields=["visitor", "article"],
                condition=Q(user__isnull=True),
                name="reading_event_one_per_visitor_article",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.read_at:%Y-%m-%d %H:%M}"


class ArticleVector(models.Model):
    """An article's sentence embedding, computed once per version of the text it embeds.

    ``text_key`` is the SHA-256 of the embedder's name and the embedded text (title and the
    start of the body, ``engines.foryou.article_text``): an edit there, or another model,
    makes the row stale and the article is embedded again. Internal: never shown to anyone.
    """

    article = models.OneToOneField(
        "newsroom.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    text_key = models.CharField(max_length=64)
    vector = models.BinaryField()  # little-endian float32

    def __str__(self) -> str:
        return f"{self.article_id} {self.text_key[:12]}"
