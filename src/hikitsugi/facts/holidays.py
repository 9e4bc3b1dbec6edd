"""Days a city hall is closed: weekends, public holidays (jpholiday) and the year-end break."""

from __future__ import annotations

import datetime
import functools

from hikitsugi.i18n import register, t

register(
    {
        "holidays.weekday": ("月火水木金土日", "Mon Tue Wed Thu Fri Sat Sun"),
        "holidays.weekend": ("{day} は{weekday}曜日", "{day} is a {weekday}"),
        "holidays.holiday": ("{day} は祝日({name})", "{day} is a public holiday ({name})"),
        "holidays.year-end": (
            "{day} は年末年始の休日",
            "{day} is in the year-end closure (Dec 29 – Jan 3)",
        ),
        "holidays.before": ("直前の開庁日は {day}", "the last open day before it is {day}"),
    }
)


def weekday_name(day: datetime.date, lang: str) -> str:
    """Return the day of the week: 月..日 in Japanese, Mon..Sun in English."""
    names = t("holidays.weekday", lang)
    return names[day.weekday()] if lang == "ja" else names.split()[day.weekday()]


def with_weekday(day: datetime.date, lang: str) -> str:
    """Return `2027-01-10(日)` (Japanese) or `2027-01-10 (Sun)`."""
    name = weekday_name(day, lang)
    return f"{day.isoformat()}({name})" if lang == "ja" else f"{day.isoformat()} ({name})"


@functools.cache  # jpholiday recomputes the year's holidays on every call
def holiday_name(day: datetime.date) -> str | None:
    """Return the name of the Japanese public holiday on *day*, if any."""
    import jpholiday

    name = jpholiday.is_holiday_name(day)
    return str(name) if name else None


def is_year_end(day: datetime.date) -> bool:
    """Say whether *day* falls in the year-end closure of government offices (12-29 to 01-03)."""
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def is_closed(day: datetime.date) -> bool:
    """Say whether offices are closed on *day* (行政機関の休日)."""
    return day.weekday() >= 5 or is_year_end(day) or holiday_name(day) is not None


def previous_open_day(day: datetime.date) -> datetime.date:
    """Return the last day before *day* on which offices are open."""
    day -= datetime.timedelta(days=1)
    while is_closed(day):
        day -= datetime.timedelta(days=1)
    return day


def closed_note(day: datetime.date, lang: str) -> str | None:
    """Say why offices are closed on *day* and the open day before it, or None when open."""
    name = holiday_name(day)
    if name is not None:
        reason = t("holidays.holiday", lang, day=day.isoformat(), name=name)
    elif day.weekday() >= 5:
        weekday = weekday_name(day, lang) if lang == "ja" else day.strftime("%A")
        reason = t("holidays.weekend", lang, day=day.isoformat(), weekday=weekday)
    elif is_year_end(day):
        reason = t("holidays.year-end", lang, day=day.isoformat())
    else:
        return None
    before = t("holidays.before", lang, day=with_weekday(previous_open_day(day), lang))
    return f"{reason}。{before}" if lang == "ja" else f"{reason}; {before}"
