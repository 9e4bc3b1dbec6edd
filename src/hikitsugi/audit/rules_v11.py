"""The audit rules format v1.1 adds: handover-overdue, missed-run, self-checked, cutover-*.

Each is a small pure function of (knowledge base, day); the facts they test are decided in
facts/people.py (deadlines), facts/runs.py (expected and recorded runs) and facts/cutover.py.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from hikitsugi.audit.findings import ERROR, WARNING, Finding, active_runbooks, finding
from hikitsugi.facts import cutover, review, runs
from hikitsugi.facts.people import deadline, left_between, names_by_post
from hikitsugi.facts.review import due_lookup
from hikitsugi.model import KnowledgeBase


def _cutover_findings(kb: KnowledgeBase, day: datetime.date, wanted: str) -> list[Finding]:
    """Active runbooks whose tools' cutovers stand at *wanted* on *day* (one finding per tool)."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    rule = "cutover-unreviewed" if wanted == cutover.PASSED_UNREVIEWED else "cutover-soon"
    severity = ERROR if rule == "cutover-unreviewed" else WARNING
    found = []
    for runbook in active_runbooks(kb):
        for notice in cutover.notices(kb, runbook, day):
            if notice.tool.id == runbook.id or notice.state != wanted:
                continue
            found.append(
                finding(
                    runbook,
                    rule,
                    severity,
                    people,
                    due(runbook),
                    tool=notice.tool.id,
                    tool_title=notice.tool.title,
                    on=notice.cutover.on.isoformat(),
                    to=notice.cutover.to or "新しいシステム",  # content words, as in the file
                    days=notice.days,
                )
            )
    return found


def cutover_unreviewed(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook uses a tool cut over on or before *day*, and was not reviewed since."""
    return _cutover_findings(kb, day, cutover.PASSED_UNREVIEWED)


def cutover_soon(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook uses a tool cut over within `due_soon_days` after *day*."""
    return _cutover_findings(kb, day, cutover.SOON)


OVERDUE_LOOKBACK_DAYS = 30  # format v1.1: a deadline passed within the last 30 days


def handover_overdue(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Someone whose handover deadline passed within the last 30 days has no handovers/ file."""
    within = datetime.timedelta(days=kb.config.handover_within_days)
    first = day - datetime.timedelta(days=OVERDUE_LOOKBACK_DAYS) - within
    last = day - within - datetime.timedelta(days=1)  # last day + N < D
    findings = []
    for person, last_day in left_between(kb.roster, first, last):
        if person.id in kb.handovers:
            continue
        roles = [a.role for a in person.assignments if a.until == last_day]
        role = roles[0] if roles else None
        due_on = deadline(kb, last_day).due
        findings.append(
            Finding(
                rule="handover-overdue",
                severity=WARNING,
                id=person.id,
                title=person.name,
                file="roster.yml",
                line=1,
                owner_role=role,
                owner_people=(),
                due=due_on,
                key="audit.rule.handover-overdue",
                params={
                    "id": person.id,
                    "name": person.name,
                    "role_title": kb.roster.role_title(role) if role else "",
                    "last_day": last_day.isoformat(),
                    "due": due_on.isoformat(),
                },
            )
        )
    return findings


def missed_run(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """A recorded runbook's occurrence closed (last day + grace < *day*) with no run (facts/runs.py)."""
    people = names_by_post(kb.roster, day)
    return [
        finding(
            expectation.occurrence.runbook,
            "missed-run",
            WARNING,
            people,
            review.due_on(kb, expectation.occurrence.runbook),
            id=expectation.occurrence.runbook.id,
            label=expectation.occurrence.label,
            when=_when(expectation.occurrence.start, expectation.occurrence.end),
            closes=expectation.closes.isoformat(),
        )
        for expectation in runs.missed(kb, day)
    ]


def self_checked(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """A run of a two_person checklist has no checked_by, or checked_by is performed_by."""
    people = names_by_post(kb.roster, day)
    findings = []
    for run in runs.self_checked(kb):
        item = kb.runbooks.get(run.checklist) or kb.checklists.get(run.checklist)
        if item is None or run.date > day:
            continue
        found = finding(
            item,
            "self-checked",
            WARNING,
            people,
            review.due_on(kb, item),
            date=run.date.isoformat(),
            file=run.source,
            performed_by=_name(kb, run.performed_by),
        )
        findings.append(replace(found, file=run.source, line=1))
    return findings


def _when(first: datetime.date, last: datetime.date) -> str:
    """One day as itself, a span as first〜last."""
    return first.isoformat() if first == last else f"{first.isoformat()}〜{last.isoformat()}"


def _name(kb: KnowledgeBase, person_id: str) -> str:
    person = kb.roster.person(person_id)
    return person.name if person else person_id
