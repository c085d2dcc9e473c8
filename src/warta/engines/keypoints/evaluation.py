"""Evaluate key points against reference summaries with ROUGE (``warta keypoints eval``).

Scores are F1 x 100 from the ``rouge-score`` package without stemming; bullets and
reference sentences are joined by newlines (which only matters for ROUGE-Lsum).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from warta.engines.keypoints.dataset import Record
from warta.engines.keypoints.rouge import greedy_oracle
from warta.engines.keypoints.types import ArticleInput, KeyPointsEngine, KeyPointsError
from warta.engines.text import split_sentences, stopwords, word_tokens

ROUGE_KEYS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
BASELINES = ("lead3", "textrank", "lexrank", "oracle")


@dataclass(frozen=True, slots=True)
class RougeScores:
    """Mean F1 x 100 of each ROUGE variant."""

    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - the name rouge-score and the papers use
    rougeLsum: float  # noqa: N815

    def as_dict(self) -> dict[str, float]:
        """Return the scores keyed by ROUGE name, rounded to two decimals."""
        return {key: round(getattr(self, key), 2) for key in ROUGE_KEYS}


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The outcome of one evaluation run."""

    n: int
    scores: RougeScores
    articles_per_second: float
    words_per_bullet: float
    baselines: dict[str, RougeScores] = field(default_factory=dict)
    methods: dict[str, int] = field(default_factory=dict)
    errors: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Return the report as the JSON object ``warta keypoints eval --json`` prints."""
        return {
            "n": self.n,
            **self.scores.as_dict(),
            "articles_per_second": round(self.articles_per_second, 1),
            "words_per_bullet": round(self.words_per_bullet, 2),
            "baselines": {name: s.as_dict() for name, s in self.baselines.items()},
            "methods": dict(sorted(self.methods.items())),
            "errors": self.errors,
        }


class RougeAccumulator:
    """Sum ROUGE F1 over (reference, prediction) pairs with the rouge-score package."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_KEYS), use_stemmer=False)
        self._totals = dict.fromkeys(ROUGE_KEYS, 0.0)
        self.count = 0

    def add(self, reference: str, lines: Sequence[str]) -> None:
        """Score one prediction (a list of bullets or sentences) against its reference."""
        result = self._scorer.score(reference, "\n".join(lines))
        for key in ROUGE_KEYS:
            self._totals[key] += result[key].fmeasure
        self.count += 1

    def mean(self) -> RougeScores:
        """Return the mean F1 x 100 so far (zeros when nothing was added)."""
        n = max(self.count, 1)
        return RougeScores(**{key: 100.0 * self._totals[key] / n for key in ROUGE_KEYS})


class _SumyTokenizer:
    """The interface sumy expects, backed by Warta's Indonesian text tools."""

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return word_tokens(sentence)


class BaselineSummarizers:
    """Lead-3, TextRank, LexRank (sumy) and the greedy extractive oracle."""

    def __init__(self, count: int = 3) -> None:
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer

        self.count = count
        self._tokenizer = _SumyTokenizer()
        self._textrank = TextRankSummarizer()
        self._lexrank = LexRankSummarizer()
        words = sorted(stopwords())
        self._textrank.stop_words = words
        self._lexrank.stop_words = words

    def summarize(self, record: Record) -> dict[str, list[str]]:
        """Return each baseline's sentences for ``record`` (the dataset's own segmentation)."""
        sentences = list(record.sentences) or split_sentences(record.text)
        out = {"lead3": sentences[: self.count]}
        out["textrank"] = self._sumy(self._textrank, sentences)
        out["lexrank"] = self._sumy(self._lexrank, sentences)
        chosen = greedy_oracle(sentences, record.reference, max_sentences=5)
        out["oracle"] = [sentences[i] for i in chosen]
        return out

    def _sumy(self, summarizer: Any, sentences: list[str]) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        if not sentences:
            return []
        import numpy as np

        document = ObjectDocumentModel(
            [Paragraph([Sentence(s, self._tokenizer) for s in sentences])]
        )
        # LexRank divides by a zero norm on one-sentence documents; the result is still usable.
        with np.errstate(invalid="ignore", divide="ignore"):
            return [str(s) for s in summarizer(document, self.count)]


def evaluate(
    records: Iterable[Record],
    engine: KeyPointsEngine,
    *,
    with_baselines: bool = True,
    progress: Callable[[int], None] | None = None,
) -> EvalReport:
    """Return ROUGE of ``engine`` (and the baselines) over ``records``.

    ``articles_per_second`` counts CPU time of this thread spent in ``engine.extract``, so
    that other work on a shared machine does not distort it.
    """
    ours = RougeAccumulator()
    baselines = BaselineSummarizers() if with_baselines else None
    baseline_scores = {name: RougeAccumulator() for name in BASELINES} if baselines else {}
    elapsed = 0.0
    bullets = 0
    words = 0
    errors = 0
    methods: Counter[str] = Counter()
    for n, record in enumerate(records, 1):
        article = ArticleInput(text=record.text, title=record.title)
        started = time.thread_time()
        try:
            result = engine.extract(article)
            lines: tuple[str, ...] = result.texts
            methods[result.method] += 1
        except KeyPointsError:
            lines = ()
            errors += 1
        elapsed += time.thread_time() - started
        ours.add(record.reference, lines)
        bullets += len(lines)
        words += sum(len(line.split()) for line in lines)
        if baselines is not None:
            for name, predicted in baselines.summarize(record).items():
                baseline_scores[name].add(record.reference, predicted)
        if progress is not None:
            progress(n)
    return EvalReport(
        n=ours.count,
        scores=ours.mean(),
        articles_per_second=ours.count / elapsed if elapsed > 0 else 0.0,
        words_per_bullet=words / bullets if bullets else 0.0,
        baselines={name: acc.mean() for name, acc in baseline_scores.items()},
        methods=dict(methods),
        errors=errors,
    )
