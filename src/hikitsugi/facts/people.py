"""Who holds a post, who leaves it, who follows, and what falls vacant: decided once.

Pure functions of (roster, day[, window end]). A person holds a post on D when one of their
assignments to it has `from <= D <= until` (format v1). A holding really ends on the last day
of an unbroken run of such days: an assignment to the same post in force on the day after
`until` (a renewal, and renewals of renewals) carries it on, so a renewed holder is not leaving
(format v1.1's refinement of owner-leaving). The audit, rotation, the site and the handover
packs all ask these functions; none of them re-derives the answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from hikitsugi.i18n import register, t
from hikitsugi.model import Assignment, KnowledgeBase, Person, Roster

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Holding:
    """A person holding a post on a day, and the real last day of that holding (None: open)."""

    person: Person
    role: str
    assignment: Assignment  # the assignment in force on the day asked about
    last_day: datetime.date | None


@dataclass(frozen=True)
class Vacancy:
    """A post held by nobody from `since` (None: never held) until `filled_on`, when named."""

    role: str
    since: datetime.date | None
    filled_on: datetime.date | None


def window_end(kb: KnowledgeBase, day: datetime.date, window: int | None = None) -> datetime.date:
    """Return the last day of the handover window (D + handover_window_days by default)."""
    days = kb.config.handover_window_days if window is None else window
    return day + datetime.timedelta(days=days)


def real_end(person: Person, assignment: Assignment) -> datetime.date | None:
    """Return the last day *person* holds the assignment's post without a break (renewals followed)."""
    end = assignment.until
    while end is not None:
        following = [
            a.until
            for a in person.assignments
            if a.role == assignment.role and a.holds_on(end + ONE_DAY)
        ]
        if not following:
            return end
        end = None if None in following else max(u for u in following if u is not None)
    return None


def held_by(person: Person, day: datetime.date, role: str | None = None) -> list[Holding]:
    """Return the posts (or *role*) that *person* holds on *day*, one Holding per post."""
    found: dict[str, Holding] = {}
    for assignment in person.assignments:
        wanted = role is None or assignment.role == role
        if wanted and assignment.role not in found and assignment.holds_on(day):
            last = real_end(person, assignment)
            found[assignment.role] = Holding(person, assignment.role, assignment, last)
    return list(found.values())


def holdings(roster: Roster, day: datetime.date, role: str | None = None) -> list[Holding]:
    """Return who holds each post (or *role*) on *day*, one Holding per person and post, roster order."""
    return [holding for person in roster.people for holding in held_by(person, day, role)]


def holders(roster: Roster, role: str, day: datetime.date) -> list[Person]:
    """Return the people holding *role* on *day* (several may share a post), roster order."""
    return [holding.person for holding in holdings(roster, day, role)]


def holdings_by_post(roster: Roster, day: datetime.date) -> dict[str, list[Holding]]:
    """Map each post held on *day* to its holdings, roster order; a vacant post is absent."""
    found: dict[str, list[Holding]] = {}
    for holding in holdings(roster, day):
        found.setdefault(holding.role, []).append(holding)
    return found


def names_by_post(roster: Roster, day: datetime.date) -> dict[str, tuple[str, ...]]:
    """Map each post held on *day* to the names of its holders, each name once."""
    return {
        role: tuple(dict.fromkeys(h.person.name for h in held))
        for role, held in holdings_by_post(roster, day).items()
    }


def is_leaving(holding: Holding, day: datetime.date, end: datetime.date) -> bool:
    """Say whether the holding really ends within day..end (both days included)."""
    return holding.last_day is not None and day <= holding.last_day <= end


def leaving(roster: Roster, day: datetime.date, end: datetime.date) -> list[Holding]:
    """Return the holdings on *day* that really end within day..end, by last day then roster order."""
    going = [h for h in holdings(roster, day) if is_leaving(h, day, end)]
    return sorted(going, key=lambda h: h.last_day or day)  # stable: roster order among equals


def leaving_by_post(
    roster: Roster, day: datetime.date, end: datetime.date
) -> dict[str, list[Holding]]:
    """Map each post to its holders who leave it within day..end, earliest last day first."""
    found: dict[str, list[Holding]] = {}
    for holding in leaving(roster, day, end):
        found.setdefault(holding.role, []).append(holding)
    return found


def leavers(
    roster: Roster, day: datetime.date, end: datetime.date
) -> list[tuple[Person, list[Holding]]]:
    """Return each person who leaves a post within day..end with those holdings, roster order."""
    going = leaving(roster, day, end)
    return [
        (person, found)
        for person in roster.people
        if (found := [h for h in going if h.person.id == person.id])
    ]


def _starts(roster: Roster, role: str) -> Iterable[tuple[datetime.date, Person]]:
    return (
        (a.start, person) for person in roster.people for a in person.assignments if a.role == role
    )


def successors(roster: Roster, holding: Holding) -> tuple[tuple[Person, ...], datetime.date | None]:
    """Return who the roster names to take the post next after the holding's last day, and from when."""
    if holding.last_day is None:
        return (), None
    later = [(start, p) for start, p in _starts(roster, holding.role) if start > holding.last_day]
    if not later:
        return (), None
    first = min(start for start, _ in later)
    return tuple(p for start, p in later if start == first), first


def _filled_on(roster: Roster, role: str, vacant: datetime.date) -> datetime.date | None:
    """The first day someone starts in *role* on or after *vacant* (a day nobody holds it)."""
    return min((start for start, _ in _starts(roster, role) if start >= vacant), default=None)


def vacancy_on(roster: Roster, role: str, day: datetime.date) -> Vacancy | None:
    """Return the vacancy of *role* on *day* (since the day after its last holding), or None when held."""
    if holdings(roster, day, role):
        return None
    ended = [
        a.until
        for person in roster.people
        for a in person.assignments
        if a.role == role and a.until is not None and a.until < day
    ]
    since = max(ended) + ONE_DAY if ended else None
    return Vacancy(role, since, _filled_on(roster, role, day))


def vacant_on(roster: Roster, day: datetime.date) -> list[Vacancy]:
    """Return the posts of the roster that nobody holds on *day*, roster order."""
    return [v for role in roster.roles if (v := vacancy_on(roster, role, day)) is not None]


def falling_vacant(roster: Roster, day: datetime.date, end: datetime.date) -> list[Vacancy]:
    """Return the posts that nobody holds the day after someone leaves them within day..end."""
    found: dict[str, Vacancy] = {}
    for holding in leaving(roster, day, end):
        assert holding.last_day is not None  # leaving() only returns holdings that end
        since = holding.last_day + ONE_DAY
        if holding.role in found or holdings(roster, since, holding.role):
            continue
        found[holding.role] = Vacancy(holding.role, since, _filled_on(roster, holding.role, since))
    return sorted(found.values(), key=lambda v: (v.since or day, v.role))


# --- format v1.1: who signs a handover, and by when it must be done ---------------------------

register(
    {
        "deadline.within": (
            "発令日 {appointed} から {days} 日以内 ({due} まで)",
            "within {days} days of the appointment on {appointed} (by {due})",
        ),
        "deadline.last-day": (
            "最終日 {due} まで (発令日 {appointed} の前日)",
            "by the last day, {due} (the day before the appointment on {appointed})",
        ),
    }
)


@dataclass(frozen=True)
class Signer:
    """A person who signs a handover, and the post they sign as (both None: a blank line)."""

    person: Person | None
    role: str | None


@dataclass(frozen=True)
class Signers:
    """前任者, 後任者 (or 代理者 when there is no successor), 立会人 and 所属長 of one post."""

    outgoing: Signer
    incoming: tuple[Signer, ...]
    deputy: bool  # True: `incoming` is the 代理者 (no successor within the deadline)
    witness: Signer
    head: Signer


@dataclass(frozen=True)
class Deadline:
    """The handover deadline: the 発令日 (the day after the last day) plus N days, minus one."""

    last_day: datetime.date
    within_days: int

    @property
    def appointed_on(self) -> datetime.date:
        return self.last_day + ONE_DAY

    @property
    def due(self) -> datetime.date:
        return self.last_day + datetime.timedelta(days=self.within_days)

    def text(self, lang: str) -> str:
        """「発令日 2027-04-01 から 7 日以内 (2027-04-07 まで)」, or 「最終日 … まで」 when N is 0."""
        key = "deadline.last-day" if self.within_days == 0 else "deadline.within"
        return t(key, lang, appointed=self.appointed_on, days=self.within_days, due=self.due)


def deadline(kb: KnowledgeBase, last_day: datetime.date) -> Deadline:
    """Return the deadline of a handover whose leaver's last day is *last_day*."""
    return Deadline(last_day, kb.config.handover_within_days)


def chain_up(roster: Roster, role: str) -> list[str]:
    """Return the posts above *role* by reports_to, nearest first (stops at a cycle)."""
    found: list[str] = []
    current = roster.roles.get(role)
    while current is not None and current.reports_to and current.reports_to not in found:
        if current.reports_to == role:
            break
        found.append(current.reports_to)
        current = roster.roles.get(current.reports_to)
    return found


def _holder(roster: Roster, role: str | None, day: datetime.date) -> Signer:
    held = holders(roster, role, day) if role else []
    return Signer(held[0], role) if held else Signer(None, role)


def handover_successors(roster: Roster, holding: Holding, within_days: int) -> tuple[Person, ...]:
    """Return who takes over: starts in the post within N days after the last day, or stays on in it."""
    last = holding.last_day
    if last is None:
        return ()
    latest = last + datetime.timedelta(days=within_days)
    starting = [p for start, p in _starts(roster, holding.role) if last < start <= latest]
    staying = [
        h.person
        for h in holdings(roster, last, holding.role)
        if h.person.id != holding.person.id and (h.last_day is None or h.last_day > last)
    ]
    found = {p.id: p for p in [*staying, *starting] if p.id != holding.person.id}
    return tuple(found.values())


def signers(kb: KnowledgeBase, holding: Holding) -> Signers:
    """Return who signs the handover of *holding* (format v1.1), each with the post they sign as."""
    roster = kb.roster
    last = holding.last_day or holding.assignment.start
    above = chain_up(roster, holding.role)
    boss = above[0] if above else None
    following = handover_successors(roster, holding, kb.config.handover_within_days)
    incoming = tuple(Signer(p, holding.role) for p in following)
    if not incoming:
        incoming = (_holder(roster, boss, last + ONE_DAY),) if boss else (Signer(None, None),)
    return Signers(
        outgoing=Signer(holding.person, holding.role),
        incoming=incoming,
        deputy=not following,
        witness=_holder(roster, boss, last) if boss else Signer(None, None),
        head=_holder(roster, above[-1], last) if above else Signer(None, None),
    )


def predecessor(
    roster: Roster, role: str, day: datetime.date, since: datetime.date
) -> tuple[Person, datetime.date] | None:
    """The person who last left *role* between *since* and *day* (their real last day), or None.

    The newcomer's predecessor, whose handover pack they read; someone leaving after *day* is
    `leaving`, not a predecessor.
    """
    ended = [
        (end, person)
        for person in roster.people
        for a in person.assignments
        if a.role == role
        and (end := real_end(person, a)) is not None
        and since <= end < day
        and not a.holds_on(day)
    ]
    if not ended:
        return None
    end, person = max(ended, key=lambda pair: pair[0])
    return person, end


def left_between(
    roster: Roster, first: datetime.date, last: datetime.date
) -> list[tuple[Person, datetime.date]]:
    """Return each person whose holding of a post really ended within first..last, with that day."""
    found: list[tuple[Person, datetime.date]] = []
    for person in roster.people:
        ends = {real_end(person, a) for a in person.assignments}
        days = sorted(d for d in ends if d is not None and first <= d <= last)
        if days:
            found.append((person, days[-1]))
    return found
