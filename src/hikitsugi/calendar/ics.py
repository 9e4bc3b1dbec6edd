"""The operations calendar as an iCalendar file (RFC 5545) that Outlook and Google Calendar import.

- A span or one-day entry is an all-day event: DTSTART;VALUE=DATE, DTEND = last day + 1
  (DTEND is exclusive). Events are TRANSPARENT (free), so a two-month span does not mark the
  post busy for two months.
- A `monthly` entry on day 1..28 is one recurring event, FREQ=MONTHLY;BYMONTHDAY=d;COUNT=n.
  On day 31 ("the month's last day when shorter") it is BYMONTHDAY=-1, the RFC's "last day
  of the month", which Google imports as such and Exchange/Outlook maps to its own
  "day 31" pattern (MS-OXCICAL 2.1.3.2.2.3), which Outlook moves to the last day of shorter
  months. On day 29 or 30 no single rule does the same in both (BYMONTHDAY=30 skips February
  in Google but not in Outlook; BYMONTHDAY=28,29,30;BYSETPOS=-1 is outside the patterns
  Outlook imports), so those occurrences are written out one event per month.
- UIDs are stable: a hash of the organisation (cities sharing a standard share runbook ids),
  the runbook, the entry and the year of the occurrence; importing a regenerated file again
  updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from hikitsugi import __version__
from hikitsugi.calendar.table import label, runbooks_for
from hikitsugi.facts.holidays import closed_note
from hikitsugi.facts.schedule import Occurrence, occurrences
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase, Runbook

register(
    {
        "ics.name-all": ("{organization} 年間予定", "{organization}: schedule"),
        "ics.name-role": (
            "{organization} 年間予定 ({title})",
            "{organization}: schedule ({title})",
        ),
        "ics.runbook": ("手順書: {title} ({id})", "Runbook: {title} ({id})"),
        "ics.owner": ("所有ポスト: {title}", "Owner post: {title}"),
        "ics.deputies": ("代理ポスト: {titles}", "Deputy posts: {titles}"),
        "ics.source": ("出典: {source}", "Source: {source}"),
    }
)

ONE_DAY = datetime.timedelta(days=1)


def _uid(kb: KnowledgeBase, occurrence: Occurrence, year_month: str) -> str:
    entry = occurrence.entry
    spec = (entry.start, entry.until, entry.monthly) if entry else (occurrence.start,)
    key = "|".join(
        map(
            str, (kb.config.organization, occurrence.runbook.id, occurrence.label, spec, year_month)
        )
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@hikitsugi"


def _description(kb: KnowledgeBase, runbook: Runbook, notes: Iterable[str], lang: str) -> str:
    lines = [t("ics.runbook", lang, title=runbook.title, id=runbook.id)]
    if runbook.owner:
        lines.append(t("ics.owner", lang, title=kb.roster.role_title(runbook.owner)))
    if runbook.deputies:
        titles = "、".join(kb.roster.role_title(r) for r in runbook.deputies)
        lines.append(t("ics.deputies", lang, titles=titles))
    lines.append(t("ics.source", lang, source=runbook.source))
    lines += [f"※ {note}" for note in notes]
    return "\n".join(lines)


_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")


def _escape(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): every line break, even a lone CR, becomes \\n.

    Other control characters are not allowed in TEXT at all, so they are left out: a raw CR or
    NUL in a title must never end or cut a content line of the file.
    """
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = _LINE_BREAK.sub("\\\\n", value)
    return "".join(c for c in value if c == "\t" or unicodedata.category(c) != "Cc")


def _fold(line: str) -> bytes:
    """Return one content line, folded at 75 octets without splitting a character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    parts = []
    limit = 75
    while len(data) > limit:
        cut = limit
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = 74  # continuation lines start with a space
    parts.append(data)
    return b"\r\n ".join(parts) + b"\r\n"


def _date(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def _event(
    kb: KnowledgeBase,
    first: Occurrence,
    uid: str,
    stamp: datetime.datetime,
    lang: str,
    notes: list[str],
    rrule: str | None = None,
) -> bytes:
    """Serialise one all-day VEVENT (written directly: the icalendar library took most of a site build)."""
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_escape(f'{label(first, lang)} 【{first.runbook.title}】')}",
        f"DTSTART;VALUE=DATE:{_date(first.start)}",
        f"DTEND;VALUE=DATE:{_date(first.end + ONE_DAY)}",
        f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
        f"UID:{uid}",
    ]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if first.runbook.owner:
        lines.append(f"CATEGORIES:{_escape(kb.roster.role_title(first.runbook.owner))}")
    lines += [
        f"DESCRIPTION:{_escape(_description(kb, first.runbook, notes, lang))}",
        "TRANSP:TRANSPARENT",
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
        "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        "END:VEVENT",
    ]
    return b"".join(_fold(line) for line in lines)


def _events(
    kb: KnowledgeBase, found: list[Occurrence], stamp: datetime.datetime, lang: str
) -> list[bytes]:
    """One event per span or day; one recurring event per monthly entry on 1..28 or 31."""
    return [event for _, event in _tagged_events(kb, found, stamp, lang)]


def _tagged_events(
    kb: KnowledgeBase, found: list[Occurrence], stamp: datetime.datetime, lang: str
) -> list[tuple[str, bytes]]:
    """The events of _events, each with the id of its runbook."""
    events: list[tuple[str, bytes]] = []
    series: dict[tuple[str, int], list[Occurrence]] = {}
    for occurrence in found:
        entry = occurrence.entry
        if (
            occurrence.monthly
            and entry is not None
            and entry.monthly is not None
            and entry.monthly not in (29, 30)
        ):
            series.setdefault((occurrence.runbook.id, id(entry)), []).append(occurrence)
            continue
        note = closed_note(occurrence.deadline, lang)
        uid = _uid(
            kb, occurrence, occurrence.start.strftime("%Y-%m" if occurrence.monthly else "%Y")
        )
        event = _event(kb, occurrence, uid, stamp, lang, [note] if note else [])
        events.append((occurrence.runbook.id, event))
    for group in series.values():
        first = group[0]
        assert first.entry is not None and first.entry.monthly is not None
        notes = [n for n in (closed_note(o.deadline, lang) for o in group) if n]
        day = -1 if first.entry.monthly == 31 else first.entry.monthly
        rrule = f"FREQ=MONTHLY;COUNT={len(group)};BYMONTHDAY={day}"
        uid = _uid(kb, first, first.start.strftime("%Y-%m"))
        events.append((first.runbook.id, _event(kb, first, uid, stamp, lang, notes, rrule)))
    return events


def ics(
    kb: KnowledgeBase,
    runbooks: Iterable[Runbook],
    start: datetime.date,
    end: datetime.date,
    *,
    name: str,
    stamp: datetime.datetime | None = None,
    lang: str | None = None,
) -> bytes:
    """Return the iCalendar bytes (CRLF, folded at 75 octets) of the runbooks' schedules in start..end."""
    lang = lang or kb.config.language
    events = _events(kb, occurrences(runbooks, start, end), _stamp(start, stamp), lang)
    return _assemble(_calendar(name, lang), events)


def _calendar(name: str, lang: str) -> bytes:
    """The VCALENDAR header with hikitsugi's properties and the name *name*."""
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:-//hikitsugi//hikitsugi {__version__}//{lang.upper()}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Asia/Tokyo",
    ]
    return b"".join(_fold(line) for line in lines)


def _stamp(start: datetime.date, stamp: datetime.datetime | None) -> datetime.datetime:
    """DTSTAMP: *stamp*, else the period's first day at 00:00 UTC (reproducible output)."""
    when = stamp or datetime.datetime.combine(start, datetime.time(), tzinfo=datetime.UTC)
    return when.astimezone(datetime.UTC)


def _role_calendar_name(kb: KnowledgeBase, role: str, lang: str) -> str:
    """The calendar's name for one post, as Outlook shows it in its list of calendars."""
    return t(
        "ics.name-role", lang, organization=kb.config.organization, title=kb.roster.role_title(role)
    )


def ics_for_role(
    kb: KnowledgeBase,
    role: str,
    start: datetime.date,
    end: datetime.date,
    *,
    stamp: datetime.datetime | None = None,
    lang: str | None = None,
) -> bytes:
    """Return the .ics of the active runbooks that *role* owns or deputises, for start..end."""
    language = lang or kb.config.language
    name = _role_calendar_name(kb, role, language)
    return ics(kb, runbooks_for(kb, role), start, end, name=name, stamp=stamp, lang=language)


def ics_for_all(
    kb: KnowledgeBase,
    start: datetime.date,
    end: datetime.date,
    *,
    stamp: datetime.datetime | None = None,
    lang: str | None = None,
) -> bytes:
    """Return the .ics of every active runbook's schedule for start..end."""
    language = lang or kb.config.language
    name = t("ics.name-all", language, organization=kb.config.organization)
    return ics(kb, runbooks_for(kb), start, end, name=name, stamp=stamp, lang=language)


def roles_with_schedule(kb: KnowledgeBase) -> list[str]:
    """Return the roles (roster order) that own or deputise an active runbook with a schedule."""
    return [role for role in kb.roster.roles if any(r.schedule for r in runbooks_for(kb, role))]


def ics_files(
    kb: KnowledgeBase,
    roles: Iterable[str],
    start: datetime.date,
    end: datetime.date,
    *,
    stamp: datetime.datetime | None = None,
    lang: str | None = None,
) -> tuple[bytes, dict[str, bytes]]:
    """Return ics_for_all and ics_for_role of each role, byte for byte, serialising each event once.

    A role's calendar holds a subset of all.ics's events in the same order, so the site builds the
    events once and only assembles the files (the folding of lines is what costs).
    """
    language = lang or kb.config.language
    found = occurrences(runbooks_for(kb), start, end)
    tagged = _tagged_events(kb, found, _stamp(start, stamp), language)
    everything = _assemble(
        _calendar(t("ics.name-all", language, organization=kb.config.organization), language),
        [body for _, body in tagged],
    )
    by_role = {}
    for role in roles:
        mine = {r.id for r in runbooks_for(kb, role)}
        name = _role_calendar_name(kb, role, language)
        by_role[role] = _assemble(
            _calendar(name, language), [body for runbook, body in tagged if runbook in mine]
        )
    return everything, by_role


def _assemble(header: bytes, events: list[bytes]) -> bytes:
    """Put serialised VEVENTs after the calendar's header and close it."""
    return header + b"".join(events) + b"END:VCALENDAR\r\n"
