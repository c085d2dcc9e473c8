"""Adapter from published article pages to the recommender's plain data."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from wagtail.models import Page

from warta.apps.newsroom.blocks import rich_text_to_plain
from warta.apps.newsroom.models import ArticlePage, SectionPage
from warta.engines.foryou import Article, EditorialSignal

#: characters of body text the recommender sees per article (TF-IDF needs the gist, not all)
TEXT_LIMIT = 3000


def body_text(raw: Any, limit: int = TEXT_LIMIT) -> str:
    """Return the plain text of a StreamField's raw data: every string, tags stripped."""
    parts: list[str] = []
    size = 0

    def walk(value: Any) -> None:
        nonlocal size
        if size >= limit:
            return
        if isinstance(value, str):
            text = rich_text_to_plain(value)
            parts.append(text)
            size += len(text) + 1
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("type", "id", "url"):
                    walk(item)
        elif isinstance(value, Iterable):
            for item in value:
                walk(item)

    walk(raw)
    return " ".join(p for p in parts if p)[:limit]


def editorial_signal(
    article_id: int, boost: float, bury: bool, pin: int | None, exclude: bool
) -> EditorialSignal | None:
    """Return the engine signal of an article's "Rekomendasi" fields, or None if all default.

    Editors count slots from 1 ("1 = paling atas"); the engine counts from 0.
    """
    pin_slot = pin - 1 if pin else None
    if not (boost or bury or exclude or pin_slot is not None):
        return None
    return EditorialSignal(
        article_id=str(article_id),
        boost=float(boost or 0.0),
        bury=bool(bury),
        pin_slot=pin_slot,
        exclude=bool(exclude),
    )


def load_pool(
    article_ids: Iterable[int] | None = None,
) -> tuple[list[Article], list[EditorialSignal]]:
    """Return every published article as the engine sees it, and the editors' signals.

    With ``article_ids``, only those of them that are published. A fixed handful of queries
    whatever the number of articles: the articles, their topics and the section titles.
    """
    published = ArticlePage.objects.published()
    if article_ids is not None:
        published = published.filter(pk__in=list(article_ids))
    rows = list(
        published.values_list(
            "pk",
            "title",
            "search_description",
            "body",
            "path",
            "first_published_at",
            "editors_pick",
            "recommendation_boost",
            "recommendation_bury",
            "recommendation_pin",
            "recommendation_exclude",
        )
    )
    ids = [row[0] for row in rows]
    topics: dict[int, list[str]] = defaultdict(list)
    through = ArticlePage.topics.through
    for article_id, name in (
        through.objects.filter(articlepage_id__in=ids)
        .order_by("pk")
        .values_list("articlepage_id", "topic__name")
    ):
        topics[article_id].append(name)
    section_of_path = dict(SectionPage.objects.values_list("path", "title"))

    articles: list[Article] = []
    signals: list[EditorialSignal] = []
    for pk, title, description, body, path, published, pick, boost, bury, pin, exclude in rows:
        raw = getattr(body, "raw_data", body)
        text = " ".join(filter(None, [description, body_text(raw)]))
        articles.append(
            Article(
                id=str(pk),
                title=title,
                text=text,
                section=section_of_path.get(path[: -Page.steplen], ""),
                topics=tuple(topics.get(pk, ())),
                published_at=published.timestamp() if published else 0.0,
                is_pick=bool(pick),
            )
        )
        signal = editorial_signal(pk, boost, bury, pin, exclude)
        if signal is not None:
            signals.append(signal)
    return articles, signals
