"""Keep the recommender's pool in step with publishing, on every app server."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move


def _is_article(instance: Any) -> bool:
    from warta.apps.newsroom.models import ArticlePage

    return isinstance(getattr(instance, "specific_deferred", instance), ArticlePage)


def _pool_changed() -> None:
    from warta.apps.recommendations.indexing import bump_pool_version

    # Now, so this process sees it at once; and after commit, so that no other process
    # can build from the old rows and keep them under the new version.
    bump_pool_version()
    transaction.on_commit(bump_pool_version)


def on_page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_article(instance):
        _pool_changed()


def connect() -> None:
    """Connect the handlers (called once from ``RecommendationsConfig.ready``)."""
    from warta.apps.newsroom.models import ArticlePage

    page_published.connect(on_page_changed, dispatch_uid="warta-recs-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="warta-recs-unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="warta-recs-moved")
    post_delete.connect(on_page_changed, sender=ArticlePage, dispatch_uid="warta-recs-deleted")
