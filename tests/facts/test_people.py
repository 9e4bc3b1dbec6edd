"""Holders, leavers, successors and vacancies on fixed dates: renewals, shared posts, windows."""

from __future__ import annotations

import datetime

from hikitsugi.facts import people
from hikitsugi.model import Assignment, Person, Role, Roster

D = datetime.date
DAY = D(2027, 2, 1)
END = D(2027, 4, 2)  # DAY + 60 days


def roster(*persons: Person, roles: tuple[str, ...] = ("r", "s")) -> Roster:
    return Roster({r: Role(r, r.upper()) for r in roles}, persons)


def person(pid: str, *spans: tuple[str, D, D | None]) -> Person:
    return Person(pid, pid.upper(), tuple(Assignment(role, s, u) for role, s, u in spans))


def leaving_ids(r: Roster, day: D = DAY, end: D = END) -> list[tuple[str, str, D | None]]:
    return [(h.person.id, h.role, h.last_day) for h in people.leaving(r, day, end)]


def test_a_renewal_from_the_next_day_is_not_leaving() -> None:
    renewed = person("a", ("r", D(2024, 4, 1), D(2027, 3, 31)), ("r", D(2027, 4, 1), None))
    r = roster(renewed)
    assert leaving_ids(r) == []
    (holding,) = people.holdings(r, DAY)
    assert holding.assignment.until == D(2027, 3, 31) and holding.last_day is None
    assert people.falling_vacant(r, DAY, END) == []


def test_a_chain_of_renewals_ends_on_its_last_until() -> None:
    chained = person(
        "a",
        ("r", D(2025, 4, 1), D(2026, 3, 31)),
        ("r", D(2026, 4, 1), D(2027, 3, 31)),
        ("r", D(2027, 4, 1), D(2027, 6, 30)),
    )
    r = roster(chained)
    assert people.real_end(chained, chained.assignments[0]) == D(2027, 6, 30)
    assert leaving_ids(r, D(2026, 3, 1), D(2026, 4, 30)) == []
    assert leaving_ids(r) == []
    assert leaving_ids(r, D(2027, 5, 15), D(2027, 7, 14)) == [("a", "r", D(2027, 6, 30))]


def test_an_overlapping_assignment_to_the_same_post_carries_it_on() -> None:
    overlapping = person("a", ("r", D(2024, 4, 1), D(2027, 3, 31)), ("r", D(2026, 4, 1), None))
    r = roster(overlapping)
    assert leaving_ids(r) == []
    assert people.holders(r, "r", DAY) == [overlapping]  # one person, once


def test_a_new_assignment_after_a_gap_is_not_a_renewal() -> None:
    back = person("a", ("r", D(2024, 4, 1), D(2027, 3, 31)), ("r", D(2027, 4, 2), None))
    r = roster(back)
    assert leaving_ids(r) == [("a", "r", D(2027, 3, 31))]
    holding = people.leaving(r, DAY, END)[0]
    assert people.successors(r, holding) == ((back,), D(2027, 4, 2))
    vacancy = people.Vacancy("r", D(2027, 4, 1), D(2027, 4, 2))
    assert people.falling_vacant(r, DAY, END) == [vacancy]


def test_another_post_the_next_day_is_still_leaving_the_first() -> None:
    moved = person("a", ("r", D(2024, 4, 1), D(2027, 3, 31)), ("s", D(2027, 4, 1), None))
    assert leaving_ids(roster(moved)) == [("a", "r", D(2027, 3, 31))]


def test_a_shared_post_where_one_of_two_leaves_does_not_fall_vacant() -> None:
    going = person("a", ("r", D(2024, 4, 1), D(2027, 3, 31)))
    staying = person("b", ("r", D(2025, 4, 1), None))
    r = roster(going, staying)
    assert leaving_ids(r) == [("a", "r", D(2027, 3, 31))]
    assert people.falling_vacant(r, DAY, END) == []
    assert people.names_by_post(r, DAY) == {"r": ("A", "B")}
    # when the other holder also leaves in the window, the post falls vacant after the later one
    later = person("b", ("r", D(2025, 4, 1), D(2027, 4, 1)))
    r = roster(going, later)
    assert [h.person.id for h in people.leaving(r, DAY, END)] == ["a", "b"]
    assert people.falling_vacant(r, DAY, END) == [people.Vacancy("r", D(2027, 4, 2), None)]


def test_successors_are_the_first_named_after_the_real_last_day() -> None:
    renewed = person(
        "a", ("r", D(2024, 4, 1), D(2027, 3, 31)), ("r", D(2027, 4, 1), D(2027, 9, 30))
    )
    alongside = person("e", ("r", D(2027, 4, 1), None))  # starts before the real last day
    first = person("b", ("r", D(2027, 10, 1), None))
    also = person("c", ("r", D(2027, 10, 1), D(2028, 3, 31)))
    later = person("d", ("r", D(2028, 4, 1), None))
    r = roster(renewed, alongside, first, also, later)
    (holding,) = people.holdings(r, DAY, "r")
    assert holding.last_day == D(2027, 9, 30)
    assert people.successors(r, holding) == ((first, also), D(2027, 10, 1))
    open_ended = people.Holding(first, "r", first.assignments[0], None)
    assert people.successors(r, open_ended) == ((), None)


def test_a_post_vacant_before_the_day_says_since_when_and_until_when() -> None:
    left = person("a", ("r", D(2020, 4, 1), D(2026, 9, 30)), ("s", D(2026, 10, 1), None))
    coming = person("b", ("r", D(2027, 4, 1), None))
    r = roster(left, coming)
    assert people.vacancy_on(r, "r", DAY) == people.Vacancy("r", D(2026, 10, 1), D(2027, 4, 1))
    assert people.vacant_on(r, DAY) == [people.Vacancy("r", D(2026, 10, 1), D(2027, 4, 1))]
    assert people.vacancy_on(r, "s", DAY) is None
    assert people.vacancy_on(r, "r", D(2027, 4, 1)) is None


def test_a_post_never_held_is_vacant_since_no_day() -> None:
    r = roster(person("a", ("s", D(2020, 4, 1), None)), roles=("r", "s", "t"))
    assert people.vacant_on(r, DAY) == [
        people.Vacancy("r", None, None),
        people.Vacancy("t", None, None),
    ]
    r = roster(person("a", ("r", D(2027, 5, 1), None)), roles=("r",))
    assert people.vacant_on(r, DAY) == [people.Vacancy("r", None, D(2027, 5, 1))]


def test_the_last_day_on_the_window_end_counts_and_the_day_after_does_not() -> None:
    on_end = roster(person("a", ("r", D(2020, 4, 1), END)))
    assert leaving_ids(on_end) == [("a", "r", END)]
    after = roster(person("a", ("r", D(2020, 4, 1), END + datetime.timedelta(days=1))))
    assert leaving_ids(after) == []


def test_the_last_day_on_the_day_itself_counts_and_the_day_before_does_not() -> None:
    today = roster(person("a", ("r", D(2020, 4, 1), DAY)))
    assert leaving_ids(today, DAY, DAY) == [("a", "r", DAY)]
    yesterday = roster(person("a", ("r", D(2020, 4, 1), DAY - datetime.timedelta(days=1))))
    assert leaving_ids(yesterday) == []
    assert people.vacancy_on(yesterday, "r", DAY) == people.Vacancy("r", DAY, None)


def test_someone_who_starts_after_the_day_is_not_a_leaver_yet() -> None:
    short = roster(person("a", ("r", D(2027, 2, 10), D(2027, 2, 20))))
    assert leaving_ids(short) == []
    assert leaving_ids(short, D(2027, 2, 10), D(2027, 2, 28)) == [("a", "r", D(2027, 2, 20))]


def test_leavers_group_holdings_by_person_in_roster_order() -> None:
    a = person("a", ("r", D(2020, 4, 1), D(2027, 3, 31)), ("s", D(2020, 4, 1), D(2027, 3, 1)))
    b = person("b", ("s", D(2020, 4, 1), D(2027, 2, 15)))
    found = people.leavers(roster(b, a), DAY, END)
    assert [(p.id, [h.role for h in held]) for p, held in found] == [
        ("b", ["s"]),
        ("a", ["s", "r"]),
    ]
    by_post = people.leaving_by_post(roster(b, a), DAY, END)
    assert {role: [h.person.id for h in held] for role, held in by_post.items()} == {
        "s": ["b", "a"],
        "r": ["a"],
    }
