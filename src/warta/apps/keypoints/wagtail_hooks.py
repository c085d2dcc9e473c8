"""Regenerate key points when an article's body changes in the admin."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail import hooks

from warta.apps.keypoints.tasks import enqueue_key_points
from warta.apps.newsroom.models import ArticlePage


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def queue_key_points_after_edit(request: HttpRequest, page: object) -> None:
    """Queue generation for articles whose key points an editor has not taken over."""
    if isinstance(page, ArticlePage) and not page.key_points_approved:
        enqueue_key_points(page.pk)
