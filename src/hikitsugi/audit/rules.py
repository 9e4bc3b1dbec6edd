"""Audit findings as small pure functions of (knowledge base, day): the table of format v1.

Each rule is a function `rule(kb, day) -> list[Finding]`; `audit(kb, day)` runs them all, the
v1 rules below and the v1.1 rules of rules_v11.py. Nothing here reads the clock, the disk or
git: the day is a parameter.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hikitsugi.audit.findings import (
    ERROR,
    WARNING,
    AuditReport,
    Finding,
    active_runbooks,
    audited,
    finding,
    owned,
)
from hikitsugi.audit.rules_v11 import (
    cutover_soon,
    cutover_unreviewed,
    handover_overdue,
    missed_run,
    self_checked,
)
from hikitsugi.facts import review
from hikitsugi.facts.duties import EVERY, duties_of
from hikitsugi.facts.people import leaving_by_post, names_by_post, vacancy_on, window_end
from hikitsugi.facts.review import due_lookup
from hikitsugi.model import KnowledgeBase

Rule = Callable[[KnowledgeBase, datetime.date], list[Finding]]


# --- the rules: one small pure function each ---------------------------------------------


def no_owner(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active or draft runbook, or a checklist, has no owner."""
    due = due_lookup(kb)
    return [finding(item, "no-owner", ERROR, {}, due(item)) for item in owned(kb) if not item.owner]


def vacant_owner(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Its owner role is held by nobody on *day* (the message says since when, if ever held)."""
    people, due, title = names_by_post(kb.roster, day), due_lookup(kb), kb.roster.role_title
    vacancies = {
        role: vacancy
        for role in {item.owner for item in audited(kb) if item.owner}
        if (vacancy := vacancy_on(kb.roster, role, day)) is not None
    }
    found = []
    for item in audited(kb):
        owner = item.owner
        vacancy = vacancies.get(owner) if owner else None
        if owner is None or vacancy is None:
            continue
        since = vacancy.since.isoformat() if vacancy.since else None
        key = "audit.rule.vacant-owner-since" if since else None
        found.append(
            finding(
                item,
                "vacant-owner",
                ERROR,
                people,
                due(item),
                key,
                role=owner,
                role_title=title(owner),
                day=day.isoformat(),
                since=since,
            )
        )
    return found


def never_reviewed(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """No `reviewed_on`."""
    people = names_by_post(kb.roster, day)
    return [
        finding(item, "never-reviewed", ERROR, people, None)
        for item in audited(kb)
        if item.reviewed_on is None
    ]


def stale(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """*day* is after reviewed_on + review_every (the due day itself is not stale)."""
    people, due_on = names_by_post(kb.roster, day), due_lookup(kb)
    window = kb.config.due_soon_days
    found = []
    for item in audited(kb):
        due = due_on(item)
        if due is not None and review.state(due, day, window) == review.STALE:
            found.append(
                finding(
                    item, "stale", ERROR, people, due, due=due.isoformat(), days=(day - due).days
                )
            )
    return found


def due_soon(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Not stale, and the due day is within `due_soon_days` of *day* (the due day itself too)."""
    people, due_on = names_by_post(kb.roster, day), due_lookup(kb)
    window = kb.config.due_soon_days
    found = []
    for item in audited(kb):
        due = due_on(item)
        if due is not None and review.state(due, day, window) == review.DUE_SOON:
            days = (due - day).days
            key = "audit.rule.due-today" if days == 0 else "audit.rule.due-soon"
            found.append(
                finding(item, "due-soon", WARNING, people, due, key, due=due.isoformat(), days=days)
            )
    return found


def owner_leaving(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """A holder of the owner role on *day* leaves it within `handover_window_days` (v1.1: renewals stay)."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    end = window_end(kb, day)
    leaving: dict[str, dict[str, Any]] = {}
    for role, going in leaving_by_post(kb.roster, day, end).items():
        ends = [(h.person.name, h.last_day) for h in going if h.last_day is not None]
        leaving[role] = {
            "role": role,
            "role_title": kb.roster.role_title(role),
            "leaving": ", ".join(f"{name} ({last.isoformat()})" for name, last in ends),
            "until": min(last for _, last in ends).isoformat(),
        }
    return [
        finding(item, "owner-leaving", WARNING, people, due(item), **leaving[item.owner])
        for item in audited(kb)
        if item.owner in leaving
    ]


def no_deputy(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook has no deputies."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    return [
        finding(r, "no-deputy", WARNING, people, due(r))
        for r in active_runbooks(kb)
        if not r.deputies
    ]


def retired_in_use(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook `uses` or is `related` to a retired one (one finding per reference)."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    retired = {i: r.title for i, r in kb.runbooks.items() if r.status == "retired"}
    if not retired:
        return []
    return [
        finding(
            runbook,
            "retired-in-use",
            WARNING,
            people,
            due(runbook),
            target=target,
            target_title=retired[target],
            via=via,
        )
        for runbook in active_runbooks(kb)
        for via, targets in (("uses", runbook.uses), ("related", runbook.related))
        for target in targets
        if target in retired
    ]


RULES: dict[str, tuple[str, Rule]] = {
    "no-owner": (ERROR, no_owner),
    "vacant-owner": (ERROR, vacant_owner),
    "never-reviewed": (ERROR, never_reviewed),
    "stale": (ERROR, stale),
    "due-soon": (WARNING, due_soon),
    "owner-leaving": (WARNING, owner_leaving),
    "no-deputy": (WARNING, no_deputy),
    "retired-in-use": (WARNING, retired_in_use),
    "handover-overdue": (WARNING, handover_overdue),
    "missed-run": (WARNING, missed_run),
    "self-checked": (WARNING, self_checked),
    "cutover-unreviewed": (ERROR, cutover_unreviewed),
    "cutover-soon": (WARNING, cutover_soon),
}
RULE_ORDER = {name: index for index, name in enumerate(RULES)}


def audit(kb: KnowledgeBase, day: datetime.date) -> AuditReport:
    """Run every rule on *kb* for *day*; findings sorted by file, line and rule."""
    findings = [finding for _, rule in RULES.values() for finding in rule(kb, day)]
    findings.sort(
        key=lambda f: (f.file, f.line, f.id, RULE_ORDER[f.rule], f.params.get("target", ""))
    )
    ids = {item.id for item in audited(kb)}  # runbooks and checklists share one id namespace
    failing = {f.id for f in findings if f.severity == ERROR}
    healthy = len(ids - failing)
    return AuditReport(as_of=day, findings=tuple(findings), audited=len(ids), healthy=healthy)


def for_owner(kb: KnowledgeBase, role: str) -> KnowledgeBase:
    """Return *kb* cut down to what *role* owns (retired runbooks kept for retired-in-use)."""
    owned = {d.item.id for d in duties_of(kb, [role], statuses=EVERY) if d.relation == "owner"}
    return replace(
        kb,
        runbooks={i: r for i, r in kb.runbooks.items() if i in owned or r.status == "retired"},
        checklists={i: c for i, c in kb.checklists.items() if i in owned},
    )


DUE_RULES = ("stale", "due-soon")


def falling_due(kb: KnowledgeBase, day: datetime.date, days: int) -> AuditReport:
    """What is stale or falls due within *days* of *day*, soonest first (the notifier's view)."""
    widened = replace(kb, config=replace(kb.config, due_soon_days=days))
    full = audit(widened, day)
    due = sorted(
        (f for f in full.findings if f.rule in DUE_RULES), key=lambda f: (f.due, f.file, f.line)
    )
    return replace(full, findings=tuple(due))
