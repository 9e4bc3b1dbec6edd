"""Audit findings as small pure functions of (knowledge base, day): the table of format v1.

Each rule is a function `rule(kb, day) -> list[Finding]`; `audit(kb, day)` runs them all.
Nothing here reads the clock, the disk or git: the day is a parameter.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from hikitsugi.i18n import register, t
from hikitsugi.model import Checklist, KnowledgeBase, Roster, Runbook

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}
HEALTH_TARGET = 0.8  # Guru's guidance: 80 % verified is a healthy floor

Item = Runbook | Checklist

register(
    {
        "audit.rule.no-owner": (
            "所有ポストがありません。owner に、内容に責任を持つポストを設定してください",
            "has no owner: set owner to the post accountable for keeping it true",
        ),
        "audit.rule.vacant-owner": (
            ("所有ポスト「{role_title}」は {day} に誰も就いていません。"
            "roster.yml に後任を登録するか、owner を別のポストに変えてください"),
            ("the owner post '{role_title}' is held by nobody on {day}: "
            "add its holder to roster.yml or give the runbook another owner"),
        ),
        "audit.rule.never-reviewed": (
            "一度も見直されていません。内容を確かめ、reviewed_on に確認した日を記入してください",
            "has never been reviewed: check it and set reviewed_on to the day you did",
        ),
        "audit.rule.stale": (
            "見直し期限 {due} を {days} 日過ぎています。内容を確かめ、reviewed_on を更新してください",
            "review was due on {due}, {days} day(s) ago: check it and update reviewed_on",
        ),
        "audit.rule.due-soon": (
            "見直し期限 {due} まであと {days} 日です。期限までに内容を確かめ、reviewed_on を更新してください",
            "review is due on {due}, in {days} day(s): check it by then and update reviewed_on",
        ),
        "audit.rule.due-today": (
            "本日 {due} が見直し期限です。内容を確かめ、reviewed_on を更新してください",
            "review is due today ({due}): check it and update reviewed_on",
        ),
        "audit.rule.owner-leaving": (
            ("所有ポスト「{role_title}」の {leaving} が異動・退任予定です。"
            "後任への引継ぎを準備し、見直しを済ませてください"),
            ("the owner post '{role_title}' loses {leaving}: "
            "prepare the handover and review it before they go"),
        ),
        "audit.rule.no-deputy": (
            "副担当ポストがありません。deputies に、代わりに対応できるポストを加えてください",
            "has no deputy: add a post that can stand in to deputies",
        ),
        "audit.rule.retired-in-use": (
            ("廃止された手順書「{target_title}」({target}) を {via} で参照しています。"
            "後継の手順書に差し替えるか、参照を外してください"),
            ("refers to the retired runbook '{target_title}' ({target}) in {via}: "
            "point it at its successor or remove the reference"),
        ),
    }
)


@dataclass(frozen=True)
class Finding:
    """One thing a coordinator should act on, at file:line, owned by a post."""

    rule: str
    severity: str
    id: str
    title: str
    file: str
    line: int
    owner_role: str | None
    owner_people: tuple[str, ...]
    due: datetime.date | None
    key: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def message(self, lang: str) -> str:
        """Return the one-line reason, which says what to do, in *lang*."""
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class AuditReport:
    """Findings of one audit day, and how many audited items had no error."""

    as_of: datetime.date
    findings: tuple[Finding, ...]
    audited: int
    healthy: int
    target = HEALTH_TARGET

    @property
    def health(self) -> float:
        """Share of audited active runbooks and checklists with no error finding."""
        return self.healthy / self.audited if self.audited else 1.0


# --- which items each rule looks at ------------------------------------------------------


def _active_runbooks(kb: KnowledgeBase) -> Iterator[Runbook]:
    return (r for r in kb.runbooks.values() if r.status == "active")


def _audited(kb: KnowledgeBase) -> Iterator[Item]:
    """Active runbooks and checklists: everything but no-owner looks only at these."""
    yield from _active_runbooks(kb)
    yield from kb.checklists.values()


def _owned(kb: KnowledgeBase) -> Iterator[Item]:
    """What no-owner looks at: active and draft runbooks, and checklists."""
    yield from (r for r in kb.runbooks.values() if r.status in ("active", "draft"))
    yield from kb.checklists.values()


def holders_by_role(roster: Roster, day: datetime.date) -> dict[str, list[tuple[str, datetime.date | None]]]:
    """Map each role held on *day* to its holders as (name, until), in roster order."""
    found: dict[str, list[tuple[str, datetime.date | None]]] = {}
    for person in roster.people:
        for assignment in person.assignments:
            if assignment.holds_on(day):
                found.setdefault(assignment.role, []).append((person.name, assignment.until))
    return found


def _finding(
    kb: KnowledgeBase,
    item: Item,
    rule: str,
    severity: str,
    holders: Mapping[str, list[tuple[str, datetime.date | None]]],
    **params: Any,
) -> Finding:
    owner = item.owner
    people = tuple(dict.fromkeys(name for name, _ in holders.get(owner, ()))) if owner else ()
    return Finding(
        rule=rule,
        severity=severity,
        id=item.id,
        title=item.title,
        file=item.source,
        line=item.line,
        owner_role=owner,
        owner_people=people,
        due=kb.due_on(item),
        key=f"audit.rule.{rule}",
        params=params,
    )


# --- the rules: one small pure function each ---------------------------------------------


def no_owner(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active or draft runbook, or a checklist, has no owner."""
    return [_finding(kb, item, "no-owner", ERROR, {}) for item in _owned(kb) if not item.owner]


def vacant_owner(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Its owner role is held by nobody on *day*."""
    holders = holders_by_role(kb.roster, day)
    return [
        _finding(kb, item, "vacant-owner", ERROR, holders, role=item.owner,
                 role_title=kb.roster.role_title(item.owner), day=day.isoformat())
        for item in _audited(kb)
        if item.owner and not holders.get(item.owner)
    ]


def never_reviewed(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """No `reviewed_on`."""
    holders = holders_by_role(kb.roster, day)
    return [_finding(kb, item, "never-reviewed", ERROR, holders) for item in _audited(kb) if item.reviewed_on is None]


def stale(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """*day* is after reviewed_on + review_every (the due day itself is not stale)."""
    holders = holders_by_role(kb.roster, day)
    found = []
    for item in _audited(kb):
        due = kb.due_on(item)
        if due is not None and day > due:
            found.append(_finding(kb, item, "stale", ERROR, holders, due=due.isoformat(), days=(day - due).days))
    return found


def due_soon(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Not stale, and the due day is within `due_soon_days` of *day*."""
    holders = holders_by_role(kb.roster, day)
    window = kb.config.due_soon_days
    found = []
    for item in _audited(kb):
        due = kb.due_on(item)
        if due is not None and 0 <= (due - day).days <= window:
            finding = _finding(kb, item, "due-soon", WARNING, holders, due=due.isoformat(), days=(due - day).days)
            found.append(replace(finding, key="audit.rule.due-today") if due == day else finding)
    return found


def owner_leaving(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """A person holding the owner role on *day* has `until` within `handover_window_days`."""
    holders = holders_by_role(kb.roster, day)
    last = day + datetime.timedelta(days=kb.config.handover_window_days)
    found = []
    for item in _audited(kb):
        leaving = [(name, until) for name, until in holders.get(item.owner or "", ()) if until is not None and until <= last]
        if leaving:
            text = ", ".join(f"{name} ({until.isoformat()})" for name, until in leaving)  # type: ignore[union-attr]
            found.append(
                _finding(kb, item, "owner-leaving", WARNING, holders, role=item.owner,
                         role_title=kb.roster.role_title(item.owner or ""), leaving=text,
                         until=min(until for _, until in leaving).isoformat())  # type: ignore[type-var]
            )
    return found


def no_deputy(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook has no deputies."""
    holders = holders_by_role(kb.roster, day)
    return [_finding(kb, r, "no-deputy", WARNING, holders) for r in _active_runbooks(kb) if not r.deputies]


def retired_in_use(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook `uses` or is `related` to a retired one (one finding per reference)."""
    holders = holders_by_role(kb.roster, day)
    found = []
    for runbook in _active_runbooks(kb):
        for via, targets in (("uses", runbook.uses), ("related", runbook.related)):
            for target in targets:
                other = kb.runbooks.get(target)
                if other is not None and other.status == "retired":
                    found.append(_finding(kb, runbook, "retired-in-use", WARNING, holders,
                                          target=target, target_title=other.title, via=via))
    return found


Rule = Callable[[KnowledgeBase, datetime.date], list[Finding]]

RULES: dict[str, tuple[str, Rule]] = {
    "no-owner": (ERROR, no_owner),
    "vacant-owner": (ERROR, vacant_owner),
    "never-reviewed": (ERROR, never_reviewed),
    "stale": (ERROR, stale),
    "due-soon": (WARNING, due_soon),
    "owner-leaving": (WARNING, owner_leaving),
    "no-deputy": (WARNING, no_deputy),
    "retired-in-use": (WARNING, retired_in_use),
}
RULE_ORDER = {name: index for index, name in enumerate(RULES)}


def audit(kb: KnowledgeBase, day: datetime.date) -> AuditReport:
    """Run every rule on *kb* for *day*; findings sorted by file, line and rule."""
    findings = [finding for _, rule in RULES.values() for finding in rule(kb, day)]
    findings.sort(key=lambda f: (f.file, f.line, f.id, RULE_ORDER[f.rule], f.params.get("target", "")))
    audited = {item.id for item in _audited(kb)}  # runbooks and checklists share one id namespace
    failing = {f.id for f in findings if f.severity == ERROR}
    healthy = len(audited - failing)
    return AuditReport(as_of=day, findings=tuple(findings), audited=len(audited), healthy=healthy)


def for_owner(kb: KnowledgeBase, role: str) -> KnowledgeBase:
    """Return *kb* cut down to what *role* owns (retired runbooks kept for retired-in-use)."""
    return replace(
        kb,
        runbooks={i: r for i, r in kb.runbooks.items() if r.owner == role or r.status == "retired"},
        checklists={i: c for i, c in kb.checklists.items() if c.owner == role},
    )


DUE_RULES = ("stale", "due-soon")


def falling_due(kb: KnowledgeBase, day: datetime.date, days: int) -> AuditReport:
    """What is stale or falls due within *days* of *day*, soonest first (the notifier's view)."""
    widened = replace(kb, config=replace(kb.config, due_soon_days=days))
    full = audit(widened, day)
    due = sorted((f for f in full.findings if f.rule in DUE_RULES), key=lambda f: (f.due, f.file, f.line))
    return replace(full, findings=tuple(due))
