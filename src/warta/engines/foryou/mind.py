"""Read impression logs in the MIND-derived JSON-lines format used for offline evaluation.

``articles.jsonl``: ``id, title, abstract, category, subcategory``. ``impressions.jsonl``:
``impression_id, user_id, time (ISO or null), history, impressions [[id, clicked], ...], subset``.
MIND is research data under a non-commercial licence: this module only reads it from where it
lies (``../shared/data``); nothing from it is stored in the project.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .types import Article, ForYouError


@dataclass(frozen=True, slots=True)
class Impression:
    """One page view of a recommender's list: the reader's history and what they clicked."""

    id: str
    user_id: str
    time: float | None  # unix seconds; the start of the day when the log has only a date
    history: tuple[str, ...]
    candidates: tuple[str, ...]
    labels: tuple[int, ...]
    subset: str = "all"


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    try:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise ForYouError(f"cannot read {path}: {exc}") from exc


def parse_time(value: object) -> float | None:
    """Return unix seconds of an ISO time (read as UTC when it has no zone), or ``None``."""
    if not isinstance(value, str) or not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def load_impressions(path: Path) -> list[Impression]:
    """Return the impressions of a JSON-lines file, in file order."""
    out: list[Impression] = []
    for row in _read_jsonl(path):
        pairs = row.get("impressions")
        if not isinstance(pairs, list):
            raise ForYouError(f"{path}: impression without an 'impressions' list")
        history = row.get("history") or []
        assert isinstance(history, list)
        out.append(
            Impression(
                id=str(row.get("impression_id", len(out))),
                user_id=str(row.get("user_id", "")),
                time=parse_time(row.get("time")) or parse_time(row.get("date")),
                history=tuple(str(h) for h in history),
                candidates=tuple(str(pair[0]) for pair in pairs),
                labels=tuple(int(pair[1]) for pair in pairs),
                subset=str(row.get("subset") or "all"),
            )
        )
    return out


def load_articles(path: Path, *, published_at: float = 0.0) -> list[Article]:
    """Return MIND news as :class:`Article`: category as section, subcategory as topic.

    MIND has no publication times, so every article gets ``published_at``; the evaluation
    therefore measures everything except freshness.
    """
    articles = []
    for row in _read_jsonl(path):
        subcategory = str(row.get("subcategory") or "")
        articles.append(
            Article(
                id=str(row["id"]),
                title=str(row.get("title") or ""),
                text=str(row.get("abstract") or ""),
                section=str(row.get("category") or ""),
                topics=(subcategory,) if subcategory else (),
                published_at=published_at,
            )
        )
    return articles


class ClickLog:
    """Clicks with times, answering "how often was X clicked before time t" without leakage."""

    def __init__(self, impressions: Iterable[Impression]) -> None:
        times: dict[str, list[float]] = defaultdict(list)
        for impression in impressions:
            if impression.time is None:
                raise ForYouError("a click log needs impressions with times")
            for article_id, label in zip(impression.candidates, impression.labels, strict=True):
                if label:
                    times[article_id].append(impression.time)
        self._times = {article_id: sorted(ts) for article_id, ts in times.items()}

    def clicks_before(self, article_id: str, moment: float) -> int:
        """Return the number of clicks on ``article_id`` strictly before ``moment``."""
        return bisect_left(self._times.get(article_id, ()), moment)

    def counts_before(self, moment: float, article_ids: Sequence[str]) -> list[int]:
        """Return :meth:`clicks_before` for several articles."""
        return [self.clicks_before(a, moment) for a in article_ids]

    def article_ids(self) -> list[str]:
        """Return the ids that were clicked at least once, sorted."""
        return sorted(self._times)


def impression_record(impression: Impression) -> dict[str, object]:
    """Return the JSON-lines record of an impression (the format :func:`load_impressions` reads)."""
    moment = impression.time
    return {
        "impression_id": impression.id,
        "user_id": impression.user_id,
        "time": None if moment is None else datetime.fromtimestamp(moment, UTC).isoformat(),
        "history": list(impression.history),
        "impressions": [
            [c, y] for c, y in zip(impression.candidates, impression.labels, strict=True)
        ],
        "subset": impression.subset,
    }
