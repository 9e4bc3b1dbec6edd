"""One definition of leaving: the audit, rotation, the site and the handover pack agree.

Over generated rosters (a few posts; people with one to three assignments, some renewed the
next day, some after a gap) and days, each output is compared with a brute-force reading of
format v1.1: a holder on D leaves a post when, on some day from D to the window's end, they
hold it and do not hold it the next day.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hikitsugi import vocabulary
from hikitsugi.audit.rules import owner_leaving
from hikitsugi.model import (
    Assignment,
    Checklist,
    KnowledgeBase,
    Person,
    Role,
    Roster,
    Runbook,
)
from hikitsugi.render.paths import print_path
from hikitsugi.render.print.documents import handover_pack_people
from hikitsugi.render.print.packs import handover_pack
from hikitsugi.render.site.context import SiteContext
from hikitsugi.resolve.build import config_from
from hikitsugi.rotation.plan import plan

BASE = datetime.date(2026, 4, 1)
ONE_DAY = datetime.timedelta(days=1)
ROLES = ("r0", "r1", "r2")
AUDITED = ("active",)  # the audit looks at active runbooks (and checklists)


def _runbook(
    rid: str, owner: str, deputies: tuple[str, ...] = (), status: str = "active"
) -> Runbook:
    source = f"runbooks/{rid}.yml"
    return Runbook(rid, rid, "process", "s", source, status=status, owner=owner, deputies=deputies)


RUNBOOKS = (
    _runbook("a0", "r0", ("r1",)),
    _runbook("a1", "r1", ("r2",)),
    _runbook("a2", "r2"),
    _runbook("b0", "r0", status="draft"),
    _runbook("c1", "r1", ("r0",), status="retired"),
)
CHECKLISTS = (Checklist("k2", "k2", (), "checklists/k2.yml", owner="r2"),)


@st.composite
def assignments(draw: st.DrawFn) -> tuple[Assignment, ...]:
    """One to three assignments, each renewing the last (next day), after a gap, or elsewhere."""
    found: list[Assignment] = []
    start = BASE + datetime.timedelta(days=draw(st.integers(0, 200)))
    role = draw(st.sampled_from(ROLES))
    for index in range(draw(st.integers(1, 3))):
        if index:
            previous = found[-1].until
            if previous is None:  # open-ended: nothing can follow it
                break
            how = draw(st.sampled_from(("renewal", "renewal", "gap", "move")))
            gap = draw(st.integers(2, 40)) if how == "gap" else 1
            start = previous + datetime.timedelta(days=gap)
            role = draw(st.sampled_from(ROLES)) if how == "move" else role
        length = draw(st.integers(-40, 200))  # one in six open-ended
        until = None if length < 0 else start + datetime.timedelta(days=length)
        found.append(Assignment(role, start, until))
    return tuple(found)


@st.composite
def cases(draw: st.DrawFn) -> tuple[KnowledgeBase, datetime.date]:
    """A knowledge base and a day: often a few days before someone's `until`, so ends are near."""
    count = draw(st.integers(1, 4))
    people = tuple(Person(f"p{i}", f"P{i}", draw(assignments())) for i in range(count))
    window = draw(st.integers(0, 90))
    kb = KnowledgeBase(
        root=Path("."),
        config=config_from({"organization": "x", "handover_window_days": window}),
        roster=Roster({r: Role(r, r.upper()) for r in ROLES}, people),
        runbooks={r.id: r for r in RUNBOOKS},
        checklists={c.id: c for c in CHECKLISTS},
    )
    ends = sorted({a.until for p in people for a in p.assignments if a.until is not None})
    near_an_end = draw(st.integers(0, 3)) > 0  # three times in four
    if ends and near_an_end:
        before = draw(st.integers(-2, window + 2))
        return kb, draw(st.sampled_from(ends)) - datetime.timedelta(days=before)
    return kb, BASE + datetime.timedelta(days=draw(st.integers(0, 500)))


def _holds(person: Person, role: str, day: datetime.date) -> bool:
    return any(a.role == role and a.holds_on(day) for a in person.assignments)


def expected_leaving(kb: KnowledgeBase, day: datetime.date) -> dict[tuple[str, str], datetime.date]:
    """(person, post) -> last day, by walking the days of the window one by one."""
    end = day + datetime.timedelta(days=kb.config.handover_window_days)
    found = {}
    for person in kb.roster.people:
        for role in ROLES:
            if not _holds(person, role, day):
                continue
            current = day
            while current <= end and _holds(person, role, current + ONE_DAY):
                current += ONE_DAY
            if current <= end:
                found[(person.id, role)] = current
    return found


def owned(roles: set[str], statuses: tuple[str, ...]) -> set[str]:
    runbooks = {r.id for r in RUNBOOKS if r.owner in roles and r.status in statuses}
    return runbooks | {c.id for c in CHECKLISTS if c.owner in roles}


@settings(max_examples=60, deadline=None, database=None)
@given(case=cases())
def test_every_output_agrees_with_one_definition_of_leaving(
    case: tuple[KnowledgeBase, datetime.date],
) -> None:
    kb, day = case
    expected = expected_leaving(kb, day)
    roles = {role for _, role in expected}

    # the audit warns exactly about what the leaving posts own
    assert {f.id for f in owner_leaving(kb, day)} == owned(roles, AUDITED)

    # rotation lists exactly those people and posts, with their real last days and duties
    result = plan(kb, day)
    listed = {(x.person.id, p.role): p.last_day for x in result.leavers for p in x.posts}
    assert listed == expected
    for leaver in result.leavers:
        mine = {role for person, role in expected if person == leaver.person.id}
        duties = {d.item.id for d in leaver.duties if d.relation == "owner"}
        assert duties == owned(mine, ("active", "draft"))

    # the site shows a banner per leaving holder, linked to the pack that the site builds
    packs = handover_pack_people(kb, day)
    assert {p.id for p in packs} == {person for person, _ in expected}
    printables = frozenset(print_path("handover", p.id) for p in packs)
    site = SiteContext(kb, day, "ja", printables=printables)
    banners = {
        (role, leaving.name, leaving.last_day, leaving.pack)
        for role, found in site.leaving.items()
        for leaving in found
    }
    names = {p.id: p.name for p in kb.roster.people}
    assert banners == {
        (role, names[person], last, print_path("handover", person))
        for (person, role), last in expected.items()
    }

    # each pack hands over at least what rotation says the person's leaving posts own
    owner = vocabulary.word("relation", "owner", "ja")
    for person in packs:
        pack = handover_pack(kb, person, day, "ja")
        in_pack = {row.id for row in pack.duties if row.relation == owner}
        mine = {role for pid, role in expected if pid == person.id}
        assert owned(mine, ("active", "draft")) <= in_pack
