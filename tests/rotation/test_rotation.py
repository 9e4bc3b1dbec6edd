"""Rotation planning on a small fixture roster: windows, successors, vacancies, duties."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest

from conftest import FIXTURES
from hikitsugi.check.checker import check
from hikitsugi.model import Assignment
from hikitsugi.rotation.plan import handover_of, plan

KB_DIR = FIXTURES / "print" / "kb"
D = datetime.date


@pytest.fixture(scope="module")
def kb():
    result = check(KB_DIR, use_cache=False)
    assert not result.problems
    return result.kb


def leaver_ids(kb, day, window=None):
    return [leaver.person.id for leaver in plan(kb, day, window).leavers]


def test_until_exactly_at_window_end_counts_and_the_next_day_does_not(kb):
    # kimura-yoko's until is 2027-04-01 = 2027-01-31 + 60 days
    assert "kimura-yoko" in leaver_ids(kb, D(2027, 1, 31))
    assert "kimura-yoko" not in leaver_ids(kb, D(2027, 1, 30))
    assert leaver_ids(kb, D(2027, 1, 30)) == ["sato-ichiro", "tanaka-hanako"]


def test_window_option_overrides_the_config(kb):
    assert leaver_ids(kb, D(2026, 11, 27)) == []
    assert leaver_ids(kb, D(2026, 11, 27), window=124) == ["sato-ichiro", "tanaka-hanako"]


def test_the_last_day_itself_is_in_and_the_day_after_is_out(kb):
    assert "sato-ichiro" in leaver_ids(kb, D(2027, 3, 31), window=0)
    assert "sato-ichiro" not in leaver_ids(kb, D(2027, 4, 1))


def test_successor_is_named_from_the_roster(kb):
    sato = plan(kb, D(2027, 2, 1)).leavers[0]
    assert sato.person.id == "sato-ichiro"
    (post,) = sato.posts
    assert [p.id for p in post.successors] == ["suzuki-jiro"]
    assert post.successor_from == D(2027, 4, 1)


def test_duties_are_exactly_what_the_posts_own_or_deputise(kb):
    sato = plan(kb, D(2027, 2, 1)).leavers[0]
    duties = {(d.item.id, d.relation) for d in sato.duties}
    # the retired runbook of the post is not handed over; owned duties come first
    assert duties == {
        ("gakudo-intake", "owner"),
        ("gakudo-opening-day", "owner"),
        ("gakudo-fee", "deputy"),
        ("gakudo-system", "deputy"),
    }
    assert [d.relation for d in sato.duties] == ["owner", "owner", "deputy", "deputy"]


def test_accounts_follow_the_holder_post(kb):
    leavers = {l.person.id: l for l in plan(kb, D(2027, 2, 1)).leavers}
    assert [(m.account.system, m.account.permission) for m in leavers["sato-ichiro"].accounts] == [
        ("学童システム", "承認者")
    ]
    assert [m.account.system for m in leavers["tanaka-hanako"].accounts] == ["住民基本台帳システム"]
    assert [m.account.permission for m in leavers["kimura-yoko"].accounts] == ["システム管理者"]


def test_open_issues_and_schedule_come_from_the_duties(kb):
    sato = plan(kb, D(2027, 2, 1)).leavers[0]
    assert [i.issue.since for i in sato.open_issues] == [D(2026, 9, 1)]
    labels = [(o.start, o.label) for o in sato.schedule if not o.monthly]
    assert labels == [
        (D(2027, 1, 10), "入会申請の受付期間"),  # under way on the day
        (D(2027, 3, 15), "入会決定通知の発送"),
        (D(2028, 1, 10), "入会申請の受付期間"),
    ]
    monthly = [o.start for o in sato.schedule if o.monthly]
    assert monthly[0] == D(2027, 2, 10) and monthly[-1] == D(2028, 1, 10) and len(monthly) == 12


def test_a_role_held_by_two_people_does_not_fall_vacant(kb):
    vacancies = plan(kb, D(2027, 2, 1)).vacancies
    assert [(v.role, v.since, v.filled_on) for v in vacancies] == [("shomu", D(2027, 4, 2), None)]
    assert [d.item.id for d in vacancies[0].duties] == ["gakudo-system"]


def test_a_post_already_vacant_is_listed_with_since_when_and_its_duties(kb):
    result = plan(kb, D(2027, 4, 3))
    assert result.vacancies == ()
    assert [(v.role, v.since, v.filled_on) for v in result.vacant] == [
        ("shomu", D(2027, 4, 2), None)
    ]
    assert [(d.item.id, d.relation) for d in result.vacant[0].duties] == [
        ("gakudo-system", "owner")
    ]
    assert plan(kb, D(2027, 2, 1)).vacant == ()


def test_a_renewed_post_is_not_handed_over_and_a_chain_ends_on_its_last_until(kb):
    sato = kb.roster.person("sato-ichiro")
    renewed = replace(
        sato, assignments=(*sato.assignments, Assignment("gakudo-kakaricho", D(2027, 4, 1), None))
    )
    people = tuple(renewed if p.id == sato.id else p for p in kb.roster.people)
    renewed_kb = replace(kb, roster=replace(kb.roster, people=people))
    assert "sato-ichiro" not in [x.person.id for x in plan(renewed_kb, D(2027, 2, 1)).leavers]
    (post,) = handover_of(renewed_kb, renewed, D(2027, 2, 1)).posts
    assert post.last_day is None
    chained = replace(
        sato,
        assignments=(
            *sato.assignments,
            Assignment("gakudo-kakaricho", D(2027, 4, 1), D(2027, 9, 30)),
        ),
    )
    people = tuple(chained if p.id == sato.id else p for p in kb.roster.people)
    chained_kb = replace(kb, roster=replace(kb.roster, people=people))
    (post,) = handover_of(chained_kb, chained, D(2027, 2, 1)).posts
    assert post.last_day == D(2027, 9, 30)
    (leaver,) = [x for x in plan(chained_kb, D(2027, 8, 1)).leavers if x.person.id == sato.id]
    assert leaver.last_day == D(2027, 9, 30)


def test_handover_of_someone_with_no_duties_is_empty(kb):
    nakamura = kb.roster.person("nakamura-ken")
    assert not handover_of(kb, nakamura, D(2027, 2, 1)).has_anything
    sato = kb.roster.person("sato-ichiro")
    assert not handover_of(kb, sato, D(2027, 4, 1)).posts  # already gone on that day


def test_cli_text_and_json(cli):
    code, out, err = cli("rotation", "--root", str(KB_DIR), "--as-of", "2027-02-01")
    assert code == 0, err
    assert "■ 佐藤 一郎 (sato-ichiro)  最終日 2027-03-31" in out
    assert "後任: 鈴木 次郎 (2027-04-01 から)" in out
    assert "庶務担当 (shomu): 2027-04-02 から空席 (後任未定)" in out
    code, out, _ = cli(
        "rotation",
        "--root",
        str(KB_DIR),
        "--as-of",
        "2027-02-01",
        "--format",
        "json",
        "--window",
        "10",
    )
    data = json.loads(out)
    assert data["window_end"] == "2027-02-11" and data["leavers"] == [] and data["vacancies"] == []


def test_cli_rejects_a_negative_window(cli):
    code, _, err = cli("rotation", "--root", str(KB_DIR), "--window", "-1")
    assert code == 2 and "--window" in err


@pytest.mark.parametrize(
    ("day", "fmt", "name"),
    [
        ("2027-02-01", "text", "rotation.txt"),
        ("2027-02-01", "json", "rotation.json"),
        # shomu's last holder left on 2027-04-01: the post is already vacant, with its duties
        ("2027-04-03", "text", "rotation-vacant.txt"),
        ("2027-04-03", "json", "rotation-vacant.json"),
    ],
)
def test_golden_output(cli, golden, day, fmt, name):
    code, out, err = cli("rotation", "--root", str(KB_DIR), "--as-of", day, "--format", fmt)
    assert code == 0, err
    golden(f"rotation/{name}", out)


def test_a_person_with_two_posts_owns_what_either_post_owns(kb):
    from dataclasses import replace

    from hikitsugi.model import Assignment, Person

    both = Person(
        "kato-mai",
        "加藤 舞",
        (
            Assignment("gakudo-kakaricho", D(2026, 4, 1), D(2027, 3, 31)),
            Assignment("gakudo-tanto", D(2026, 4, 1), D(2027, 3, 31)),
        ),
    )
    roster = replace(kb.roster, people=(*kb.roster.people, both))
    leaver = handover_of(replace(kb, roster=roster), both, D(2027, 2, 1))
    assert {(d.item.id, d.relation, d.role) for d in leaver.duties} == {
        ("gakudo-intake", "owner", "gakudo-kakaricho"),
        ("gakudo-opening-day", "owner", "gakudo-kakaricho"),
        ("gakudo-fee", "owner", "gakudo-tanto"),  # deputy through one post, owner through the other
        ("gakudo-system", "deputy", "gakudo-kakaricho"),
    }
    assert [m.account.system for m in leaver.accounts] == ["学童システム", "住民基本台帳システム"]
