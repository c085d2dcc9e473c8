"""Writes that concern key points: filling them from the engine, approving them."""

from __future__ import annotations

import logging

from django.db import transaction

from warta.apps.keypoints.adapters import article_input
from warta.apps.keypoints.engines import configured_engine
from warta.apps.newsroom.models import ArticleKeyPoint, ArticlePage
from warta.engines.keypoints import KeyPoints

logger = logging.getLogger(__name__)


def key_point_rows(result: KeyPoints) -> list[ArticleKeyPoint]:
    """Return unsaved key-point rows carrying their source sentences."""
    rows = []
    for order, point in enumerate(result.points):
        excerpt = "\n".join(result.sentences[i] for i in point.source_sentences)
        rows.append(
            ArticleKeyPoint(
                sort_order=order,
                text=point.text,
                generated_text=point.text,
                source_sentences=list(point.source_sentences),
                source_excerpt=excerpt,
            )
        )
    return rows


def is_still_traceable(point: ArticleKeyPoint, text: str) -> bool:
    """Return True when every source sentence of ``point`` is still in the article text."""
    sentences = [line for line in point.source_excerpt.splitlines() if line.strip()]
    return bool(sentences) and all(sentence in text for sentence in sentences)


@transaction.atomic
def fill_key_points(page_id: int) -> ArticlePage | None:
    """Generate key points for the latest draft of a page and save them as a new revision.

    Generated points always arrive unapproved: an editor must approve them before
    readers see them (Peraturan Dewan Pers No. 1/2025). Points an editor wrote or
    already approved are left alone.
    """
    live = ArticlePage.objects.select_for_update().filter(pk=page_id).first()
    if live is None:
        return None
    if live.live:
        # Key-point rows are stored with the live page, so writing new ones would show
        # unreviewed bullets to readers at once. A published article's points change
        # only through an editor; the sources panel shows when they no longer match.
        logger.info("page %s is live; key points are left to the editor", page_id)
        return live.get_latest_revision_as_object()
    page = live.get_latest_revision_as_object()
    existing = list(page.key_points.all())
    if page.key_points_approved or any(p.origin != p.ORIGIN_GENERATED for p in existing):
        logger.info("key points of page %s are the editor's; not regenerated", page_id)
        return page
    article = article_input(page)
    if existing and all(is_still_traceable(p, article.text) for p in existing):
        return page  # the body edit did not touch the sentences the points came from
    engine = configured_engine()
    result = engine.extract(article)
    rows = key_point_rows(result)
    # Give the rows primary keys before they go into the revision: the admin formset
    # matches rows by id, and a row without one would come back from the editor's form
    # as a new row without its generated text and sources (losing its provenance).
    ArticleKeyPoint.objects.filter(page_id=page_id).delete()
    for row in rows:
        row.page_id = page_id
        row.save()
    page.key_points.set(rows)
    page.key_points_engine = f"{engine.name}:{result.method}"[:80]
    page.key_points_approved = False
    page.save_revision(log_action=False, clean=False)
    live.refresh_from_db()
    if not live.live:
        # Draft pages show the latest revision's values in listings; keep them in step.
        ArticlePage.objects.filter(pk=page_id).update(key_points_engine=page.key_points_engine)
    return page
