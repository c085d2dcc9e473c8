"""Indonesian date formatting in Western Indonesia Time (WIB), e.g. ``17 Des 2025, 07:59 WIB``.

Kept free of templates so feeds, JSON and pages format times the same way.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MONTHS_LONG = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def to_jakarta(moment: datetime) -> datetime:
    """Return ``moment`` in Asia/Jakarta; naive datetimes are refused as ambiguous."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: attach a timezone before formatting")
    return moment.astimezone(JAKARTA)


def format_wib(moment: datetime) -> str:
    """Return ``17 Des 2025, 07:59 WIB`` for any aware datetime."""
    local = to_jakarta(moment)
    month = MONTHS_SHORT[local.month - 1]
    return f"{local.day} {month} {local.year}, {local:%H:%M} WIB"


def format_date_long(moment: datetime) -> str:
    """Return ``17 Desember 2025`` in Jakarta time."""
    local = to_jakarta(moment)
    return f"{local.day} {MONTHS_LONG[local.month - 1]} {local.year}"
