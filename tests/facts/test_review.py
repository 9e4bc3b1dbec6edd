"""Review state: decided in facts/review.py, for the audit, the site and the printouts."""

from __future__ import annotations

import datetime

import pytest

from hikitsugi.facts import review

D = datetime.date
DUE = D(2027, 1, 15)


@pytest.mark.parametrize(
    ("day", "soon", "expected"),
    [
        (D(2026, 12, 15), 30, review.CURRENT),  # 31 days left
        (D(2026, 12, 16), 30, review.DUE_SOON),  # 30 days left
        (DUE, 30, review.DUE_SOON),  # the due day itself is not stale
        (DUE, 0, review.DUE_SOON),
        (D(2027, 1, 14), 0, review.CURRENT),
        (D(2027, 1, 16), 30, review.STALE),
    ],
)
def test_state_on_a_day(day: datetime.date, soon: int, expected: str) -> None:
    assert review.state(DUE, day, soon) == expected


def test_never_reviewed_has_no_due_day() -> None:
    assert review.state(None, DUE, 30) == review.NEVER
