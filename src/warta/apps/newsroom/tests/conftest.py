from __future__ import annotations

import pytest

from warta.apps.newsroom import versioning


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    """Replace the clock by which a process re-reads the content version row."""
    fake = FakeClock()
    monkeypatch.setattr(versioning, "monotonic", fake)
    return fake
