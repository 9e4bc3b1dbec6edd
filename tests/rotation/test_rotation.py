"""Rotation planning on a small fixture roster: windows, successors, vacancies, duties."""

from __future__ import annotations

import datetime
import json

import pytest

from conftest import FIXTURES
from hikitsugi.check.checker import check
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
    assert [(v.role, v.start, v.filled_on) for v in vacancies] == [("shomu", D(2027, 4, 2), None)]
    assert [d.item.id for d in vacancies[0].duties] == ["gakudo-system"]


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


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_golden_output(cli, golden, fmt):
    code, out, err = cli(
        "rotation", "--root", str(KB_DIR), "--as-of", "2027-02-01", "--format", fmt
    )
    assert code == 0, err
    golden(f"rotation/rotation.{'txt' if fmt == 'text' else 'json'}", out)


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
