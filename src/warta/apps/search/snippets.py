"""Highlighted snippets: the passage of an article where the query's words cluster.

Everything from the article is HTML-escaped; only the ``<mark>`` tags are ours.
"""

from __future__ import annotations

from collections import Counter

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from warta.apps.search.analysis import WordSpan, word_spans

SNIPPET_WORDS = 32
ELLIPSIS = "…"


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """Return ``text`` escaped, with every word whose stem is in ``terms`` in ``<mark>``."""
    return _render(text, list(word_spans(text)), terms, 0, len(text))


def snippet(text: str, terms: frozenset[str], words: int = SNIPPET_WORDS) -> SafeString:
    """Return the ``words``-word passage of ``text`` with the most distinct query terms."""
    spans = list(word_spans(text))
    if not spans:
        return mark_safe("")  # noqa: S308 - empty
    start_index = _best_window(spans, terms, words)
    end_index = min(len(spans), start_index + words) - 1
    start = spans[start_index].start
    end = spans[end_index].end
    # Keep trailing punctuation of the last word ("banjir." reads better than "banjir").
    while end < len(text) and text[end] in ".,;:!?)\"'”’":
        end += 1
    html = _render(text, spans[start_index : end_index + 1], terms, start, end)
    prefix = ELLIPSIS + " " if start_index > 0 else ""
    suffix = " " + ELLIPSIS if end_index < len(spans) - 1 else ""
    return mark_safe(escape(prefix) + html + escape(suffix))  # noqa: S308 - parts escaped


def _best_window(spans: list[WordSpan], terms: frozenset[str], words: int) -> int:
    """Return the index of the first word of the best window (distinct terms, then hits)."""
    if not terms:
        return 0
    counts: Counter[str] = Counter()
    hits = 0
    best = (0, 0, 0)  # (distinct, hits, -start) maximised
    best_start = 0
    for i, span in enumerate(spans):
        if span.term in terms:
            counts[span.term] += 1
            hits += 1
        if i >= words:
            old = spans[i - words].term
            if old in terms:
                counts[old] -= 1
                hits -= 1
                if not counts[old]:
                    del counts[old]
        start = max(0, i - words + 1)
        score = (len(counts), hits, -start)
        if score > best:
            best, best_start = score, start
    if best[0] and best_start > 0:
        # Start a few words before the first match, so the reader gets some context.
        first = next(j for j in range(best_start, len(spans)) if spans[j].term in terms)
        best_start = max(0, min(best_start, first - 4))
    return best_start


def _render(
    text: str, spans: list[WordSpan], terms: frozenset[str], start: int, end: int
) -> SafeString:
    out: list[str] = []
    position = start
    for span in spans:
        if span.term and span.term in terms:
            out.append(escape(text[position : span.start]))
            out.append("<mark>" + escape(text[span.start : span.end]) + "</mark>")
            position = span.end
    out.append(escape(text[position:end]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above
