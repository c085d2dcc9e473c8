"""Plain data the recommender reads and returns: frozen, typed, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass


class ForYouError(Exception):
    """Base error of the For You engine."""


class UnknownArticleError(ForYouError, KeyError):
    """Raised when an article id asked about is not in the index."""


@dataclass(frozen=True, slots=True)
class Article:
    """One published article as the recommender sees it.

    ``published_at`` is unix seconds; ``views`` is the article's total count of reads so far
    (first-party counts only); ``is_pick`` marks an editor's pick.
    """

    id: str
    title: str
    text: str
    section: str
    topics: tuple[str, ...]
    published_at: float
    views: int = 0
    is_pick: bool = False


@dataclass(frozen=True, slots=True)
class Reader:
    """A reader's first-party reading history: article ids, most recent last."""

    history: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EditorialSignal:
    """A newsroom's instruction about one article.

    ``boost`` adds to the score (negative values lower it), ``bury`` pushes the article below
    everything not buried, ``pin_slot`` puts it at that 0-based position of the For You feed
    (0 = first), ``exclude`` removes it from every list. Exclude wins over everything.
    """

    article_id: str
    boost: float = 0.0
    bury: bool = False
    pin_slot: int | None = None
    exclude: bool = False


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommended article with its score and a short reason in Indonesian."""

    article_id: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class ForYouConfig:
    """Weights and limits of the recommender; defaults are chosen for an Indonesian newsroom.

    Scores are a weighted sum of features that each lie in [0, 1]; see ``docs/foryou.md``.
    """

    # content similarity between the reader's history and the candidate
    weight_text: float = 1.0  # TF-IDF cosine with the history profile
    weight_embedding: float = 1.0  # sentence-embedding similarity (when the index has vectors)
    weight_nearest: float = 0.5  # similarity to the single closest history article
    # affinity: share of the history in the candidate's topics / section
    weight_topic: float = 1.0
    weight_section: float = 0.6
    # what everyone reads, and what is new
    weight_popularity: float = 0.3
    weight_freshness: float = 0.4
    weight_pick: float = 0.15
    popularity_half_life_hours: float = 24.0
    freshness_half_life_hours: float = 12.0
    # cold start (no known history): what everyone reads, what is new, what editors picked
    cold_weight_popularity: float = 1.0
    cold_weight_freshness: float = 0.5
    cold_weight_pick: float = 0.6
    # history handling
    history_limit: int = 200  # most recent reads considered
    history_half_life: float = 50.0  # reads; older reads weigh less in the profile
    # candidate generation
    fresh_window_hours: float = 72.0  # the fresh pool: articles published this recently
    candidate_pool: int = 400  # candidates re-ranked with the full scorer
    neighbours: int = 100  # articles near the history added even if older than the window
    # diversity and exploration
    max_topic_share: float = 0.4  # at most this share of a feed from one topic
    duplicate_similarity: float = 0.8  # two articles this similar report the same event
    explore_every: int = 10  # one exploration slot per this many items (0 disables)
    explore_candidates: int = 20  # drawn from this many best articles of unseen topics
    # editorial
    boost_weight: float = 1.0
