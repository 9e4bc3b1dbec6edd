"""Audit findings as small pure functions of (knowledge base, day): the table of format v1.

Each rule is a function `rule(kb, day) -> list[Finding]`; `audit(kb, day)` runs them all.
Nothing here reads the clock, the disk or git: the day is a parameter.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from hikitsugi.facts import cutover, review, runs
from hikitsugi.facts.duties import EVERY, duties_of
from hikitsugi.facts.people import (
    deadline,
    leaving_by_post,
    left_between,
    names_by_post,
    vacancy_on,
    window_end,
)
from hikitsugi.facts.review import due_lookup
from hikitsugi.i18n import register, t
from hikitsugi.model import Checklist, KnowledgeBase, Runbook

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
            (
                "所有ポスト「{role_title}」は {day} に誰も就いていません。"
                "roster.yml に後任を登録するか、owner を別のポストに変えてください"
            ),
            (
                "the owner post '{role_title}' is held by nobody on {day}: "
                "add its holder to roster.yml or give the runbook another owner"
            ),
        ),
        "audit.rule.vacant-owner-since": (
            (
                "所有ポスト「{role_title}」は {since} から空席です ({day} 現在)。"
                "roster.yml に後任を登録するか、owner を別のポストに変えてください"
            ),
            (
                "the owner post '{role_title}' has been held by nobody since {since} "
                "(as of {day}): add its holder to roster.yml or give the runbook another owner"
            ),
        ),
        "audit.rule.handover-overdue": (
            (
                "{name} ({role_title}、最終日 {last_day}) の事務引継ぎの期限 {due} を過ぎましたが、"
                "handovers/{id}.yml がありません。hikitsugi handover --person {id} --draft で作り、"
                "経過・現況を記入してください"
            ),
            (
                "the handover of {name} ({role_title}, last day {last_day}) was due on {due} "
                "and handovers/{id}.yml is missing: write it with "
                "hikitsugi handover --person {id} --draft and fill in the state of each duty"
            ),
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
            (
                "所有ポスト「{role_title}」の {leaving} が異動・退任予定です。"
                "後任への引継ぎを準備し、見直しを済ませてください"
            ),
            (
                "the owner post '{role_title}' loses {leaving}: "
                "prepare the handover and review it before they go"
            ),
        ),
        "audit.rule.no-deputy": (
            "副担当ポストがありません。deputies に、代わりに対応できるポストを加えてください",
            "has no deputy: add a post that can stand in to deputies",
        ),
        "audit.rule.missed-run": (
            (
                "{label} ({when}) の実施記録がありません ({closes} まで待ちました)。"
                "実施していれば hikitsugi run {id} --date 実施日 --by 職員 で記録し、"
                "実施していなければ理由と対応を所有ポストで確かめてください"
            ),
            (
                "no run is recorded for {label} ({when}; waited until {closes}): "
                "if it was done, record it with hikitsugi run {id} --date DAY --by PERSON; "
                "if not, the owner post should find out why and what to do"
            ),
        ),
        "audit.rule.self-checked": (
            (
                "{date} の実施 ({file}) は確認者がいないか、実施者 {performed_by} が自分で確認しています。"
                "別の職員に確認してもらい、checked_by にその職員を記入してください"
            ),
            (
                "the run of {date} ({file}) has no checker, or {performed_by} checked their own "
                "work: have another person check it and write them in checked_by"
            ),
        ),
        "audit.rule.cutover-unreviewed": (
            (
                "使っている「{tool_title}」({tool}) は {on} に「{to}」へ移行しましたが、"
                "この手順書はそれ以後見直されていません。新しいシステムの操作に合わせて直し、reviewed_on を更新してください"
            ),
            (
                "uses '{tool_title}' ({tool}), replaced by '{to}' on {on}, and has not been reviewed "
                "since: bring it in line with the new system and update reviewed_on"
            ),
        ),
        "audit.rule.cutover-soon": (
            (
                "使っている「{tool_title}」({tool}) は {on} に「{to}」へ移行します (あと {days} 日)。"
                "移行日までにこの手順書を見直してください"
            ),
            (
                "uses '{tool_title}' ({tool}), replaced by '{to}' on {on} (in {days} day(s)): "
                "review this runbook by then"
            ),
        ),
        "audit.rule.retired-in-use": (
            (
                "廃止された手順書「{target_title}」({target}) を {via} で参照しています。"
                "後継の手順書に差し替えるか、参照を外してください"
            ),
            (
                "refers to the retired runbook '{target_title}' ({target}) in {via}: "
                "point it at its successor or remove the reference"
            ),
        ),
    }
)


@dataclass(frozen=True)
class Finding:
    """One thing a coordinator should act on, at file:line, owned by a post."""

    rule: str  # a rule of format v1's table, e.g. "stale"
    severity: str  # "error" | "warning"
    id: str  # the runbook's or checklist's id
    title: str
    file: str  # relative to the KB root (the local file of a merged runbook)
    line: int  # the line of its `id`
    owner_role: str | None
    owner_people: tuple[str, ...]  # names of who holds owner_role on the audit's day
    due: datetime.date | None  # its next review day (None if never reviewed)
    key: str  # message key (i18n)
    params: Mapping[str, Any] = field(
        default_factory=dict, hash=False
    )  # plain values for the message

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


def _finding(
    item: Item,
    rule: str,
    severity: str,
    people: Mapping[str, tuple[str, ...]],
    due_on: datetime.date | None,
    key: str | None = None,
    **params: Any,
) -> Finding:
    owner = item.owner
    return Finding(
        rule=rule,
        severity=severity,
        id=item.id,
        title=item.title,
        file=item.source,
        line=item.line,
        owner_role=owner,
        owner_people=people.get(owner, ()) if owner else (),
        due=due_on,
        key=key or f"audit.rule.{rule}",
        params=params,
    )


# --- the rules: one small pure function each ---------------------------------------------


def no_owner(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active or draft runbook, or a checklist, has no owner."""
    due = due_lookup(kb)
    return [
        _finding(item, "no-owner", ERROR, {}, due(item)) for item in _owned(kb) if not item.owner
    ]


def vacant_owner(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Its owner role is held by nobody on *day* (the message says since when, if ever held)."""
    people, due, title = names_by_post(kb.roster, day), due_lookup(kb), kb.roster.role_title
    vacancies = {
        role: vacancy
        for role in {item.owner for item in _audited(kb) if item.owner}
        if (vacancy := vacancy_on(kb.roster, role, day)) is not None
    }
    found = []
    for item in _audited(kb):
        owner = item.owner
        vacancy = vacancies.get(owner) if owner else None
        if owner is None or vacancy is None:
            continue
        since = vacancy.since.isoformat() if vacancy.since else None
        key = "audit.rule.vacant-owner-since" if since else None
        found.append(
            _finding(
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
        _finding(item, "never-reviewed", ERROR, people, None)
        for item in _audited(kb)
        if item.reviewed_on is None
    ]


def stale(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """*day* is after reviewed_on + review_every (the due day itself is not stale)."""
    people, due_on = names_by_post(kb.roster, day), due_lookup(kb)
    window = kb.config.due_soon_days
    found = []
    for item in _audited(kb):
        due = due_on(item)
        if due is not None and review.state(due, day, window) == review.STALE:
            found.append(
                _finding(
                    item, "stale", ERROR, people, due, due=due.isoformat(), days=(day - due).days
                )
            )
    return found


def due_soon(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """Not stale, and the due day is within `due_soon_days` of *day* (the due day itself too)."""
    people, due_on = names_by_post(kb.roster, day), due_lookup(kb)
    window = kb.config.due_soon_days
    found = []
    for item in _audited(kb):
        due = due_on(item)
        if due is not None and review.state(due, day, window) == review.DUE_SOON:
            days = (due - day).days
            key = "audit.rule.due-today" if days == 0 else "audit.rule.due-soon"
            found.append(
                _finding(
                    item, "due-soon", WARNING, people, due, key, due=due.isoformat(), days=days
                )
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
        _finding(item, "owner-leaving", WARNING, people, due(item), **leaving[item.owner])
        for item in _audited(kb)
        if item.owner in leaving
    ]


def no_deputy(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook has no deputies."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    return [
        _finding(r, "no-deputy", WARNING, people, due(r))
        for r in _active_runbooks(kb)
        if not r.deputies
    ]


def retired_in_use(kb: KnowledgeBase, day: datetime.date) -> list[Finding]:
    """An active runbook `uses` or is `related` to a retired one (one finding per reference)."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    retired = {i: r.title for i, r in kb.runbooks.items() if r.status == "retired"}
    if not retired:
        return []
    return [
        _finding(
            runbook,
            "retired-in-use",
            WARNING,
            people,
            due(runbook),
            target=target,
            target_title=retired[target],
            via=via,
        )
        for runbook in _active_runbooks(kb)
        for via, targets in (("uses", runbook.uses), ("related", runbook.related))
        for target in targets
        if target in retired
    ]


def _cutover_findings(kb: KnowledgeBase, day: datetime.date, wanted: str) -> list[Finding]:
    """Active runbooks whose tools' cutovers stand at *wanted* on *day* (one finding per tool)."""
    people, due = names_by_post(kb.roster, day), due_lookup(kb)
    rule = "cutover-unreviewed" if wanted == cutover.PASSED_UNREVIEWED else "cutover-soon"
    severity = ERROR if rule == "cutover-unreviewed" else WARNING
    found = []
    for runbook in _active_runbooks(kb):
        for notice in cutover.notices(kb, runbook, day):
            if notice.tool.id == runbook.id or notice.state != wanted:
                continue
            found.append(
                _finding(
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


Rule = Callable[[KnowledgeBase, datetime.date], list[Finding]]

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
        _finding(
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
        found = _finding(
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
    audited = {item.id for item in _audited(kb)}  # runbooks and checklists share one id namespace
    failing = {f.id for f in findings if f.severity == ERROR}
    healthy = len(audited - failing)
    return AuditReport(as_of=day, findings=tuple(findings), audited=len(audited), healthy=healthy)


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
