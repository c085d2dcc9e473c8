"""Relevance over the demo corpus, judged in ``demo/content/search_relevance.json``.

Also computes recall@10 and MRR; ``docs/search.md`` reports the figures printed here
(run with ``-s`` to see them).
"""

from __future__ import annotations

import json

import pytest

from warta.apps.demo.loader import CONTENT_DIR
from warta.apps.search.parsing import parse_query
from warta.apps.search.results import find_articles
from warta.apps.search.tests.factories import load_demo_articles

pytestmark = pytest.mark.django_db

JUDGMENTS = json.loads((CONTENT_DIR / "search_relevance.json").read_text("utf-8"))


def test_demo_queries_find_every_relevant_article():
    load_demo_articles()
    failures, recalls, reciprocal_ranks = [], [], []
    for judgment in JUDGMENTS:
        relevant = set(judgment["relevant"])
        results = find_articles(parse_query(judgment["query"]), per_page=10)
        slugs = [item.article.slug for item in results.items]
        if not relevant:
            if slugs:
                failures.append(f"{judgment['query']!r}: expected nothing, got {slugs}")
            continue
        found = relevant & set(slugs)
        recalls.append(len(found) / len(relevant))
        first = next((rank for rank, s in enumerate(slugs, 1) if s in relevant), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        if found != relevant:
            failures.append(f"{judgment['query']!r}: missing {sorted(relevant - found)}")
        query, recall, rr = judgment["query"], recalls[-1], reciprocal_ranks[-1]
        print(f"{query:<28} recall@10={recall:.2f} rr={rr:.2f} {slugs}")
    recall = sum(recalls) / len(recalls)
    mrr = sum(reciprocal_ranks) / len(reciprocal_ranks)
    print(f"mean recall@10 = {recall:.3f}, MRR = {mrr:.3f} over {len(recalls)} queries")
    assert not failures, "\n".join(failures)
    assert mrr == 1.0
