"""Title suggestions while the reader types: whole words are stems, the last one a prefix."""

from __future__ import annotations

from django.db.models import Q

from warta.apps.newsroom.models import ArticlePage
from warta.apps.search.analysis import index_terms
from warta.apps.search.models import SearchPosting, SearchTerm
from warta.apps.search.parsing import truncate_query

MAX_SUGGESTIONS = 8
MIN_PREFIX = 2
#: A short prefix can match thousands of stems; try the most common few.
MAX_PREFIX_TERMS = 30


def _prefix_range(prefix: str) -> Q:
    # The range lets SQLite use the unique index on text (its LIKE is case-insensitive
    # and cannot); startswith then keeps exactly the prefix matches on both databases.
    last = ord(prefix[-1])
    if last >= 0x10FFFF:  # no character after it: the prefix match alone decides
        return Q(text__startswith=prefix)
    upper = prefix[:-1] + chr(last + 1)
    return Q(text__gte=prefix, text__lt=upper, text__startswith=prefix)


def suggest_titles(raw: str, limit: int = MAX_SUGGESTIONS) -> list[ArticlePage]:
    """Return up to ``limit`` published articles whose titles match what was typed so far."""
    text, _ = truncate_query(raw)
    words = text.lower().split()
    if not words:
        return []
    *complete, last = words
    stems = index_terms(" ".join(complete))[:6]
    last_stems = index_terms(last)
    prefix_q = _prefix_range(last) if len(last) >= MIN_PREFIX else Q(pk__in=[])
    if last_stems:
        prefix_q |= Q(text=last_stems[0])
    prefix_ids = list(
        SearchTerm.objects.filter(prefix_q, document_count__gt=0)
        .order_by("-document_count", "text")
        .values_list("id", flat=True)[:MAX_PREFIX_TERMS]
    )
    if not prefix_ids:
        return []
    postings = SearchPosting.objects.filter(in_title=True)
    candidates = postings.filter(term_id__in=prefix_ids)
    if stems:
        complete_ids = list(SearchTerm.objects.filter(text__in=stems).values_list("id", flat=True))
        if len(complete_ids) < len(set(stems)):
            return []
        for term_id in complete_ids:
            candidates = candidates.filter(
                entry_id__in=postings.filter(term_id=term_id).values("entry_id")
            )
    entry_ids = candidates.order_by("-impact", "-entry_id").values_list("entry_id", flat=True)
    ids = list(dict.fromkeys(entry_ids[: limit * 4]))[:limit]
    pages = ArticlePage.objects.published().filter(pk__in=ids).in_bulk()
    return [pages[i] for i in ids if i in pages]
