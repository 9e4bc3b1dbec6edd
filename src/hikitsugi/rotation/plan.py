"""Rotation planning: who leaves in a window and everything their posts hand over.

Pure functions of (knowledge base, day): the input of `hikitsugi rotation` and of the
handover packs. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from hikitsugi.facts.schedule import Occurrence, occurrences
from hikitsugi.model import (
    Account,
    Assignment,
    Checklist,
    KnowledgeBase,
    OpenIssue,
    Person,
    Runbook,
    add_months,
)

Item = Runbook | Checklist
ONE_DAY = datetime.timedelta(days=1)
SCHEDULE_MONTHS = 12  # the next 12 months of scheduled work


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


@dataclass(frozen=True)
class PostHandover:
    """One post that a person hands over, with its successors where the roster names them."""

    role: str
    assignment: Assignment
    successors: tuple[Person, ...]
    successor_from: datetime.date | None


@dataclass(frozen=True)
class Leaver:
    """A person and everything their posts hand over."""

    person: Person
    posts: tuple[PostHandover, ...]
    duties: tuple[Duty, ...]
    accounts: tuple[AccountMove, ...]
    open_issues: tuple[IssueToHand, ...]
    schedule: tuple[Occurrence, ...]

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(post.role for post in self.posts)

    @property
    def last_day(self) -> datetime.date | None:
        days = [post.assignment.until for post in self.posts if post.assignment.until]
        return max(days) if days else None

    @property
    def has_anything(self) -> bool:
        return bool(self.duties or self.accounts or self.open_issues)


@dataclass(frozen=True)
class Vacancy:
    """A post held by nobody from `start` (until the day before `until`, when someone starts)."""

    role: str
    start: datetime.date
    filled_on: datetime.date | None
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class RotationPlan:
    day: datetime.date
    window_end: datetime.date
    leavers: tuple[Leaver, ...]
    vacancies: tuple[Vacancy, ...]


def window_end(kb: KnowledgeBase, day: datetime.date, window: int | None = None) -> datetime.date:
    """Return the last day of the window (D + window days, handover_window_days by default)."""
    days = kb.config.handover_window_days if window is None else window
    return day + datetime.timedelta(days=days)


def continues(person: Person, assignment: Assignment) -> bool:
    """Say whether *person* still holds the assignment's role the day after it ends."""
    if assignment.until is None:
        return True
    next_day = assignment.until + ONE_DAY
    return any(a.role == assignment.role and a.holds_on(next_day) for a in person.assignments)


def leaving_assignments(person: Person, day: datetime.date, end: datetime.date) -> list[Assignment]:
    """Return the person's assignments whose `until` falls in day..end and that really end."""
    return [
        a
        for a in person.assignments
        if a.until is not None and day <= a.until <= end and not continues(person, a)
    ]


def duties_of(kb: KnowledgeBase, roles: Iterable[str]) -> list[Duty]:
    """Return the live runbooks and checklists that the posts own or deputise, by id."""
    wanted = list(dict.fromkeys(roles))
    found: list[Duty] = []
    items: list[Item] = [r for r in kb.runbooks.values() if r.status != "retired"]
    items += list(kb.checklists.values())
    for item in sorted(items, key=lambda i: i.id):
        deputies = item.deputies if isinstance(item, Runbook) else ()
        if item.owner in wanted:  # owning through one post outranks deputising through another
            found.append(Duty(item, item.owner, "owner"))
            continue
        role = next((r for r in wanted if r in deputies), None)
        if role is not None:
            found.append(Duty(item, role, "deputy"))
    found.sort(key=lambda duty: (duty.relation != "owner", duty.item.id))  # owned duties first
    return found


def accounts_of(kb: KnowledgeBase, roles: Iterable[str]) -> list[AccountMove]:
    """Return the system accounts held by the posts, in every live runbook."""
    wanted = set(roles)
    moves = [
        AccountMove(runbook, account)
        for runbook in sorted(kb.runbooks.values(), key=lambda r: r.id)
        if runbook.status != "retired"
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


def schedule_of(
    duties: Iterable[Duty], day: datetime.date, months: int = SCHEDULE_MONTHS
) -> list[Occurrence]:
    """Return the duties' scheduled work from *day* for *months* months."""
    runbooks = [d.item for d in duties if isinstance(d.item, Runbook) and d.item.status == "active"]
    return occurrences(runbooks, day, add_months(day, months) - ONE_DAY)


def successors(
    kb: KnowledgeBase, assignment: Assignment
) -> tuple[tuple[Person, ...], datetime.date | None]:
    """Return who the roster names to take the role next after *assignment* ends, and from when."""
    if assignment.until is None:
        return (), None
    starts = [
        (a.start, person)
        for person in kb.roster.people
        for a in person.assignments
        if a.role == assignment.role and a.start > assignment.until
    ]
    if not starts:
        return (), None
    first = min(start for start, _ in starts)
    return tuple(p for start, p in starts if start == first), first


def leaver(
    kb: KnowledgeBase, person: Person, assignments: Iterable[Assignment], day: datetime.date
) -> Leaver:
    """Gather everything that *person* hands over for the posts of *assignments*."""
    posts = []
    for assignment in assignments:
        names, start = successors(kb, assignment)
        posts.append(PostHandover(assignment.role, assignment, names, start))
    roles = [post.role for post in posts]
    duties = duties_of(kb, roles)
    return Leaver(
        person=person,
        posts=tuple(posts),
        duties=tuple(duties),
        accounts=tuple(accounts_of(kb, roles)),
        open_issues=tuple(issues_of(duties)),
        schedule=tuple(schedule_of(duties, day)),
    )


def vacancies(kb: KnowledgeBase, day: datetime.date, end: datetime.date) -> list[Vacancy]:
    """Return every post that becomes vacant after someone leaves in day..end."""
    found: dict[str, Vacancy] = {}
    for person in kb.roster.people:
        for assignment in leaving_assignments(person, day, end):
            assert assignment.until is not None
            start = assignment.until + ONE_DAY
            if kb.roster.holders(assignment.role, start) or assignment.role in found:
                continue
            later = [
                a.start
                for p in kb.roster.people
                for a in p.assignments
                if a.role == assignment.role and a.start > start
            ]
            duties = tuple(duties_of(kb, [assignment.role]))
            found[assignment.role] = Vacancy(
                assignment.role, start, min(later, default=None), duties
            )
    return sorted(found.values(), key=lambda v: (v.start, v.role))


def plan(kb: KnowledgeBase, day: datetime.date, window: int | None = None) -> RotationPlan:
    """Plan the rotation: who leaves between *day* and *day* + window, and what falls vacant."""
    end = window_end(kb, day, window)
    leavers = []
    for person in kb.roster.people:
        assignments = leaving_assignments(person, day, end)
        if assignments:
            leavers.append(leaver(kb, person, assignments, day))
    leavers.sort(key=lambda item: (item.last_day or day, item.person.id))
    return RotationPlan(day, end, tuple(leavers), tuple(vacancies(kb, day, end)))


def handover_of(kb: KnowledgeBase, person: Person, day: datetime.date) -> Leaver:
    """Return what *person* hands over: every post they hold on *day*."""
    held = [a for a in person.assignments if a.holds_on(day)]
    return leaver(kb, person, held, day)
