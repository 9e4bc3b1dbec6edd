"""Rotation planning: who leaves in a window and everything their posts hand over.

A composition of facts/people (who leaves, who follows, what falls vacant) and facts/duties
(what a post does): the input of `hikitsugi rotation` and of the handover packs. Pure
functions of (knowledge base, day); nothing here reads the clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from hikitsugi.facts import people
from hikitsugi.facts.duties import (
    AccountMove,
    Duty,
    IssueToHand,
    accounts_of,
    duties_of,
    issues_of,
)
from hikitsugi.facts.people import ONE_DAY, Holding, window_end
from hikitsugi.facts.schedule import Occurrence, occurrences
from hikitsugi.model import KnowledgeBase, Person, Runbook, add_months

SCHEDULE_MONTHS = 12  # the next 12 months of scheduled work


@dataclass(frozen=True)
class PostHandover:
    """One post that a person hands over, with its successors where the roster names them."""

    role: str
    last_day: datetime.date | None  # the real last day: renewals followed
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
        days = [post.last_day for post in self.posts if post.last_day]
        return max(days) if days else None

    @property
    def has_anything(self) -> bool:
        return bool(self.duties or self.accounts or self.open_issues)


@dataclass(frozen=True)
class Vacancy:
    """A post held by nobody from `since` (None: never held) until `filled_on`, and its duties."""

    role: str
    since: datetime.date | None
    filled_on: datetime.date | None
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class RotationPlan:
    day: datetime.date
    window_end: datetime.date
    leavers: tuple[Leaver, ...]
    vacancies: tuple[Vacancy, ...]  # posts falling vacant after someone leaves in the window
    vacant: tuple[Vacancy, ...]  # posts nobody holds on the day itself


def schedule_of(
    duties: Iterable[Duty], day: datetime.date, months: int = SCHEDULE_MONTHS
) -> list[Occurrence]:
    """Return the duties' scheduled work from *day* for *months* months."""
    runbooks = [d.item for d in duties if isinstance(d.item, Runbook) and d.item.status == "active"]
    return occurrences(runbooks, day, add_months(day, months) - ONE_DAY)


def leaver(
    kb: KnowledgeBase, person: Person, holdings: Iterable[Holding], day: datetime.date
) -> Leaver:
    """Gather everything that *person* hands over for the posts of *holdings*."""
    posts = []
    for holding in holdings:
        names, start = people.successors(kb.roster, holding)
        posts.append(PostHandover(holding.role, holding.last_day, names, start))
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


def _with_duties(kb: KnowledgeBase, vacancy: people.Vacancy) -> Vacancy:
    duties = tuple(duties_of(kb, [vacancy.role]))
    return Vacancy(vacancy.role, vacancy.since, vacancy.filled_on, duties)


def plan(kb: KnowledgeBase, day: datetime.date, window: int | None = None) -> RotationPlan:
    """Plan the rotation: who leaves between *day* and *day* + window, and which posts are empty."""
    end = window_end(kb, day, window)
    leavers = [leaver(kb, p, held, day) for p, held in people.leavers(kb.roster, day, end)]
    leavers.sort(key=lambda item: (item.last_day or day, item.person.id))
    return RotationPlan(
        day,
        end,
        tuple(leavers),
        tuple(_with_duties(kb, v) for v in people.falling_vacant(kb.roster, day, end)),
        tuple(_with_duties(kb, v) for v in people.vacant_on(kb.roster, day)),
    )


def handover_of(kb: KnowledgeBase, person: Person, day: datetime.date) -> Leaver:
    """Return what *person* hands over: every post they hold on *day*."""
    return leaver(kb, person, people.held_by(person, day), day)
