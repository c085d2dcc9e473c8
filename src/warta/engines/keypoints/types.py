"""Types of the key-points engine: frozen dataclasses and the engine protocol."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

MIN_POINTS = 1
MAX_POINTS = 5


class KeyPointsError(Exception):
    """Base error of the key-points engine; ``str(error)`` is Indonesian first."""


class EmptyArticleError(KeyPointsError):
    """The article has no text to summarise."""


class GenerativeBackendError(KeyPointsError):
    """The configured generative server could not be used (network, HTTP or format)."""


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article: an optional title and its body (paragraphs separated by line breaks)."""

    text: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class KeyPoint:
    """One bullet, the indices of the article sentences it came from, and its score."""

    text: str
    source_sentences: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class KeyPoints:
    """The result: bullets, the article's sentences they index into, and how they were made.

    ``notes`` holds machine-readable remarks such as ``"html-stripped"``, ``"truncated"``,
    ``"not-indonesian"`` or ``"generative-fallback: <reason>"``.
    """

    points: tuple[KeyPoint, ...]
    sentences: tuple[str, ...]
    method: str
    notes: tuple[str, ...] = ()

    @property
    def texts(self) -> tuple[str, ...]:
        """Return the bullet texts in order."""
        return tuple(point.text for point in self.points)


@dataclass(frozen=True, slots=True)
class GenerativeConfig:
    """An OpenAI-compatible chat-completions server run by the publisher (off by default)."""

    base_url: str
    model: str
    api_key: str = field(default="", repr=False)
    timeout_seconds: float = 20.0
    temperature: float = 0.0


@dataclass(frozen=True, slots=True)
class KeyPointsConfig:
    """Settings of the engine.

    ``num_points`` must be 1..5; ``use_subheadings`` uses numbered sub-headings when the
    article has them; ``shorten`` trims bullets only where no fact is lost.
    ``target_words`` is the length the bullets aim for together: when the chosen sentences
    are short, two consecutive ones may share a bullet, up to ``max_bullet_words`` words.
    ``max_chars`` and ``max_sentences`` bound the work on very long inputs (the rest of the
    text is ignored and noted).
    """

    num_points: int = 3
    use_subheadings: bool = True
    shorten: bool = True
    redundancy_threshold: float = 0.8
    target_words: int = 55
    max_bullet_words: int = 35
    max_chars: int = 60_000
    max_sentences: int = 400
    generative: GenerativeConfig | None = None

    def __post_init__(self) -> None:
        if not MIN_POINTS <= self.num_points <= MAX_POINTS:
            raise KeyPointsError(
                f"Jumlah poin harus {MIN_POINTS} sampai {MAX_POINTS} / "
                f"number of key points must be {MIN_POINTS} to {MAX_POINTS}, "
                f"got {self.num_points}"
            )


@runtime_checkable
class KeyPointsEngine(Protocol):
    """Anything that turns an article into key points."""

    @property
    def name(self) -> str:
        """Return a short stable name of the engine (used in stored results)."""
        ...

    def extract(self, article: ArticleInput) -> KeyPoints:
        """Return the key points of ``article``."""
        ...
