"""Checklist runs: what is expected, what was recorded, what was missed: decided once.

Format v1.1. A runbook with `checklist.record: true` and a schedule expects one run per
occurrence that starts on or after `records.since`. A run answers an occurrence when it is
dated from the occurrence's first day to its last day + `records.grace_days` (monthly entries
and one-day entries: that day; spans: from–until). An occurrence is missed on day D when
its last day + grace < D and no run answers it. A run of a `two_person` checklist is
self-checked when it has no 確認者 or the 確認者 is the 実施者. The audit's missed-run and
self-checked rules and the evidence report both ask this module.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from hikitsugi.facts.schedule import Occurrence, entry_occurrences
from hikitsugi.model import Checklist, KnowledgeBase, Run, Runbook

Recorded = Runbook | Checklist


@dataclass(frozen=True)
class Expected:
    """One occurrence a run is expected for, the runs that answer it, and its last day + grace."""

    occurrence: Occurrence
    runs: tuple[Run, ...]
    closes: datetime.date  # the last day a run may still be recorded for it

    def missed(self, day: datetime.date) -> bool:
        """Say whether this occurrence counts as missed on *day* (closed, with no run)."""
        return not self.runs and self.closes < day


@dataclass(frozen=True)
class Version:
    """A version of a runbook or checklist: the day it came into force and what changed."""

    since: datetime.date
    change: str
    by: str | None = None


def recorded(kb: KnowledgeBase) -> list[Recorded]:
    """Return the active runbooks and the checklists whose runs are recorded, by id."""
    found: list[Recorded] = [r for r in kb.runbooks.values() if r.status == "active" and r.record]
    found += [c for c in kb.checklists.values() if c.record]
    return sorted(found, key=lambda item: item.id)


def runs_of(kb: KnowledgeBase, checklist: str) -> list[Run]:
    """Return the recorded runs of *checklist*, by date."""
    return [run for run in kb.runs if run.checklist == checklist]


def expected(
    kb: KnowledgeBase, item: Recorded, start: datetime.date, end: datetime.date
) -> list[Expected]:
    """Return the occurrences of *item* starting in start..end (and not before records.since)."""
    since = kb.config.records_since
    if since is None or not isinstance(item, Runbook) or not item.record:
        return []
    grace = datetime.timedelta(days=kb.config.records_grace_days)
    runs = runs_of(kb, item.id)
    found = []
    for occurrence in _occurrences(item, max(start, since), end):
        closes = occurrence.end + grace
        answering = tuple(r for r in runs if occurrence.start <= r.date <= closes)
        found.append(Expected(occurrence, answering, closes))
    return found


def _occurrences(
    runbook: Runbook, start: datetime.date, end: datetime.date
) -> Iterator[Occurrence]:
    """Occurrences of every schedule entry that start within start..end, by start."""
    found = [
        occurrence
        for entry in runbook.schedule
        for occurrence in entry_occurrences(entry, runbook, start, end)
        if start <= occurrence.start <= end
    ]
    yield from sorted(found, key=lambda o: (o.start, o.end, o.label))


def missed(kb: KnowledgeBase, day: datetime.date) -> list[Expected]:
    """Return every occurrence missed on *day*, over all recorded runbooks."""
    since = kb.config.records_since
    if since is None or day <= since:
        return []
    return [
        expectation
        for item in recorded(kb)
        for expectation in expected(kb, item, since, day)
        if expectation.missed(day)
    ]


def is_self_checked(run: Run) -> bool:
    """Say whether *run* lacks a second person: no 確認者, or the 確認者 is the 実施者."""
    return run.checked_by is None or run.checked_by == run.performed_by


def two_person(kb: KnowledgeBase, checklist: str) -> bool:
    """Say whether runs of *checklist* need a 確認者 other than the 実施者."""
    item = kb.runbooks.get(checklist) or kb.checklists.get(checklist)
    return item is not None and item.two_person


def self_checked(kb: KnowledgeBase) -> list[Run]:
    """Return the runs of two_person checklists that were not checked by a second person."""
    return [run for run in kb.runs if two_person(kb, run.checklist) and is_self_checked(run)]


def versions(item: Recorded) -> list[Version]:
    """Return the versions of *item* by the day they came into force (history and reviewed_on)."""
    found: dict[datetime.date, Version] = {}
    if item.reviewed_on is not None:
        found[item.reviewed_on] = Version(item.reviewed_on, "")
    for entry in item.history if isinstance(item, Runbook) else ():
        found[entry.date] = Version(entry.date, entry.change, entry.by)
    return sorted(found.values(), key=lambda v: v.since)


def revision_on(item: Recorded, day: datetime.date) -> datetime.date | None:
    """Return the revision (the day its version came into force) in force on *day*, if any."""
    days = [v.since for v in versions(item) if v.since <= day]
    return max(days) if days else None


def versions_during(item: Recorded, start: datetime.date, end: datetime.date) -> list[Version]:
    """Return the versions in force at some time in start..end: the one at start, then newer."""
    every = versions(item)
    before = [v for v in every if v.since <= start]
    return before[-1:] + [v for v in every if start < v.since <= end]


def revision_of(kb: KnowledgeBase, run: Run) -> datetime.date | None:
    """Return the revision *run* used: as written, or the one in force on its day."""
    if run.revision is not None:
        return run.revision
    item = kb.runbooks.get(run.checklist) or kb.checklists.get(run.checklist)
    return revision_on(item, run.date) if item is not None else None
