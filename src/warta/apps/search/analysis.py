"""Adapter from the Indonesian text engine to what search needs.

Index and query text both go through ``warta.engines.text.analyze`` (lowercase,
tokenise, drop stopwords, stem with Sastrawi). Highlighting also needs the stem of
each word *where it stands* in the original text, which ``analyze`` does not expose,
so ``term_of`` applies the same stopword-then-stem rule to one token of the engine's
own ``WORD_PATTERN``.
"""

from __future__ import annotations

import functools

from warta.engines.text import analyze, is_stopword, stem

#: Stems longer than this are not words a reader searches for (and would not fit the column).
MAX_TERM_LENGTH = 100


def index_terms(text: str) -> list[str]:
    """Return the stems of ``text`` in reading order, as stored in the index."""
    return [term for term in analyze(text) if len(term) <= MAX_TERM_LENGTH]


@functools.lru_cache(maxsize=100_000)
def term_of(token: str) -> str:
    """Return the stem ``token`` is indexed as, or "" for a stopword (same as ``analyze``)."""
    lowered = token.lower()
    return "" if is_stopword(lowered) else stem(lowered)
