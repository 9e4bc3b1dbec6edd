"""Who signs a handover and by when (format v1.1): 後任者 or 代理者, 立会人, 所属長, the deadline."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

from hikitsugi.facts import people
from hikitsugi.model import Assignment, Config, Duration, KnowledgeBase, Person, Role, Roster

D = datetime.date
LAST = D(2027, 3, 31)
CONFIG = Config("市", "ja", Duration(12, "month"), 30, 60, 4, 1 << 20, (), 7)
ROLES = {
    "kacho": Role("kacho", "課長"),
    "kakaricho": Role("kakaricho", "係長", reports_to="kacho"),
    "shuji": Role("shuji", "主事", reports_to="kakaricho"),
}


def person(pid: str, role: str, start: D, until: D | None = None) -> Person:
    return Person(pid, pid.upper(), (Assignment(role, start, until),))


BOSS = person("boss", "kacho", D(2025, 4, 1))
CHIEF = person("chief", "kakaricho", D(2023, 4, 1))
LEAVER = person("leaver", "shuji", D(2024, 4, 1), LAST)


def kb(*extra: Person, within: int = 7) -> KnowledgeBase:
    config = replace(CONFIG, handover_within_days=within)
    return KnowledgeBase(Path("."), config, Roster(ROLES, (BOSS, CHIEF, LEAVER, *extra)))


def signers_of(base: KnowledgeBase) -> people.Signers:
    (holding,) = people.held_by(LEAVER, LAST)
    return people.signers(base, holding)


def ids(signer: people.Signer) -> tuple[str | None, str | None]:
    return (signer.person.id if signer.person else None, signer.role)


def test_a_successor_starting_the_next_day_signs_as_incoming() -> None:
    found = signers_of(kb(person("new", "shuji", D(2027, 4, 1))))
    assert not found.deputy and [ids(s) for s in found.incoming] == [("new", "shuji")]
    assert ids(found.outgoing) == ("leaver", "shuji")
    assert ids(found.witness) == ("chief", "kakaricho")
    assert ids(found.head) == ("boss", "kacho")  # the topmost post by reports_to


def test_without_a_successor_the_holder_of_reports_to_is_the_deputy() -> None:
    found = signers_of(kb())
    assert found.deputy and [ids(s) for s in found.incoming] == [("chief", "kakaricho")]


def test_a_successor_after_the_deadline_does_not_count() -> None:
    late = person("late", "shuji", D(2027, 4, 9))  # 04-07 is the last day of 7
    assert signers_of(kb(late)).deputy
    assert not signers_of(kb(person("in-time", "shuji", D(2027, 4, 7)))).deputy


def test_someone_who_stays_in_a_shared_post_is_the_successor() -> None:
    found = signers_of(kb(person("stays", "shuji", D(2025, 4, 1))))
    assert [ids(s) for s in found.incoming] == [("stays", "shuji")]


def test_the_deadline_reads_from_the_appointment_day() -> None:
    deadline = people.deadline(kb(), LAST)
    assert (deadline.appointed_on, deadline.due) == (D(2027, 4, 1), D(2027, 4, 7))
    assert deadline.text("ja") == "発令日 2027-04-01 から 7 日以内 (2027-04-07 まで)"


def test_within_zero_days_means_by_the_last_day_itself() -> None:
    deadline = people.deadline(kb(within=0), LAST)
    assert deadline.due == LAST
    assert deadline.text("ja") == "最終日 2027-03-31 まで (発令日 2027-04-01 の前日)"


def test_chain_up_stops_at_the_top() -> None:
    assert people.chain_up(Roster(ROLES), "shuji") == ["kakaricho", "kacho"]
    assert people.chain_up(Roster(ROLES), "kacho") == []
