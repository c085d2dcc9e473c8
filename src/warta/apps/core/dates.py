"""Dates in Western Indonesia Time (WIB): ``17 Des 2025, 07:59 WIB`` (``17 Dec 2025`` in English).

Kept free of templates so feeds, JSON and pages format times the same way. Month names are
translated in the active language; the numbers, the order and "WIB" stay as they are.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import pgettext_lazy

JAKARTA = ZoneInfo("Asia/Jakarta")
MONTHS_SHORT = (
    pgettext_lazy("month abbreviation", "Jan"),
    pgettext_lazy("month abbreviation", "Feb"),
    pgettext_lazy("month abbreviation", "Mar"),
    pgettext_lazy("month abbreviation", "Apr"),
    pgettext_lazy("month abbreviation", "Mei"),
    pgettext_lazy("month abbreviation", "Jun"),
    pgettext_lazy("month abbreviation", "Jul"),
    pgettext_lazy("month abbreviation", "Agu"),
    pgettext_lazy("month abbreviation", "Sep"),
    pgettext_lazy("month abbreviation", "Okt"),
    pgettext_lazy("month abbreviation", "Nov"),
    pgettext_lazy("month abbreviation", "Des"),
)
MONTHS_LONG = (
    pgettext_lazy("month name", "Januari"),
    pgettext_lazy("month name", "Februari"),
    pgettext_lazy("month name", "Maret"),
    pgettext_lazy("month name", "April"),
    pgettext_lazy("month name", "Mei"),
    pgettext_lazy("month name", "Juni"),
    pgettext_lazy("month name", "Juli"),
    pgettext_lazy("month name", "Agustus"),
    pgettext_lazy("month name", "September"),
    pgettext_lazy("month name", "Oktober"),
    pgettext_lazy("month name", "November"),
    pgettext_lazy("month name", "Desember"),
)


def to_jakarta(moment: datetime) -> datetime:
    """Return ``moment`` in Asia/Jakarta; naive datetimes are refused as ambiguous."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: attach a timezone before formatting")
    return moment.astimezone(JAKARTA)


def format_wib(moment: datetime) -> str:
    """Return ``17 Des 2025, 07:59 WIB`` (``17 Dec 2025, 07:59 WIB`` in English)."""
    local = to_jakarta(moment)
    month = str(MONTHS_SHORT[local.month - 1])
    return f"{local.day} {month} {local.year}, {local:%H:%M} WIB"


def format_date_long(moment: datetime) -> str:
    """Return ``17 Desember 2025`` (``17 December 2025`` in English) in Jakarta time."""
    local = to_jakarta(moment)
    return f"{local.day} {str(MONTHS_LONG[local.month - 1])} {local.year}"
