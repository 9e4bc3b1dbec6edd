"""Frozen dataclasses for a checked knowledge base: what every later stage reads."""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ZONES = ("mynumber", "lgwan", "internet", "paper")
TRANSFER_METHODS = ("sanitize", "media", "rekey", "integration")
_DURATION = re.compile(r"^([1-9][0-9]*) (day|week|month|year)s?$")


@dataclass(frozen=True)
class Duration:
    """A review interval such as `12 months`."""

    count: int
    unit: str  # day | week | month | year

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse `<n> days|weeks|months|years` (singular accepted); ValueError otherwise."""
        match = _DURATION.match(text.strip())
        if not match:
            raise ValueError(f"not a duration: {text!r}")
        return cls(int(match.group(1)), match.group(2))

    def after(self, day: datetime.date) -> datetime.date:
        """Return *day* plus this duration; months clamp to the month's end."""
        if self.unit == "day":
            return day + datetime.timedelta(days=self.count)
        if self.unit == "week":
            return day + datetime.timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "year" else 1)
        return add_months(day, months)

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'s' if self.count != 1 else ''}"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Add calendar months, clamping to the month's end (01-31 + 1 month = 02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Config:
    organization: str
    language: str = "ja"
    review_every: Duration = Duration(12, "month")
    due_soon_days: int = 30
    handover_window_days: int = 60
    fiscal_year_start: int = 4
    max_file_bytes: int = 1024 * 1024
    standards_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    section: str | None = None


@dataclass(frozen=True)
class Assignment:
    role: str
    start: datetime.date
    until: datetime.date | None = None

    def holds_on(self, day: datetime.date) -> bool:
        """Say whether this assignment is in force on *day*."""
        return self.start <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    assignments: tuple[Assignment, ...] = ()


@dataclass(frozen=True)
class Holder:
    """A person holding a role through one assignment."""

    person: Person
    assignment: Assignment


@dataclass(frozen=True)
class Roster:
    roles: Mapping[str, Role] = field(default_factory=dict)
    people: tuple[Person, ...] = ()

    def holders(self, role: str, day: datetime.date) -> list[Holder]:
        """Return who holds *role* on *day* (several people may share a role)."""
        return [
            Holder(person, assignment)
            for person in self.people
            for assignment in person.assignments
            if assignment.role == role and assignment.holds_on(day)
        ]

    def person(self, person_id: str) -> Person | None:
        """Return the person with *person_id*, if any."""
        return next((p for p in self.people if p.id == person_id), None)

    def role_title(self, role: str) -> str:
        """Return the title of *role*, or its id when unknown."""
        found = self.roles.get(role)
        return found.title if found else role


@dataclass(frozen=True)
class Transfer:
    source: str
    target: str
    method: str


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    zone: str | None = None
    role: str | None = None
    detail: str | None = None
    check: str | None = None
    caution: str | None = None
    transfer: Transfer | None = None


@dataclass(frozen=True)
class ScheduleEntry:
    """A span (`start` to `until`, MM-DD), one day (`start` only) or a monthly day."""

    label: str
    start: tuple[int, int] | None = None
    until: tuple[int, int] | None = None
    monthly: int | None = None


@dataclass(frozen=True)
class LegalBasis:
    title: str
    article: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Contact:
    name: str
    org: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Account:
    system: str
    holder: str
    permission: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Trouble:
    symptom: str
    action: str


@dataclass(frozen=True)
class OpenIssue:
    since: datetime.date
    text: str


@dataclass(frozen=True)
class HistoryEntry:
    date: datetime.date
    change: str
    by: str | None = None


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    role: str | None = None


@dataclass(frozen=True)
class Runbook:
    id: str
    title: str
    kind: str
    summary: str
    source: str  # path relative to the KB root
    line: int = 1
    status: str = "active"
    owner: str | None = None
    deputies: tuple[str, ...] = ()
    reviewed_on: datetime.date | None = None
    review_every: Duration | None = None
    tags: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    schedule: tuple[ScheduleEntry, ...] = ()
    legal_basis: tuple[LegalBasis, ...] = ()
    steps: tuple[Step, ...] = ()
    checklist_mode: str = "do-confirm"
    checklist_items: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    accounts: tuple[Account, ...] = ()
    troubleshooting: tuple[Trouble, ...] = ()
    open_issues: tuple[OpenIssue, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    extends: str | None = None
    is_standard: bool = False
    data: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # for a runbook that extends a standard: what its own file says, before the merge
    local_data: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]
    source: str
    line: int = 1
    owner: str | None = None
    mode: str = "do-confirm"
    reviewed_on: datetime.date | None = None
    review_every: Duration | None = None
    data: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class KnowledgeBase:
    root: Path
    config: Config
    roster: Roster
    runbooks: Mapping[str, Runbook] = field(default_factory=dict)
    checklists: Mapping[str, Checklist] = field(default_factory=dict)
    standards: Mapping[str, Runbook] = field(default_factory=dict)

    def review_interval(self, item: Runbook | Checklist) -> Duration:
        """Return the item's review interval, or the KB's default."""
        return item.review_every or self.config.review_every

    def due_on(self, item: Runbook | Checklist) -> datetime.date | None:
        """Return the day the item's next review is due (None if never reviewed)."""
        if item.reviewed_on is None:
            return None
        return self.review_interval(item).after(item.reviewed_on)


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _month_day(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    month, day = text.split("-")
    return int(month), int(day)


def _duration(text: str | None) -> Duration | None:
    return Duration.parse(text) if text else None


def config_from(data: Mapping[str, Any]) -> Config:
    """Build Config from valid hikitsugi.yml data."""
    return Config(
        organization=data.get("organization", ""),
        language=data.get("language", "ja"),
        review_every=_duration(data.get("review_every")) or Duration(12, "month"),
        due_soon_days=data.get("due_soon_days", 30),
        handover_window_days=data.get("handover_window_days", 60),
        fiscal_year_start=data.get("fiscal_year_start", 4),
        max_file_bytes=data.get("max_file_bytes", 1024 * 1024),
        standards_paths=tuple(data.get("standards_paths", ())),
    )


def roster_from(data: Mapping[str, Any]) -> Roster:
    """Build Roster from valid roster.yml data."""
    roles = {r["id"]: Role(r["id"], r["title"], r.get("section")) for r in data.get("roles", [])}
    people = tuple(
        Person(
            p["id"],
            p["name"],
            tuple(
                Assignment(a["role"], _date(a["from"]), _date(a.get("until")))  # type: ignore[arg-type]
                for a in p.get("assignments", [])
            ),
        )
        for p in data.get("people", [])
    )
    return Roster(roles, people)


def _step(data: Mapping[str, Any]) -> Step:
    transfer = data.get("transfer")
    return Step(
        id=data["id"],
        title=data.get("title", data["id"]),
        zone=data.get("zone"),
        role=data.get("role"),
        detail=data.get("detail"),
        check=data.get("check"),
        caution=data.get("caution"),
        transfer=Transfer(transfer["from"], transfer["to"], transfer["method"])
        if transfer
        else None,
    )


def _header(data: Mapping[str, Any], source: str, line: int) -> dict[str, Any]:
    """The fields every Runbook gets: identity, ownership, review and references."""
    return {
        "id": data["id"],
        "title": data["title"],
        "kind": data["kind"],
        "summary": data["summary"],
        "source": source,
        "line": line,
        "status": data.get("status", "active"),
        "owner": data.get("owner"),
        "deputies": tuple(data.get("deputies", ())),
        "reviewed_on": _date(data.get("reviewed_on")),
        "review_every": _duration(data.get("review_every")),
        "uses": tuple(data.get("uses", ())),
        "related": tuple(data.get("related", ())),
        "extends": data.get("extends"),
        "data": data,
    }


def runbook_outline(data: Mapping[str, Any], source: str, line: int = 1) -> Runbook:
    """Build a Runbook with only what the audit reads (no steps or detail sections): cheap."""
    return Runbook(**_header(data, source, line))


def runbook_from(
    data: Mapping[str, Any],
    source: str,
    line: int = 1,
    *,
    standard: bool = False,
    local_data: Mapping[str, Any] | None = None,
) -> Runbook:
    """Build Runbook from valid (resolved) runbook data."""
    checklist = data.get("checklist") or {}
    return Runbook(
        **_header(data, source, line),
        tags=tuple(data.get("tags", ())),
        schedule=tuple(
            ScheduleEntry(
                e["label"], _month_day(e.get("from")), _month_day(e.get("until")), e.get("monthly")
            )
            for e in data.get("schedule", ())
        ),
        legal_basis=tuple(
            LegalBasis(b["title"], b.get("article"), b.get("url"))
            for b in data.get("legal_basis", ())
        ),
        steps=tuple(_step(s) for s in data.get("steps", ())),
        checklist_mode=checklist.get("mode", "do-confirm"),
        checklist_items=tuple(checklist.get("items", ())),
        contacts=tuple(Contact(**c) for c in data.get("contacts", ())),
        accounts=tuple(Account(**a) for a in data.get("accounts", ())),
        troubleshooting=tuple(Trouble(**t) for t in data.get("troubleshooting", ())),
        open_issues=tuple(
            OpenIssue(_date(i["since"]), i["text"])  # type: ignore[arg-type]
            for i in data.get("open_issues", ())
        ),
        history=tuple(
            HistoryEntry(_date(h["date"]), h["change"], h.get("by"))  # type: ignore[arg-type]
            for h in data.get("history", ())
        ),
        is_standard=standard,
        local_data=local_data,
    )


def checklist_from(data: Mapping[str, Any], source: str, line: int = 1) -> Checklist:
    """Build Checklist from valid checklist data."""
    items = tuple(
        ChecklistItem(item)
        if isinstance(item, str)
        else ChecklistItem(item["text"], item.get("role"))
        for item in data["items"]
    )
    return Checklist(
        id=data["id"],
        title=data["title"],
        items=items,
        source=source,
        line=line,
        owner=data.get("owner"),
        mode=data.get("mode", "do-confirm"),
        reviewed_on=_date(data.get("reviewed_on")),
        review_every=_duration(data.get("review_every")),
        data=data,
    )
