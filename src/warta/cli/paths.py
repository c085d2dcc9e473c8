"""Where command-line tools find the shared evaluation data (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path


def shared_data_dir() -> Path:
    """Return $WARTA_DATA_DIR, else ``../shared/data`` beside the repository."""
    env = os.environ.get("WARTA_DATA_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def indosum_path() -> Path:
    """Return the IndoSum JSONL file in the shared data folder."""
    return shared_data_dir() / "indosum" / "indosum.jsonl"
