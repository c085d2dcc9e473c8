"""Admin glue: the page editor's Publish button credits the publishing editor."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from wagtail import hooks

from warta.apps.newsroom.models import ArticlePage
from warta.apps.newsroom.publishing import credit_publishing_editor


@hooks.register("before_publish_page")
def credit_editor_on_publish(request: HttpRequest, page: Any) -> None:
    """Name the publishing editor on the article before the admin publishes it.

    The create and edit views save the form as a new revision (``page.latest_revision``,
    the same object they then publish) before this hook, so the editor is written into that
    revision; setting it on ``page`` alone would not reach the live page.
    """
    if not isinstance(page, ArticlePage) or page.latest_revision is None:
        return
    if credit_publishing_editor(page.latest_revision, request.user):
        page.editor = request.user
