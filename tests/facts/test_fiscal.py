"""The fiscal year containing a day: decided in facts/fiscal.py only."""

from __future__ import annotations

import datetime

import pytest

from hikitsugi.facts import fiscal

D = datetime.date


@pytest.mark.parametrize(
    ("day", "first_month", "expected"),
    [
        (D(2026, 4, 1), 4, (D(2026, 4, 1), D(2027, 3, 31))),
        (D(2027, 3, 31), 4, (D(2026, 4, 1), D(2027, 3, 31))),
        (D(2027, 1, 15), 4, (D(2026, 4, 1), D(2027, 3, 31))),
        (D(2026, 12, 31), 1, (D(2026, 1, 1), D(2026, 12, 31))),
        (D(2028, 2, 29), 3, (D(2027, 3, 1), D(2028, 2, 29))),
    ],
)
def test_span(
    day: datetime.date, first_month: int, expected: tuple[datetime.date, datetime.date]
) -> None:
    assert fiscal.span(day, first_month) == expected
    assert (fiscal.start(day, first_month), fiscal.end(day, first_month)) == expected


def test_label_names_the_year_in_reiwa_and_western_years() -> None:
    assert fiscal.label(2026, "ja") == "令和8年度 (2026年度)"
    assert fiscal.label(2019, "ja") == "令和元年度 (2019年度)"
    assert fiscal.label(2026, "en") == "FY2026 (Reiwa 8)"
    assert fiscal.label_of(D(2027, 3, 31), 4, "ja") == "令和8年度 (2026年度)"
