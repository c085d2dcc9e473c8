"""Build a test set shaped like the published RecPrompt one: one click and nine non-clicks.

The RecPrompt authors' 400-impression MIND test set (popularity 52.5, LSTUR 67.2, NRMS 66.3,
GPT-4 prompting 69.4 AUC) is kept apart and not available here. This builds a set of the same
shape from complete impression lists, deterministically: order by a seeded hash, one impression
per user, then one clicked and ``negatives`` non-clicked candidates chosen by the same hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .mind import Impression

SUBSET = "recprompt_like"


def _key(seed: int, *parts: str) -> str:
    return hashlib.sha1(":".join((str(seed), *parts)).encode(), usedforsecurity=False).hexdigest()


def build_recprompt_like(
    impressions: Sequence[Impression],
    *,
    size: int = 400,
    negatives: int = 9,
    seed: int = 0,
    subsets: Sequence[str] | None = None,
) -> list[Impression]:
    """Return up to ``size`` impressions of 1 click + ``negatives`` non-clicks, one per user.

    ``subsets`` limits the sources (use those with complete candidate lists); impressions with no
    click or too few non-clicks are not used.
    """
    pool = [
        impression
        for impression in impressions
        if (subsets is None or impression.subset in subsets)
        and sum(impression.labels) >= 1
        and len(impression.labels) - sum(impression.labels) >= negatives
    ]
    pool.sort(key=lambda impression: _key(seed, impression.id))
    out: list[Impression] = []
    users: set[str] = set()
    for impression in pool:
        if len(out) >= size:
            break
        if impression.user_id in users:
            continue
        users.add(impression.user_id)
        pairs = list(zip(impression.candidates, impression.labels, strict=True))
        clicked = sorted((c for c, y in pairs if y), key=lambda c: _key(seed, impression.id, c))
        skipped = sorted((c for c, y in pairs if not y), key=lambda c: _key(seed, impression.id, c))
        chosen = [(clicked[0], 1)] + [(c, 0) for c in skipped[:negatives]]
        chosen.sort(key=lambda pair: _key(seed, "order", impression.id, pair[0]))
        out.append(
            Impression(
                id=impression.id,
                user_id=impression.user_id,
                time=impression.time,
                history=impression.history,
                candidates=tuple(c for c, _ in chosen),
                labels=tuple(y for _, y in chosen),
                subset=SUBSET,
            )
        )
    return out
