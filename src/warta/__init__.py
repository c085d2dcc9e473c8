"""Warta: an open-source news platform for Indonesian community newsrooms."""

__version__ = "0.1.0"
