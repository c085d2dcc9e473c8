"""Read summarisation records (IndoSum / XL-Sum JSON lines) for training and evaluation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.engines.keypoints.types import KeyPointsError

#: The official IndoSum fold-1 validation file: the held-out evaluation split.
HELD_OUT_FILE = "dev.01.jsonl"
SPLITS = ("all", "dev01", "rest")


@dataclass(frozen=True, slots=True)
class Record:
    """One article with its reference summary."""

    id: str
    title: str
    text: str
    summary_sentences: tuple[str, ...]
    sentences: tuple[str, ...]  # the dataset's own segmentation, may be empty
    source_file: str

    @property
    def reference(self) -> str:
        """Return the reference summary, one sentence per line (for ROUGE-Lsum)."""
        return "\n".join(self.summary_sentences)


def iter_records(
    path: Path | str, split: str = "all", limit: int | None = None
) -> Iterator[Record]:
    """Yield records of a JSON-lines file; ``split`` is all, dev01 (held out) or rest."""
    if split not in SPLITS:
        raise KeyPointsError(f"Split tidak dikenal / unknown split {split!r}; use {SPLITS}")
    count = 0
    try:
        handle = Path(path).open(encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise KeyPointsError(f"Berkas data tidak bisa dibuka / cannot open {path}: {exc}") from exc
    with handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError as exc:
                raise KeyPointsError(
                    f"Baris {line_no} bukan JSON / line {line_no} of {path} is not JSON"
                ) from exc
            source_file = str(raw.get("indosum_file") or "")
            if split == "dev01" and source_file != HELD_OUT_FILE:
                continue
            if split == "rest" and source_file == HELD_OUT_FILE:
                continue
            summary_sentences = raw.get("summary_sentences") or [raw.get("summary") or ""]
            yield Record(
                id=str(raw.get("id", line_no)),
                title=str(raw.get("title") or ""),
                text=str(raw.get("text") or ""),
                summary_sentences=tuple(str(s) for s in summary_sentences),
                sentences=tuple(str(s) for s in raw.get("sentences") or ()),
                source_file=source_file,
            )
            count += 1
            if limit is not None and count >= limit:
                return
