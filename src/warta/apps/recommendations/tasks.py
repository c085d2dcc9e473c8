"""Background tasks: the nightly retention purge (which queues its own next run), embeddings."""

from __future__ import annotations

from django.tasks import task

from warta.apps.recommendations.actions import purge_expired_reading_events


@task()
def purge_reading_history() -> int | None:
    """Delete reading events past ``WARTA_READING_HISTORY_DAYS``; return how many.

    Queues the next night's run first (see ``scheduling``), so the purge keeps running daily
    for as long as the worker does, even after a run that fails. Returns ``None`` without
    purging when another run finished within the hour (a duplicate queued by two processes
    at once).
    """
    from warta.apps.recommendations.scheduling import ensure_purge_scheduled, purged_recently

    ensure_purge_scheduled()
    if purged_recently():
        return None
    return purge_expired_reading_events()


@task()
def embed_articles(article_ids: list[int]) -> int:
    """Embed those of ``article_ids`` that are published and lack a current stored vector.

    Queued by the index build (``embeddings.queue_missing``); when it stored anything, it bumps
    the pool version so that every process rebuilds its index with the new vectors. Returns
    how many articles it embedded.
    """
    from warta.apps.recommendations import embeddings
    from warta.apps.recommendations.articles import load_pool
    from warta.apps.recommendations.indexing import bump_pool_version

    articles, _ = load_pool(article_ids)
    embedded = embeddings.embed_missing(articles)
    if embedded:
        bump_pool_version()
    return embedded
