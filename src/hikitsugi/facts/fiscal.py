"""The fiscal year (年度) that contains a day: its first day, its last day and its name."""

from __future__ import annotations

import datetime

from hikitsugi.i18n import register, t
from hikitsugi.model import add_months

register(
    {
        "fiscal.year": ("令和{era_year}年度 ({year}年度)", "FY{year} (Reiwa {era_year})"),
        "fiscal.era-first": ("元", "1"),
    }
)

REIWA_FIRST_YEAR = 2019


def start(day: datetime.date, first_month: int) -> datetime.date:
    """Return the first day of the fiscal year that contains *day*."""
    year = day.year if day.month >= first_month else day.year - 1
    return datetime.date(year, first_month, 1)


def end(day: datetime.date, first_month: int) -> datetime.date:
    """Return the last day of the fiscal year that contains *day*."""
    return add_months(start(day, first_month), 12) - datetime.timedelta(days=1)


def span(day: datetime.date, first_month: int) -> tuple[datetime.date, datetime.date]:
    """Return (first day, last day) of the fiscal year that contains *day*."""
    return start(day, first_month), end(day, first_month)


def label(year: int, lang: str) -> str:
    """Name the fiscal year starting in *year* in 令和 and 西暦, e.g. 令和8年度 (2026年度)."""
    era_year = year - REIWA_FIRST_YEAR + 1
    shown = t("fiscal.era-first", lang) if era_year == 1 else str(era_year)
    return t("fiscal.year", lang, era_year=shown, year=year)


def label_of(day: datetime.date, first_month: int, lang: str) -> str:
    """Name the fiscal year that contains *day*."""
    return label(start(day, first_month).year, lang)
