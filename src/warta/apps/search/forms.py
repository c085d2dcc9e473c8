"""Validate the search page's query string: the query itself never fails, filters may."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from warta.apps.newsroom.models import SectionPage, Topic
from warta.apps.search.retrieval import SearchFilters

DATE_ERROR = _("Tanggal harus berformat TTTT-BB-HH, misalnya 2026-11-25.")


class SearchForm(forms.Form):
    """``q``, ``rubrik``, ``topik``, ``dari``, ``sampai`` and ``halaman`` from the URL."""

    q = forms.CharField(required=False, strip=True)
    rubrik = forms.SlugField(required=False, error_messages={"invalid": _("Rubrik tidak dikenal.")})
    topik = forms.SlugField(required=False, error_messages={"invalid": _("Topik tidak dikenal.")})
    dari = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": DATE_ERROR}
    )
    sampai = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": DATE_ERROR}
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section: SectionPage | None = None
        self.topic: Topic | None = None

    def clean_rubrik(self) -> str:
        slug = self.cleaned_data["rubrik"]
        if slug:
            self.section = SectionPage.objects.live().filter(slug=slug).first()
            if self.section is None:
                raise forms.ValidationError(
                    _("Rubrik “%(slug)s” tidak ditemukan."), params={"slug": slug}
                )
        return slug

    def clean_topik(self) -> str:
        slug = self.cleaned_data["topik"]
        if slug:
            self.topic = Topic.objects.filter(slug=slug).first()
            if self.topic is None:
                raise forms.ValidationError(
                    _("Topik “%(slug)s” tidak ditemukan."), params={"slug": slug}
                )
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("dari"), data.get("sampai")
        if start and end and start > end:
            raise forms.ValidationError(
                _("Tanggal “dari” harus sebelum atau sama dengan “sampai”.")
            )
        return data

    def filters(self) -> SearchFilters:
        """Return the validated filters (call after ``is_valid()``)."""
        return SearchFilters(
            section_id=self.section.pk if self.section else None,
            topic_id=self.topic.pk if self.topic else None,
            date_from=self.cleaned_data.get("dari"),
            date_to=self.cleaned_data.get("sampai"),
        )

    def messages(self) -> list[str]:
        """Return every validation error as one flat list of sentences."""
        return [str(message) for errors in self.errors.values() for message in errors]


def page_number(raw: str | None) -> int:
    """Return a 1-based page number; anything malformed is page 1."""
    if raw and raw.isdigit() and len(raw) < 6:
        return max(1, int(raw))
    return 1
