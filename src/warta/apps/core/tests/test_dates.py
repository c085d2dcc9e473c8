from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.utils import translation

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


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 12, 17, 0, 59, tzinfo=UTC), "17 Dec 2025, 07:59 WIB"),
        (datetime(2026, 8, 5, 0, 5, tzinfo=UTC), "5 Aug 2026, 07:05 WIB"),
        (datetime(2026, 5, 1, 12, 0, tzinfo=UTC), "1 May 2026, 19:00 WIB"),
        (datetime(2026, 10, 9, 3, 30, tzinfo=UTC), "9 Oct 2026, 10:30 WIB"),
    ],
)
def test_format_wib_in_english(moment, expected):
    with translation.override("en"):
        assert format_wib(moment) == expected


def test_format_date_long_in_english():
    with translation.override("en"):
        assert format_date_long(datetime(2026, 2, 28, 20, 0, tzinfo=UTC)) == "1 March 2026"


def test_every_month_has_its_own_english_abbreviation():
    with translation.override("en"):
        months = [format_wib(datetime(2026, m, 15, tzinfo=UTC)).split()[1] for m in range(1, 13)]
    assert months == [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    ]
