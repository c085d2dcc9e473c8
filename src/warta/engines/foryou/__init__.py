"""Warta's "For You" recommender: plain Python over plain data, no Django.

Build an index of the article pool once with :func:`build_index`, then call :func:`recommend`,
:func:`related` and :func:`popular` per request. Everything is deterministic for the same inputs
and seed. See ``docs/foryou.md``.
"""

from .feed import popular, recommend, related
from .index import Embedder, ForYouIndex, article_text, build_index
from .scoring import score_rows
from .types import (
    Article,
    EditorialSignal,
    ForYouConfig,
    ForYouError,
    Reader,
    Recommendation,
    UnknownArticleError,
)

__all__ = [
    "Article",
    "EditorialSignal",
    "Embedder",
    "ForYouConfig",
    "ForYouError",
    "ForYouIndex",
    "Reader",
    "Recommendation",
    "UnknownArticleError",
    "article_text",
    "build_index",
    "popular",
    "recommend",
    "related",
    "score_rows",
]
