"""Tokenise Indonesian text into words and numbers."""

from __future__ import annotations

import re

#: A token is a number with its inner separators (``10.30``, ``1,5``, ``27/3``, ``2016-17``),
#: or a word that may carry inner hyphens or apostrophes (``bentrokan-bentrokan``, ``Jum'at``),
#: optionally glued to a number (``Rp1,5``, ``ke-3``).
WORD_PATTERN = re.compile(
    r"\d+(?:[.,:/\-]\d+)*(?:[^\W\d_]+)?"  # numbers, with a unit glued on (5km)
    r"|[^\W\d_]+(?:[\-'’][^\W_]+)*(?:\d+(?:[.,]\d+)*)?",  # words, with a number glued on (Rp1,5)
    re.UNICODE,
)

_WORD_ONLY = re.compile(r"[^\W\d_]+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Return the word and number tokens of ``text`` in order, punctuation dropped, case kept."""
    return WORD_PATTERN.findall(text)


def word_tokens(text: str) -> list[str]:
    """Return lowercase alphabetic runs of ``text`` (a fast, lossy form for similarity)."""
    return _WORD_ONLY.findall(text.lower())
