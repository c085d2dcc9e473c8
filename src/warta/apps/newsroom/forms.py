"""The admin form for articles: records who approved the key points."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def save(self, commit: bool = True) -> Any:
        page = super().save(commit=False)
        if "key_points_approved" in self.changed_data:
            page.key_points_approved_by = self.for_user if page.key_points_approved else None
        if commit:
            page.save()
            self.save_m2m()
        return page
