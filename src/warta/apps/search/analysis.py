"""Adapter from the Indonesian text engine to what search needs.

Index and query text both go through ``warta.engines.text.analyze`` (lowercase,
tokenise, drop stopwords, stem with Sastrawi). Highlighting also needs *where* each
word is in the original text, which the engine does not expose, so ``word_spans``
walks the engine's own token pattern and stems each token the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from warta.engines.text import WORD_PATTERN, analyze, is_stopword, stem

#: Stems longer than this are not words a reader searches for (and would not fit the column).
MAX_TERM_LENGTH = 100


def index_terms(text: str) -> list[str]:
    """Return the stems of ``text`` in reading order, as stored in the index."""
    return [term for term in analyze(text) if len(term) <= MAX_TERM_LENGTH]


@dataclass(frozen=True)
class WordSpan:
    """One word of the original text: where it is and the stem it indexes as."""

    start: int
    end: int
    term: str  # "" for a stopword


def word_spans(text: str) -> Iterator[WordSpan]:
    """Yield each word of ``text`` with its offsets and its stem ("" for stopwords)."""
    for match in WORD_PATTERN.finditer(text):
        token = match.group()
        term = "" if is_stopword(token) else stem(token)
        yield WordSpan(match.start(), match.end(), term)
