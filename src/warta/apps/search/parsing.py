"""Turn what a reader typed into a search query: terms, phrases, and what was dropped.

There are no operators: quotes make a phrase, everything else is a word. Characters
that mean something to SQL or FTS engines (``* - ( ) ; % _ '`` ...) are ordinary
punctuation to the tokeniser and vanish; ``OR`` and ``NEAR`` are just words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.apps.search.analysis import index_terms

#: Longer queries are cut at a word boundary; nobody types more into a search box.
MAX_QUERY_CHARS = 200
#: At most this many distinct terms are searched for; the rest are ignored.
MAX_TERMS = 12

_PHRASE = re.compile(r'"([^"]*)"')
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ParsedQuery:
    """A reader's query after analysis."""

    text: str  # what is shown back to the reader (trimmed, possibly truncated)
    terms: tuple[str, ...]  # distinct stems, every one must match
    phrases: tuple[tuple[str, ...], ...]  # stem sequences that must appear in order
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        """Return whether nothing searchable is left (blank, or only stopwords)."""
        return not self.terms


def truncate_query(raw: str) -> tuple[str, bool]:
    """Return ``raw`` with whitespace collapsed, cut to ``MAX_QUERY_CHARS`` at a word end."""
    text = _SPACES.sub(" ", raw.replace("\x00", "")).strip()
    if len(text) <= MAX_QUERY_CHARS:
        return text, False
    cut = text[:MAX_QUERY_CHARS]
    space = cut.rfind(" ")
    if space > MAX_QUERY_CHARS // 2:
        cut = cut[:space]
    return cut.rstrip(), True


def parse_query(raw: str) -> ParsedQuery:
    """Return the terms and phrases of ``raw``; never raises on any input."""
    text, truncated = truncate_query(raw.replace("\x00", ""))
    phrases: list[tuple[str, ...]] = []
    for match in _PHRASE.finditer(text):
        terms = tuple(index_terms(match.group(1)))
        if len(terms) > 1 and terms not in phrases:
            phrases.append(terms)
    terms: list[str] = []
    for term in index_terms(text):
        if term not in terms:
            terms.append(term)
    terms = terms[:MAX_TERMS]
    kept = set(terms)
    return ParsedQuery(
        text=text,
        terms=tuple(terms),
        phrases=tuple(p for p in phrases if set(p) <= kept),
        truncated=truncated,
    )
