from datetime import UTC, datetime, timedelta, timezone

import pytest

from warta.apps.core.dates import format_date_long, format_wib


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 12, 17, 0, 59, tzinfo=UTC), "17 Des 2025, 07:59 WIB"),
        (datetime(2025, 12, 31, 17, 0, tzinfo=UTC), "1 Jan 2026, 00:00 WIB"),  # crosses the year
        (datetime(2026, 8, 5, 9, 5, tzinfo=timezone(timedelta(hours=9))), "5 Agu 2026, 07:05 WIB"),
        (datetime(2026, 5, 1, 12, 0, tzinfo=UTC), "1 Mei 2026, 19:00 WIB"),
        (datetime(2026, 10, 9, 3, 30, tzinfo=UTC), "9 Okt 2026, 10:30 WIB"),
    ],
)
def test_format_wib(moment, expected):
    assert format_wib(moment) == expected


def test_format_date_long():
    assert format_date_long(datetime(2026, 2, 28, 20, 0, tzinfo=UTC)) == "1 Maret 2026"


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        format_wib(datetime(2026, 1, 1, 12, 0))  # noqa: DTZ001
