"""When scheduled work happens: schedule entries laid onto real days of a period."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hikitsugi.facts import fiscal
from hikitsugi.model import KnowledgeBase, Runbook, ScheduleEntry, add_months


@dataclass(frozen=True)
class Occurrence:
    """One happening of a schedule entry: a span (start..end) or one day (start == end)."""

    start: datetime.date
    end: datetime.date
    label: str
    runbook: Runbook
    monthly: bool = False
    entry: ScheduleEntry | None = None  # the schedule entry this happening comes from
    cutover: bool = False  # the day the runbook's tool is replaced (format v1.1), not a schedule

    @property
    def deadline(self) -> datetime.date:
        """Return the day by which it must be done: the one day, or the last day of a span."""
        return self.end


def _month_day(year: int, month_day: tuple[int, int]) -> datetime.date:
    month, day = month_day
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def entry_occurrences(
    entry: ScheduleEntry, runbook: Runbook, start: datetime.date, end: datetime.date
) -> Iterator[Occurrence]:
    """Yield the occurrences of *entry* that overlap start..end (inclusive)."""
    if entry.monthly is not None:
        month = datetime.date(start.year, start.month, 1)
        while month <= end:
            days = calendar.monthrange(month.year, month.month)[1]
            day = month.replace(day=min(entry.monthly, days))
            if start <= day <= end:
                yield Occurrence(day, day, entry.label, runbook, monthly=True, entry=entry)
            month = add_months(month, 1)
        return
    assert entry.start is not None
    for year in range(start.year - 1, end.year + 1):
        first = _month_day(year, entry.start)
        if entry.until is None:
            last = first
        else:
            last = _month_day(year, entry.until)
            if last < first:  # the span runs over the new year
                last = _month_day(year + 1, entry.until)
        if first <= end and last >= start:
            yield Occurrence(first, last, entry.label, runbook, entry=entry)


def cutover_label(runbook: Runbook) -> str:
    """Name a tool's cutover day in the calendar (content words, like the schedule's labels)."""
    cutover = runbook.cutover
    if cutover is None or not cutover.to:
        return "システム移行日"
    return f"{cutover.to}へ移行 (システム移行日)"


def cutover_occurrence(
    runbook: Runbook, start: datetime.date, end: datetime.date
) -> Iterator[Occurrence]:
    """Yield the day a tool is replaced (format v1.1 `cutover`), when it falls in start..end."""
    if runbook.cutover is not None and start <= runbook.cutover.on <= end:
        day = runbook.cutover.on
        yield Occurrence(day, day, cutover_label(runbook), runbook, cutover=True)


def occurrences(
    runbooks: Iterable[Runbook], start: datetime.date, end: datetime.date
) -> list[Occurrence]:
    """Return every occurrence of the runbooks' schedules in start..end, and cutover days, by date."""
    chosen = list(runbooks)
    found = [
        occurrence
        for runbook in chosen
        for entry in runbook.schedule
        for occurrence in entry_occurrences(entry, runbook, start, end)
    ]
    found += [o for runbook in chosen for o in cutover_occurrence(runbook, start, end)]
    found.sort(key=lambda o: (o.start, o.end, o.runbook.id, o.label))
    return found


def period(
    day: datetime.date, first_month: int, months: int | None = None
) -> tuple[datetime.date, datetime.date]:
    """Return (first, last day) of the fiscal year containing *day*, or of *months* months from *day*."""
    if months is None:
        return fiscal.span(day, first_month)
    start, after = day, add_months(day, months)
    if after.day < start.day:  # 01-31 + 1 month: February has no 31st, so run to its end
        return start, after
    return start, after - datetime.timedelta(days=1)


def active_occurrences(
    kb: KnowledgeBase, start: datetime.date, end: datetime.date
) -> list[Occurrence]:
    """Occurrences of the active runbooks of *kb* in start..end."""
    return occurrences((r for r in kb.runbooks.values() if r.status == "active"), start, end)
