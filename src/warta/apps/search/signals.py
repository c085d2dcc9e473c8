"""Keep the index in step with publishing: publish, edit-and-republish, unpublish, move, delete."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import pre_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from warta.apps.search.models import SearchEntry


def _is_article(instance: Any) -> bool:
    from warta.apps.newsroom.models import ArticlePage

    return isinstance(instance, ArticlePage)


def on_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_article(instance):
        from warta.apps.search.indexing import index_article

        index_article(instance)


def on_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_article(instance):
        from warta.apps.search.indexing import remove_article

        remove_article(instance.pk)


def on_moved(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Moving between sections changes nothing indexed, but a move can put a page behind
    # a view restriction; re-check it.
    if _is_article(instance.specific_deferred):
        from warta.apps.search.indexing import index_article

        index_article(instance.specific)


def on_entry_delete(sender: Any, instance: SearchEntry, **kwargs: Any) -> None:
    # A cascade from a page deleted without Wagtail's unpublish signal (e.g. a queryset
    # delete) must still lower the counts; remove_article is idempotent.
    from warta.apps.search.indexing import remove_article

    remove_article(instance.pk)


def connect() -> None:
    """Connect the handlers (called once from ``SearchConfig.ready``)."""
    page_published.connect(on_published, dispatch_uid="warta-search-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="warta-search-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="warta-search-moved")
    pre_delete.connect(on_entry_delete, sender=SearchEntry, dispatch_uid="warta-search-delete")
