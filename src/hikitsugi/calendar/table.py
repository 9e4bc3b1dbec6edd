"""The operations calendar as a text table: schedule entries of active runbooks, by month."""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass

from hikitsugi import vocabulary
from hikitsugi.facts.duties import runbooks_of
from hikitsugi.facts.holidays import closed_note, with_weekday
from hikitsugi.facts.schedule import Occurrence, occurrences
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase, Runbook

register(
    {
        "calendar.title": (
            "{organization} 年間予定 {start}〜{end}",
            "{organization}: schedule {start} to {end}",
        ),
        "calendar.role": (
            "ポスト: {title} (所有または代理の手順書)",
            "Post: {title} (runbooks it owns or deputises)",
        ),
        "calendar.month": ("■ {year}年{month}月", "■ {year}-{month:02d}"),
        "calendar.col-date": ("日付", "Date"),
        "calendar.col-label": ("予定", "Entry"),
        "calendar.col-runbook": ("手順書", "Runbook"),
        "calendar.col-owner": ("所有ポスト", "Owner post"),
        "calendar.empty": ("この期間の予定はありません", "nothing is scheduled in this period"),
        "calendar.count": (
            "{count} 件 (うち休日にあたる期限 {closed} 件)",
            "{count} entries ({closed} deadlines on a closed day)",
        ),
    }
)


@dataclass(frozen=True)
class Row:
    """One line of the calendar: an occurrence and the note on its deadline (None: an open day)."""

    occurrence: Occurrence
    note: str | None


def runbooks_for(kb: KnowledgeBase, role: str | None = None) -> list[Runbook]:
    """Return the active runbooks; with *role*, only those it owns or deputises."""
    if role is not None:
        return runbooks_of(kb, role)
    return [runbook for runbook in kb.runbooks.values() if runbook.status == "active"]


def rows(
    kb: KnowledgeBase, start: datetime.date, end: datetime.date, lang: str, role: str | None = None
) -> list[Row]:
    """Return the calendar rows of start..end, by date, with notes on deadlines on closed days."""
    return [
        Row(o, closed_note(o.deadline, lang))
        for o in occurrences(runbooks_for(kb, role), start, end)
    ]


def when(occurrence: Occurrence, lang: str) -> str:
    """Return `2026-12-16(水)〜2027-02-28(日)`, or one day."""
    if occurrence.start == occurrence.end:
        return with_weekday(occurrence.start, lang)
    return f"{with_weekday(occurrence.start, lang)}〜{with_weekday(occurrence.end, lang)}"


def label(occurrence: Occurrence, lang: str) -> str:
    """Return the entry's label, with `(毎月10日)` for a monthly entry."""
    entry = occurrence.entry
    if not occurrence.monthly or entry is None or entry.monthly is None:
        return occurrence.label
    return f"{occurrence.label} ({vocabulary.monthly(entry.monthly, lang)})"


def width(text: str) -> int:
    """Return the display width: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


def calendar_text(
    kb: KnowledgeBase, start: datetime.date, end: datetime.date, lang: str, role: str | None = None
) -> str:
    """Render the calendar of start..end as a text table, a heading per month."""
    lines = [
        t(
            "calendar.title",
            lang,
            organization=kb.config.organization,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    ]
    if role is not None:
        lines.append(t("calendar.role", lang, title=kb.roster.role_title(role)))
    found = rows(kb, start, end, lang, role)
    if not found:
        return "\n".join([*lines, "", t("calendar.empty", lang)]) + "\n"
    table = [
        (
            when(r.occurrence, lang),
            label(r.occurrence, lang),
            kb.roster.role_title(r.occurrence.runbook.owner or "-"),
            f"{r.occurrence.runbook.title} ({r.occurrence.runbook.id})",
        )
        for r in found
    ]  # the runbook last: its titles are the longest, and the last column needs no padding
    header = tuple(t(f"calendar.col-{c}", lang) for c in ("date", "label", "owner", "runbook"))
    sizes = [max(width(cells[i]) for cells in (*table, header)) for i in range(3)]
    lines += [
        "",
        "  ".join(
            _pad(cell, sizes[i]) if i < 3 else cell for i, cell in enumerate(header)
        ).rstrip(),
    ]
    month: tuple[int, int] | None = None
    for row, cells in zip(found, table):
        first = max(row.occurrence.start, start)
        if (first.year, first.month) != month:
            month = (first.year, first.month)
            lines += ["", t("calendar.month", lang, year=first.year, month=first.month)]
        lines.append(
            "  ".join(
                _pad(cell, sizes[i]) if i < 3 else cell for i, cell in enumerate(cells)
            ).rstrip()
        )
        if row.note:
            lines.append(f"    ※ {row.note}")
    closed = sum(1 for r in found if r.note)
    lines += ["", t("calendar.count", lang, count=len(found), closed=closed)]
    return "\n".join(lines) + "\n"
