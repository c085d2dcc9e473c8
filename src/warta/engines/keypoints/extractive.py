"""The extractive engine: numbered sub-headings when present, else salient sentences."""

from __future__ import annotations

import numpy as np

from warta.engines.keypoints.document import Document, prepare
from warta.engines.keypoints.features import (
    FEATURE_NAMES,
    MAX_FALLBACK_CHARS,
    SentenceFeatures,
    extract_features,
)
from warta.engines.keypoints.model import SalienceModel, default_model
from warta.engines.keypoints.shorten import shorten
from warta.engines.keypoints.types import (
    ArticleInput,
    KeyPoint,
    KeyPoints,
    KeyPointsConfig,
)

_CENTROID = FEATURE_NAMES.index("centroid_sim")
_REL_POS = FEATURE_NAMES.index("rel_pos")


def subheading_points(doc: Document, config: KeyPointsConfig) -> KeyPoints | None:
    """Return the article's numbered sub-headings as key points, or None if it has none."""
    if not config.use_subheadings or not doc.subheadings:
        return None
    chosen = doc.subheadings[: config.num_points]
    points = tuple(
        KeyPoint(text=h.text, source_sentences=(h.sentence_index,), score=1.0) for h in chosen
    )
    return KeyPoints(points, doc.sentences, "subheadings", doc.notes)


def heuristic_scores(features: SentenceFeatures) -> np.ndarray:
    """Return untrained salience scores: centrality to the article, with a lead bias."""
    matrix = features.matrix
    result: np.ndarray = matrix[:, _CENTROID] * (1.0 - 0.5 * matrix[:, _REL_POS])
    return result


def select(
    scores: np.ndarray, features: SentenceFeatures, count: int, threshold: float
) -> list[tuple[int, float]]:
    """Return up to ``count`` (candidate row, score) pairs: best first, near-duplicates skipped.

    Ties break on the earlier sentence so that the choice is deterministic.
    """
    order = sorted(range(len(scores)), key=lambda k: (-float(scores[k]), k))
    chosen: list[tuple[int, float]] = []
    chosen_tokens: list[set[str]] = []
    for k in order:
        tokens = set(features.tokens[k])
        if tokens and any(
            len(tokens & other) / len(tokens) > threshold for other in chosen_tokens if other
        ):
            continue
        chosen.append((k, float(scores[k])))
        chosen_tokens.append(tokens)
        if len(chosen) == count:
            break
    return chosen


def choose_groups(
    scores: np.ndarray, features: SentenceFeatures, doc: Document, config: KeyPointsConfig
) -> list[list[int]]:
    """Return candidate rows grouped into at most ``num_points`` bullets, in article order.

    Sentences are taken best first (near-duplicates skipped) until they reach
    ``target_words`` words together, then topped up to ``num_points``. When that gives more
    sentences than bullets, two consecutive sentences share a bullet if together they stay
    under ``max_bullet_words``; otherwise the weakest sentence is dropped.
    """
    ranked = select(scores, features, len(scores), config.redundancy_threshold)
    lengths = [len(doc.sentences[i].split()) for i in features.candidates]
    chosen: list[int] = []
    words = 0
    for k, _ in ranked:
        if words >= config.target_words and len(chosen) >= config.num_points:
            break
        chosen.append(k)
        words += lengths[k]
    groups = [[k] for k in sorted(chosen, key=lambda k: features.candidates[k])]
    while len(groups) > config.num_points:
        merge_at = -1
        merged_length = config.max_bullet_words + 1
        for g in range(len(groups) - 1):
            last = features.candidates[groups[g][-1]]
            first = features.candidates[groups[g + 1][0]]
            length = sum(lengths[k] for k in groups[g] + groups[g + 1])
            if first - last == 1 and length < merged_length:
                merge_at, merged_length = g, length
        if merge_at >= 0:
            groups[merge_at] = groups[merge_at] + groups.pop(merge_at + 1)
        else:
            weakest = min(
                range(len(groups)), key=lambda g: (max(float(scores[k]) for k in groups[g]), -g)
            )
            groups.pop(weakest)
    return groups


class ExtractiveEngine:
    """Key points copied from the article: sub-headings, else salient sentences, shortened."""

    name = "extractive"

    def __init__(
        self, config: KeyPointsConfig | None = None, model: SalienceModel | None = None
    ) -> None:
        self.config = config or KeyPointsConfig()
        self.model = model if model is not None else default_model()

    def extract(self, article: ArticleInput) -> KeyPoints:
        """Return the key points of ``article`` (raises EmptyArticleError on empty text)."""
        doc = prepare(article, self.config)
        by_heading = subheading_points(doc, self.config)
        if by_heading is not None:
            return by_heading
        return self.extract_sentences(doc)

    def extract_sentences(self, doc: Document) -> KeyPoints:
        """Return salient-sentence key points of a prepared document."""
        features = extract_features(doc)
        if not features.candidates:
            # No sentence of bullet size: take the first short-enough ones as they are, or
            # say that there is nothing to show.
            usable = [i for i in range(len(doc)) if len(doc.sentences[i]) <= MAX_FALLBACK_CHARS]
            points = tuple(
                KeyPoint(text=doc.sentences[i], source_sentences=(i,), score=0.0)
                for i in usable[: self.config.num_points]
            )
            notes = doc.notes if points else (*doc.notes, "no-usable-sentences")
            return KeyPoints(points, doc.sentences, "extractive", notes)
        if self.model is not None:
            scores = self.model.score(features.matrix)
        else:
            scores = heuristic_scores(features)
        groups = choose_groups(scores, features, doc, self.config)
        points_list: list[KeyPoint] = []
        for group in groups:
            indices = tuple(features.candidates[k] for k in group)
            lead = features.candidates[0]
            parts = [doc.sentences[i] for i in indices]
            if self.config.shorten:
                parts = [shorten(doc.sentences[i], is_lead=i == lead) for i in indices]
            score = sum(float(scores[k]) for k in group) / len(group)
            points_list.append(
                KeyPoint(text=" ".join(parts), source_sentences=indices, score=round(score, 6))
            )
        return KeyPoints(tuple(points_list), doc.sentences, "extractive", doc.notes)


class BaselineEngine:
    """Baseline for comparison: the sub-headings, else the first sentences unchanged (Lead-N)."""

    name = "baseline-lead"

    def __init__(self, config: KeyPointsConfig | None = None) -> None:
        self.config = config or KeyPointsConfig()

    def extract(self, article: ArticleInput) -> KeyPoints:
        """Return the sub-headings of ``article``, else its first sentences."""
        doc = prepare(article, self.config)
        by_heading = subheading_points(doc, self.config)
        if by_heading is not None:
            return by_heading
        indices = [i for i in range(len(doc)) if not doc.is_boilerplate[i]] or list(range(len(doc)))
        points = tuple(
            KeyPoint(text=doc.sentences[i], source_sentences=(i,), score=0.0)
            for i in indices[: self.config.num_points]
        )
        return KeyPoints(points, doc.sentences, "lead", doc.notes)
