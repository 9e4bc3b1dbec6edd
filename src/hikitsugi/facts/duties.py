"""The duties of a post: what it owns or deputises, the accounts it holds, their open issues.

Pure functions of the knowledge base and post ids. Rotation, the handover and onboarding packs,
the site's post pages, the calendars and `audit --owner` all ask these; none re-filters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from hikitsugi.model import Account, Checklist, KnowledgeBase, OpenIssue, Runbook

Item = Runbook | Checklist
LIVE = ("active", "draft")  # a retired runbook is nobody's duty any more
ACTIVE = ("active",)
EVERY = ("active", "draft", "retired")


@dataclass(frozen=True)
class Duty:
    """A runbook or checklist that a post owns or deputises."""

    item: Item
    role: str
    relation: str  # owner | deputy

    @property
    def kind(self) -> str:
        return "checklist" if isinstance(self.item, Checklist) else self.item.kind


@dataclass(frozen=True)
class AccountMove:
    """A system account held by a post, to move at the transfer."""

    runbook: Runbook
    account: Account


@dataclass(frozen=True)
class IssueToHand:
    """An open issue (懸案事項) of a runbook that is handed over."""

    runbook: Runbook
    issue: OpenIssue


def duties_of(
    kb: KnowledgeBase,
    roles: Iterable[str],
    *,
    statuses: Collection[str] = LIVE,
    checklists: bool = True,
) -> list[Duty]:
    """Return what the posts own or deputise: owned first, then by id; owning outranks deputising."""
    wanted = list(dict.fromkeys(roles))
    items: list[Item] = [r for r in kb.runbooks.values() if r.status in statuses]
    if checklists:
        items += list(kb.checklists.values())
    found: list[Duty] = []
    for item in sorted(items, key=lambda i: i.id):
        deputies = item.deputies if isinstance(item, Runbook) else ()
        if item.owner is not None and item.owner in wanted:
            found.append(Duty(item, item.owner, "owner"))
            continue
        role = next((r for r in wanted if r in deputies), None)
        if role is not None:
            found.append(Duty(item, role, "deputy"))
    found.sort(key=lambda duty: (duty.relation != "owner", duty.item.id))
    return found


def runbooks_of(kb: KnowledgeBase, role: str, statuses: Collection[str] = ACTIVE) -> list[Runbook]:
    """Return the runbooks (by default the active ones) that *role* owns or deputises."""
    return [
        duty.item
        for duty in duties_of(kb, [role], statuses=statuses, checklists=False)
        if isinstance(duty.item, Runbook)
    ]


def accounts_of(kb: KnowledgeBase, roles: Iterable[str]) -> list[AccountMove]:
    """Return the system accounts held by the posts, in every live runbook, each account once."""
    wanted = set(roles)
    moves = [
        AccountMove(runbook, account)
        for runbook in sorted(kb.runbooks.values(), key=lambda r: r.id)
        if runbook.status in LIVE
        for account in runbook.accounts
        if account.holder in wanted
    ]
    unique: dict[tuple[str, str, str | None], AccountMove] = {}
    for move in moves:  # one account listed in several runbooks is moved once
        unique.setdefault((move.account.system, move.account.holder, move.account.permission), move)
    return list(unique.values())


def issues_of(duties: Iterable[Duty]) -> list[IssueToHand]:
    """Return the open issues of the duties' runbooks, oldest first."""
    issues = [
        IssueToHand(duty.item, issue)
        for duty in duties
        if isinstance(duty.item, Runbook)
        for issue in duty.item.open_issues
    ]
    return sorted(issues, key=lambda i: (i.issue.since, i.runbook.id))
