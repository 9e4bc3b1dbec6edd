"""Durations and month arithmetic: the date rules of the format."""

from __future__ import annotations

import datetime as dt

import pytest

from hikitsugi.model import Duration, add_months


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("1 month", dt.date(2026, 1, 31), dt.date(2026, 2, 28)),
        ("6 months", dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        ("1 month", dt.date(2024, 1, 31), dt.date(2024, 2, 29)),
        ("12 months", dt.date(2025, 4, 1), dt.date(2026, 4, 1)),
        ("1 year", dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        ("2 weeks", dt.date(2026, 12, 25), dt.date(2027, 1, 8)),
        ("30 days", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        ("1 day", dt.date(2026, 12, 31), dt.date(2027, 1, 1)),
    ],
)
def test_duration_after_clamps_to_month_end(text: str, day: dt.date, expected: dt.date) -> None:
    assert Duration.parse(text).after(day) == expected


@pytest.mark.parametrize("text", ["12 monthz", "0 months", "months", "-1 days", "1.5 years", ""])
def test_bad_durations_do_not_parse(text: str) -> None:
    with pytest.raises(ValueError):
        Duration.parse(text)


def test_add_months_crosses_years_both_ways() -> None:
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 3, 31), -1) == dt.date(2026, 2, 28)
