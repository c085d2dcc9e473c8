"""Fixtures shared by the cross-cutting tests (browser end-to-end)."""
