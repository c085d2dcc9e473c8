"""Highlighted snippets: the passage of an article where the query's words cluster.

Everything from the article is HTML-escaped; only the ``<mark>`` tags are ours. To stay
cheap on long articles, the text is stemmed once per *distinct* word (cached), and only
the positions of matching words are walked.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from warta.apps.search.analysis import term_of
from warta.engines.text import WORD_PATTERN

SNIPPET_CHARS = 220
CONTEXT_CHARS = 40
ELLIPSIS = "…"
_SPACES = re.compile(r"\s+")


def _matches(text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, term) of every word of ``text`` whose stem is in ``terms``."""
    if not terms:
        return []
    surface = {w for w in set(WORD_PATTERN.findall(text)) if term_of(w) in terms}
    if not surface:
        return []
    return [
        (m.start(), m.end(), term_of(m.group()))
        for m in WORD_PATTERN.finditer(text)
        if m.group() in surface
    ]


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """Return ``text`` escaped, with every word whose stem is in ``terms`` in ``<mark>``."""
    return _render(text, _matches(text, terms), 0, len(text))


def snippet(text: str, terms: frozenset[str], length: int = SNIPPET_CHARS) -> SafeString:
    """Return a passage of about ``length`` characters holding the most distinct terms."""
    text = _SPACES.sub(" ", text).strip()
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    matches = _matches(text, terms)
    start = _best_start(matches, length)
    end = min(len(text), start + length)
    # Widen to whole words: back to the previous space, forward to the next one.
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else 0
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 else len(text)
    inside = [m for m in matches if m[0] >= start and m[1] <= end]
    prefix = ELLIPSIS + " " if start > 0 else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    html = _render(text, inside, start, end)
    return mark_safe(escape(prefix) + html + escape(suffix))  # noqa: S308 - parts escaped


def _best_start(matches: list[tuple[int, int, str]], length: int) -> int:
    """Return where the passage starts: the window with most distinct terms, then hits."""
    best = (0, 0)
    best_start = 0
    for i, (first, _end, _term) in enumerate(matches):
        window = [m for m in matches[i:] if m[1] <= first + length - CONTEXT_CHARS]
        score = (len({m[2] for m in window}), len(window))
        if score > best:
            best, best_start = score, first
    return max(0, best_start - CONTEXT_CHARS) if best_start else 0


def _render(text: str, matches: list[tuple[int, int, str]], start: int, end: int) -> SafeString:
    out: list[str] = []
    position = start
    for m_start, m_end, _term in matches:
        out.append(escape(text[position:m_start]))
        out.append("<mark>" + escape(text[m_start:m_end]) + "</mark>")
        position = m_end
    out.append(escape(text[position:end]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above
