"""Fast ROUGE-N F1 with the tokenisation of the ``rouge-score`` package (for labels/oracle).

Reported scores always come from ``rouge-score`` itself (see :mod:`evaluation`); this module
only makes the oracle and training labels cheap to compute.
"""

from __future__ import annotations

import re
from collections import Counter

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """Return tokens as rouge-score makes them without stemming: lowercase ``[a-z0-9]+`` runs."""
    return _NON_ALNUM.sub(" ", text.lower()).split()


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    """Return the multiset of ``n``-grams of ``tokens``."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f1_from_counts(
    candidate: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]
) -> float:
    """Return the F1 of clipped n-gram overlap between two n-gram multisets."""
    total_c = sum(candidate.values())
    total_r = sum(reference.values())
    if total_c == 0 or total_r == 0:
        return 0.0
    overlap = sum((candidate & reference).values())
    if overlap == 0:
        return 0.0
    precision = overlap / total_c
    recall = overlap / total_r
    return 2 * precision * recall / (precision + recall)


def greedy_oracle(sentences: list[str], reference: str, max_sentences: int = 5) -> list[int]:
    """Return indices (in order) chosen greedily to maximise ROUGE-1 + ROUGE-2 F1."""
    ref_tokens = rouge_tokens(reference)
    refs = (ngrams(ref_tokens, 1), ngrams(ref_tokens, 2))
    sent_tokens = [rouge_tokens(s) for s in sentences]
    chosen: list[int] = []
    best_score = 0.0
    current: list[str] = []
    while len(chosen) < max_sentences:
        best_index = -1
        for i, toks in enumerate(sent_tokens):
            if i in chosen or not toks:
                continue
            merged = current + toks
            score = f1_from_counts(ngrams(merged, 1), refs[0]) + f1_from_counts(
                ngrams(merged, 2), refs[1]
            )
            if score > best_score:
                best_score = score
                best_index = i
        if best_index < 0:
            break
        chosen.append(best_index)
        current = current + sent_tokens[best_index]
    return sorted(chosen)
