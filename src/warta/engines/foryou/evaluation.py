"""Offline evaluation on impression logs: Warta's scorer against four baselines, same run.

Every scorer sees one impression at a time (history and candidates, never the labels) and
returns one score per candidate. Popularity counts only clicks logged strictly before the
impression (or before the evaluated day when the log has no times), so an impression's own
clicks can never reach its score.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .index import ForYouIndex
from .metrics import ImpressionMetrics, Summary, impression_metrics, is_rankable, summarize
from .mind import ClickLog, Impression
from .scoring import FEATURES, build_profile, candidate_features, feature_weights
from .text import FloatArray
from .types import ForYouConfig

Scorer = Callable[[Impression], Sequence[float]]
Progress = Callable[[int, int], None]
WARTA = "warta"
BASELINES: tuple[str, ...] = ("random", "popularity", "tfidf", "category")
ALL = "all"


@dataclass(frozen=True, slots=True, eq=False)
class EvalContext:
    """What the scorers may know: the article index, earlier clicks, and when "now" is."""

    index: ForYouIndex
    clicks: ClickLog | None = None
    #: "now" for impressions without a time: the start of the evaluated day
    default_moment: float = 0.0
    config: ForYouConfig = field(default_factory=ForYouConfig)
    seed: int = 0

    def moment(self, impression: Impression) -> float:
        """Return the time before which clicks may be counted for this impression."""
        return impression.time if impression.time is not None else self.default_moment

    def prior_clicks(self, impression: Impression) -> FloatArray:
        """Return each candidate's clicks before the impression."""
        if self.clicks is None:
            return np.zeros(len(impression.candidates), dtype=np.float32)
        counts = self.clicks.counts_before(self.moment(impression), impression.candidates)
        return np.asarray(counts, dtype=np.float32)


def restrict_to_index(impressions: Sequence[Impression], index: ForYouIndex) -> list[Impression]:
    """Return the impressions with candidates and history limited to articles the index knows.

    Needed for logs whose article file covers only part of the ids (the train sample); labels
    of the kept candidates are unchanged.
    """
    out = []
    for impression in impressions:
        kept = [
            (c, y)
            for c, y in zip(impression.candidates, impression.labels, strict=True)
            if c in index.row_of
        ]
        out.append(
            Impression(
                id=impression.id,
                user_id=impression.user_id,
                time=impression.time,
                history=tuple(h for h in impression.history if h in index.row_of),
                candidates=tuple(c for c, _ in kept),
                labels=tuple(y for _, y in kept),
                subset=impression.subset,
            )
        )
    return out


def popularity_feature(prior_clicks: FloatArray) -> FloatArray:
    """Return log-scaled clicks relative to the most clicked candidate (0 when none was)."""
    top = float(prior_clicks.max()) if prior_clicks.size else 0.0
    if top <= 0.0:
        return np.zeros_like(prior_clicks)
    scaled: FloatArray = (np.log1p(prior_clicks) / np.log1p(top)).astype(np.float32)
    return scaled


def warta_scorer(context: EvalContext) -> Scorer:
    """Return Warta's full personal scorer (no editorial signals, diversity or exploration)."""
    index, config = context.index, context.config
    weights = feature_weights(config)
    popularity_column = FEATURES.index("popularity")

    def score(impression: Impression) -> Sequence[float]:
        rows = index.rows(impression.candidates)
        profile = build_profile(index, impression.history, config)
        features = candidate_features(
            index, profile, rows, now=context.moment(impression), config=config
        )
        features[:, popularity_column] = popularity_feature(context.prior_clicks(impression))
        scores: list[float] = (features @ weights).tolist()
        return scores

    return score


def random_scorer(context: EvalContext) -> Scorer:
    """Return uniform random scores, seeded per impression so runs repeat exactly."""

    def score(impression: Impression) -> Sequence[float]:
        seed = zlib.crc32(impression.id.encode()) ^ context.seed
        values: list[float] = (
            np.random.default_rng(seed).random(len(impression.candidates)).tolist()
        )
        return values

    return score


def popularity_scorer(context: EvalContext) -> Scorer:
    """Return clicks before the impression (ties keep the list order)."""

    def score(impression: Impression) -> Sequence[float]:
        values: list[float] = context.prior_clicks(impression).tolist()
        return values

    return score


def tfidf_scorer(context: EvalContext) -> Scorer:
    """Return the TF-IDF cosine between each candidate and the history's mean vector."""
    index = context.index

    def score(impression: Impression) -> Sequence[float]:
        history = index.rows(impression.history)
        if history.size == 0:
            return [0.0] * len(impression.candidates)
        centroid = index.tfidf.sum_rows(history.tolist()) / np.float32(history.size)
        values: list[float] = index.tfidf.dot_rows(
            index.rows(impression.candidates), centroid
        ).tolist()
        return values

    return score


def category_scorer(context: EvalContext) -> Scorer:
    """Return the history's share in the candidate's section plus half its share in the topic."""
    index = context.index

    def score(impression: Impression) -> Sequence[float]:
        history = [index.articles[r] for r in index.rows(impression.history).tolist()]
        if not history:
            return [0.0] * len(impression.candidates)
        sections: dict[str, int] = defaultdict(int)
        topics: dict[str, int] = defaultdict(int)
        for article in history:
            sections[article.section] += 1
            for topic in article.topics[:1]:
                topics[topic] += 1
        values = []
        for row in index.rows(impression.candidates).tolist():
            article = index.articles[row]
            topic_share = topics[article.topics[0]] if article.topics else 0
            values.append((sections[article.section] + 0.5 * topic_share) / len(history))
        return values

    return score


def all_scorers(context: EvalContext) -> dict[str, Scorer]:
    """Return Warta's scorer and the four baselines, by name."""
    return {
        WARTA: warta_scorer(context),
        "random": random_scorer(context),
        "popularity": popularity_scorer(context),
        "tfidf": tfidf_scorer(context),
        "category": category_scorer(context),
    }


@dataclass(frozen=True, slots=True)
class Report:
    """Per-impression metrics of every scorer, grouped by subset."""

    #: subset -> scorer -> metrics of each rankable impression, in file order
    metrics: Mapping[str, Mapping[str, Sequence[ImpressionMetrics]]]
    skipped: int

    def summary(self, subset: str, scorer: str) -> Summary:
        """Return the mean metrics of one scorer on one subset (``"all"`` for every impression)."""
        if subset == ALL:
            merged = [m for by_scorer in self.metrics.values() for m in by_scorer.get(scorer, ())]
            return summarize(merged)
        return summarize(self.metrics.get(subset, {}).get(scorer, ()))

    def subsets(self) -> list[str]:
        """Return the subset names, sorted."""
        return sorted(self.metrics)

    def scorers(self) -> list[str]:
        """Return the scorer names, Warta's first."""
        names = {name for by_scorer in self.metrics.values() for name in by_scorer}
        return sorted(names, key=lambda n: (n != WARTA, n))

    def as_dict(self) -> dict[str, object]:
        """Return the JSON shape of ``warta foryou eval --json``."""

        def block(subset: str) -> dict[str, object]:
            out: dict[str, object] = dict(self.summary(subset, WARTA).as_dict())
            out["baselines"] = {
                name: self.summary(subset, name).as_dict()
                for name in self.scorers()
                if name != WARTA
            }
            return out

        result = block(ALL)
        result["skipped"] = self.skipped
        result["subsets"] = {subset: block(subset) for subset in self.subsets()}
        return result


def evaluate(
    impressions: Sequence[Impression],
    scorers: Mapping[str, Scorer],
    *,
    progress: Progress | None = None,
) -> Report:
    """Return the metrics of every scorer on every rankable impression."""
    metrics: dict[str, dict[str, list[ImpressionMetrics]]] = {}
    skipped = 0
    for done, impression in enumerate(impressions, start=1):
        if is_rankable(impression.labels):
            by_scorer = metrics.setdefault(impression.subset, {})
            for name, scorer in scorers.items():
                scores = scorer(impression)
                by_scorer.setdefault(name, []).append(impression_metrics(impression.labels, scores))
        else:
            skipped += 1
        if progress is not None:
            progress(done, len(impressions))
    return Report(metrics=metrics, skipped=skipped)
