"""The search index: one entry per published article, one posting per (term, entry).

Terms are Indonesian stems produced by ``warta.engines.text.analyze`` at index and at
query time, so both databases see the same words. Scores are integers (BM25 parts
scaled to thousandths) so SQLite and PostgreSQL add them up exactly alike and return
the same results in the same order.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """What the index knows about one published article."""

    page = models.OneToOneField(
        "newsroom.ArticlePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
    )
    title = models.CharField(_("judul"), max_length=255)
    text = models.TextField(_("teks isi"), help_text=_("Teks polos isi, untuk cuplikan."))
    # Space-separated stems in reading order, padded with a space at both ends so a
    # phrase is a plain substring test (" bank sampah ").
    title_terms = models.TextField()
    body_terms = models.TextField()
    title_length = models.PositiveIntegerField(default=0)
    body_length = models.PositiveIntegerField(default=0)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("entri indeks pencarian")
        verbose_name_plural = _("entri indeks pencarian")

    def __str__(self) -> str:
        return self.title


class IndexStatistics(models.Model):
    """Totals over the whole index in one row, so a query never counts 100k entries."""

    documents = models.PositiveIntegerField(default=0)
    # A new random number on every index write: processes drop cached posting lists
    # when it changes (random, so a rolled-back transaction cannot reuse an old value).
    version = models.BigIntegerField(default=0)
    title_length_total = models.PositiveBigIntegerField(default=0)
    body_length_total = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("statistik indeks pencarian")
        verbose_name_plural = _("statistik indeks pencarian")

    def __str__(self) -> str:
        return f"{self.documents}"


class IndexChange(models.Model):
    """One index write: which article it touched and which terms' posting lists changed.

    Versions form a chain (``previous`` → ``version``), so a process whose cached lists
    are at some version can replay just the articles written since then instead of
    dropping everything. Only recent rows are kept; a longer gap falls back to a full
    reload.
    """

    version = models.BigIntegerField()
    previous = models.BigIntegerField()
    page_id = models.PositiveIntegerField()
    # Space-separated ids of the terms whose postings gained or lost this article.
    term_ids = models.TextField(blank=True)

    class Meta:
        verbose_name = _("perubahan indeks pencarian")
        verbose_name_plural = _("perubahan indeks pencarian")

    def __str__(self) -> str:
        return f"{self.previous} → {self.version} ({self.page_id})"


class SearchTerm(models.Model):
    """One stem and the number of indexed articles that contain it."""

    text = models.CharField(max_length=100, unique=True)
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("istilah pencarian")
        verbose_name_plural = _("istilah pencarian")

    def __str__(self) -> str:
        return self.text


class SearchPosting(models.Model):
    """That ``term`` occurs in ``entry``, with its precomputed BM25F weight.

    ``impact`` is ``1000 * tf' / (k1 + tf')`` where ``tf'`` adds the length-normalised
    title frequency (times the title boost) and body frequency; a query multiplies it
    by the term's idf, so ranking needs no per-document work beyond one sum.
    """

    # No single-column index on term: the rank index below starts with it.
    term = models.ForeignKey(
        SearchTerm, on_delete=models.CASCADE, related_name="postings", db_index=False
    )
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="postings")
    impact = models.PositiveIntegerField()
    in_title = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("posting pencarian")
        verbose_name_plural = _("posting pencarian")
        # No unique index on (term, entry): the indexer replaces all postings of an entry
        # at once, and at 100k articles another index over ~15M rows costs more disk and
        # insert time than it buys.
        indexes = [
            # Covering and best-first: a query reads a term's postings without touching
            # the table, and a one-word query reads just the top rows.
            models.Index(fields=["term", "-impact", "-entry"], name="search_posting_rank"),
            # Title words only, for suggestions as the reader types.
            models.Index(
                fields=["term", "entry"],
                condition=models.Q(in_title=True),
                name="search_posting_title",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.term_id}@{self.entry_id}"
