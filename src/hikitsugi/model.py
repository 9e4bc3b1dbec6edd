"""Frozen dataclasses for a checked knowledge base: what every later stage reads.

resolve/build.py builds them; facts/ decides what they mean on a day. Duration and add_months
stay here: Duration is a field type of the model, and both are pure value arithmetic.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    """hikitsugi.yml; its defaults are the schema's (resolve/build.py config_from fills them in)."""

    organization: str
    language: str
    review_every: Duration
    due_soon_days: int
    handover_window_days: int
    fiscal_year_start: int
    max_file_bytes: int
    standards_paths: tuple[str, ...]
    handover_within_days: int = 7  # format v1.1: handover.within_days
    records_since: datetime.date | None = None  # format v1.1: records.since
    records_grace_days: int = 7  # format v1.1: records.grace_days
    feedback_email: str | None = None  # format v1.1: where the site's 誤りを報告 link writes to


@dataclass(frozen=True)
class Item:
    """A thing a post keeps and hands over (物品): a key, a seal, a medium, cash, equipment."""

    name: str
    kind: str  # key | seal | media | cash | document | equipment | other
    count: int = 1
    location: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    section: str | None = None
    reports_to: str | None = None
    items: tuple[Item, ...] = ()


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
class Roster:
    roles: Mapping[str, Role] = field(default_factory=dict)
    people: tuple[Person, ...] = ()

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
    minutes: float | None = None  # staff minutes per case (format v1.1)


@dataclass(frozen=True)
class Volume:
    """How many cases the work handles: `count` per `year` or `month` (format v1.1)."""

    count: int
    per: str  # year | month
    unit: str | None = None


@dataclass(frozen=True)
class Cutover:
    """A tool replaced on a day, e.g. by a 標準準拠システム (format v1.1, tool runbooks only)."""

    on: datetime.date
    to: str | None = None
    note: str | None = None


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
    progress: str | None = None
    next: str | None = None
    due: datetime.date | None = None
    counterpart: str | None = None
    closed_on: datetime.date | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


@dataclass(frozen=True)
class Ledger:
    """A ledger, register or file the work keeps (簿冊・台帳)."""

    name: str
    medium: str  # paper | electronic | system
    location: str | None = None
    retention: str | None = None
    note: str | None = None


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
    cutover: Cutover | None = None
    volume: Volume | None = None
    schedule: tuple[ScheduleEntry, ...] = ()
    legal_basis: tuple[LegalBasis, ...] = ()
    steps: tuple[Step, ...] = ()
    checklist_mode: str = "do-confirm"
    checklist_items: tuple[str, ...] = ()
    record: bool = False  # checklist.record: runs are recorded under records/runs/
    two_person: bool = False  # checklist.two_person: a 確認者 other than the 実施者
    contacts: tuple[Contact, ...] = ()
    accounts: tuple[Account, ...] = ()
    troubleshooting: tuple[Trouble, ...] = ()
    open_issues: tuple[OpenIssue, ...] = ()
    ledgers: tuple[Ledger, ...] = ()
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
    purpose: str | None = None  # handover: attached to handover packs
    record: bool = False
    two_person: bool = False
    data: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class HandoverDuty:
    runbook: str
    state: str = ""
    notes: str = ""


@dataclass(frozen=True)
class HandoverNote:
    """handovers/*.yml: the leaver's own words (経過・現況, 方針・意見)."""

    person: str
    source: str
    date: datetime.date | None = None
    duties: tuple[HandoverDuty, ...] = ()
    policy: str = ""
    remarks: str = ""

    def duty(self, runbook: str) -> HandoverDuty | None:
        """Return what the leaver wrote about *runbook*, if anything."""
        return next((d for d in self.duties if d.runbook == runbook), None)


@dataclass(frozen=True)
class RunException:
    """A line of a checklist not done as written: a step id, or an item number (from 1)."""

    item: str | int
    note: str


@dataclass(frozen=True)
class Run:
    """records/runs/*.yml: one recorded run of a checklist."""

    checklist: str  # a runbook id (its checklist) or a standalone checklist id
    date: datetime.date
    performed_by: str
    source: str
    checked_by: str | None = None
    revision: datetime.date | None = None  # as written; facts/runs.py fills in the default
    exceptions: tuple[RunException, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    root: Path
    config: Config
    roster: Roster
    runbooks: Mapping[str, Runbook] = field(default_factory=dict)
    checklists: Mapping[str, Checklist] = field(default_factory=dict)
    standards: Mapping[str, Runbook] = field(default_factory=dict)
    handovers: Mapping[str, HandoverNote] = field(default_factory=dict)  # by person id
    runs: tuple[Run, ...] = ()  # records/runs/, by date then file
