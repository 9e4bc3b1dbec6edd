"""The evidence of a fiscal year as plain values: a pure function of (kb, year, day, git changes).

For each runbook or checklist whose runs are recorded: the versions in force during the year,
every scheduled occurrence with the run that answers it (or missed), each run with who performed
and checked it and its exceptions. Then the counts for 整備 (owned, reviewed, has a checklist)
and 運用 (runs recorded / expected, two-person rate, exceptions). facts/runs.py decides what
is expected, answered and missed; this module only gathers it for the reporters.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from hikitsugi.facts import fiscal, review, runs
from hikitsugi.facts.checklists import has_checklist
from hikitsugi.facts.people import holders
from hikitsugi.model import KnowledgeBase, Run

DONE, MISSED, OPEN = "done", "missed", "open"  # an occurrence: answered, missed, not yet closed


@dataclass(frozen=True)
class VersionRow:
    since: datetime.date
    change: str
    by: str  # the post's title, or ''
    source: str  # "history" | "reviewed_on" | "git"


@dataclass(frozen=True)
class OccurrenceRow:
    label: str
    first: datetime.date
    last: datetime.date
    closes: datetime.date
    status: str  # done | missed | open
    runs: tuple[datetime.date, ...]


@dataclass(frozen=True)
class RunRow:
    date: datetime.date
    performed_by: str  # name (id when unknown)
    checked_by: str  # name, or ''
    revision: datetime.date | None
    self_checked: bool  # a two_person run without a second person
    exceptions: tuple[tuple[str, str], ...]  # (item, note)
    source: str


@dataclass(frozen=True)
class Control:
    """One runbook or checklist whose runs are recorded."""

    id: str
    title: str
    source: str
    owner: str  # the post's title, or ''
    owner_people: tuple[str, ...]
    reviewed_on: datetime.date | None
    review_state: str
    has_checklist: bool
    two_person: bool
    versions: tuple[VersionRow, ...]
    occurrences: tuple[OccurrenceRow, ...]
    runs: tuple[RunRow, ...]


@dataclass(frozen=True)
class Summary:
    controls: int
    owned: int
    reviewed: int  # reviewed and not overdue on the report's day
    with_checklist: int
    expected: int  # occurrences closed by the day, or already answered
    recorded: int  # of those, answered by a run
    missed: int
    open: int  # not yet closed and not yet answered
    runs: int
    two_person_runs: int
    two_person_checked: int
    exceptions: int

    @property
    def two_person_rate(self) -> float | None:
        """The share of two_person runs checked by a second person (None: there were none)."""
        return self.two_person_checked / self.two_person_runs if self.two_person_runs else None


@dataclass(frozen=True)
class Evidence:
    organization: str
    year: int
    year_label: str
    start: datetime.date
    end: datetime.date
    day: datetime.date
    records_since: datetime.date | None
    grace_days: int
    controls: tuple[Control, ...]
    summary: Summary


def evidence(
    kb: KnowledgeBase,
    year: int,
    day: datetime.date,
    lang: str,
    changes: Mapping[str, tuple[datetime.date, ...]] | None = None,
) -> Evidence:
    """Gather the evidence of fiscal year *year* as it stands on *day*.

    *changes* maps a file to the days git saw it committed (the CLI asks git; absent: none).
    """
    start = datetime.date(year, kb.config.fiscal_year_start, 1)
    end = fiscal.end(start, kb.config.fiscal_year_start)
    controls = tuple(
        _control(kb, item, start, end, day, (changes or {}).get(item.source, ()))
        for item in runs.recorded(kb)
    )
    return Evidence(
        organization=kb.config.organization,
        year=year,
        year_label=fiscal.label(year, lang),
        start=start,
        end=end,
        day=day,
        records_since=kb.config.records_since,
        grace_days=kb.config.records_grace_days,
        controls=controls,
        summary=_summary(controls),
    )


def _control(
    kb: KnowledgeBase,
    item: runs.Recorded,
    start: datetime.date,
    end: datetime.date,
    day: datetime.date,
    commits: tuple[datetime.date, ...],
) -> Control:
    occurrences = tuple(
        OccurrenceRow(
            e.occurrence.label,
            e.occurrence.start,
            e.occurrence.end,
            e.closes,
            DONE if e.runs else MISSED if e.missed(day) else OPEN,
            tuple(r.date for r in e.runs),
        )
        for e in runs.expected(kb, item, start, end)
    )
    recorded = [r for r in runs.runs_of(kb, item.id) if start <= r.date <= end]
    owner = item.owner
    return Control(
        id=item.id,
        title=item.title,
        source=item.source,
        owner=kb.roster.role_title(owner) if owner else "",
        owner_people=tuple(p.name for p in holders(kb.roster, owner, day)) if owner else (),
        reviewed_on=item.reviewed_on,
        review_state=review.review_on(kb, item, day).state,
        has_checklist=has_checklist(item),
        two_person=item.two_person,
        versions=_versions(kb, item, start, end, commits),
        occurrences=occurrences,
        runs=tuple(_run_row(kb, run, item.two_person) for run in recorded),
    )


def _versions(
    kb: KnowledgeBase,
    item: runs.Recorded,
    start: datetime.date,
    end: datetime.date,
    commits: tuple[datetime.date, ...],
) -> tuple[VersionRow, ...]:
    rows = [
        VersionRow(
            v.since,
            v.change,
            kb.roster.role_title(v.by) if v.by else "",
            "history" if v.change else "reviewed_on",
        )
        for v in runs.versions_during(item, start, end)
    ]
    known = {row.since for row in rows}
    rows += [
        VersionRow(commit, "", "", "git")
        for commit in sorted(set(commits))
        if start <= commit <= end and commit not in known
    ]
    return tuple(sorted(rows, key=lambda row: row.since))


def _name(kb: KnowledgeBase, person_id: str | None) -> str:
    if person_id is None:
        return ""
    person = kb.roster.person(person_id)
    return person.name if person else person_id


def _run_row(kb: KnowledgeBase, run: Run, two_person: bool) -> RunRow:
    return RunRow(
        date=run.date,
        performed_by=_name(kb, run.performed_by),
        checked_by=_name(kb, run.checked_by),
        revision=runs.revision_of(kb, run),
        self_checked=two_person and runs.is_self_checked(run),
        exceptions=tuple((str(e.item), e.note) for e in run.exceptions),
        source=run.source,
    )


def _summary(controls: tuple[Control, ...]) -> Summary:
    occurrences = [o for c in controls for o in c.occurrences]
    done = sum(o.status == DONE for o in occurrences)
    missed = sum(o.status == MISSED for o in occurrences)
    paired = [r for c in controls if c.two_person for r in c.runs]
    return Summary(
        controls=len(controls),
        owned=sum(bool(c.owner) for c in controls),
        reviewed=sum(c.review_state in (review.CURRENT, review.DUE_SOON) for c in controls),
        with_checklist=sum(c.has_checklist for c in controls),
        expected=done + missed,
        recorded=done,
        missed=missed,
        open=sum(o.status == OPEN for o in occurrences),
        runs=sum(len(c.runs) for c in controls),
        two_person_runs=len(paired),
        two_person_checked=sum(not r.self_checked for r in paired),
        exceptions=sum(len(r.exceptions) for c in controls for r in c.runs),
    )
