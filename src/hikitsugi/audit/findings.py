"""What an audit finds: a Finding, the report of one day, severities, and which items rules look at."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from hikitsugi.audit import messages  # noqa: F401 - registers the messages
from hikitsugi.i18n import t
from hikitsugi.model import Checklist, KnowledgeBase, Runbook

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_RANK = {INFO: 0, WARNING: 1, ERROR: 2}
HEALTH_TARGET = 0.8  # Guru's guidance: 80 % verified is a healthy floor

Item = Runbook | Checklist


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


def active_runbooks(kb: KnowledgeBase) -> Iterator[Runbook]:
    return (r for r in kb.runbooks.values() if r.status == "active")


def audited(kb: KnowledgeBase) -> Iterator[Item]:
    """Active runbooks and checklists: everything but no-owner looks only at these."""
    yield from active_runbooks(kb)
    yield from kb.checklists.values()


def owned(kb: KnowledgeBase) -> Iterator[Item]:
    """What no-owner looks at: active and draft runbooks, and checklists."""
    yield from (r for r in kb.runbooks.values() if r.status in ("active", "draft"))
    yield from kb.checklists.values()


def finding(
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
