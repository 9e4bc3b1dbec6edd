"""The audit rules of format v1 on a fixture KB with one case per rule and every boundary."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import FIXTURES
from hikitsugi.audit import rules as audit
from hikitsugi.check.checker import check
from hikitsugi.facts import review
from hikitsugi.i18n import LANGUAGES
from hikitsugi.model import Assignment, Checklist, KnowledgeBase, Person, Roster, Runbook

KB_ROOT = FIXTURES / "audit" / "kb"
D = datetime.date(2026, 11, 27)
ONE_DAY = datetime.timedelta(days=1)

# What format v1's table says each fixture item must get on D (the fixture files say why).
EXPECTED = {
    "healthy": set(),
    "no-owner": {"no-owner"},
    "draft-no-owner": {"no-owner"},
    "draft-owned": set(),
    "retired-old": set(),
    "vacant": {"vacant-owner"},
    "never": {"never-reviewed"},
    "due-today": {"due-soon"},
    "stale-by-one": {"stale"},
    "month-end": {"stale"},
    "due-soon-edge": {"due-soon"},
    "not-due-yet": set(),
    "owner-leaving": {"owner-leaving"},
    "owner-stays": set(),
    "owner-last-day": {"owner-leaving"},
    "no-deputy": {"no-deputy"},
    "uses-retired": {"retired-in-use"},
    "local-intake": set(),
    "cl-healthy": set(),
    "cl-no-owner": {"no-owner", "never-reviewed"},
    "cl-stale": {"stale", "owner-leaving"},
    "cl-vacant": {"vacant-owner"},
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    result = check(KB_ROOT, use_cache=False)
    assert result.ok, [p.format("en") for p in result.problems]
    return result.kb


def rules_by_id(report: audit.AuditReport) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in report.findings:
        found.setdefault(finding.id, set()).add(finding.rule)
    return found


def test_every_fixture_item_gets_exactly_the_rules_of_the_table(kb: KnowledgeBase) -> None:
    assert set(EXPECTED) == set(kb.runbooks) | set(kb.checklists)
    found = rules_by_id(audit.audit(kb, D))
    assert {i: found.get(i, set()) for i in EXPECTED} == EXPECTED


def test_every_rule_has_a_case(kb: KnowledgeBase) -> None:
    # handover-overdue is about people, not items: tests/audit/test_handover_overdue.py;
    # missed-run and self-checked need run records: tests/audit/test_run_rules.py;
    # the cutover rules are tested at their boundaries in tests/audit/test_cutover.py
    others = {
        "handover-overdue",
        "missed-run",
        "self-checked",
        "cutover-unreviewed",
        "cutover-soon",
    }
    assert set().union(*EXPECTED.values()) | others == set(audit.RULES)


def test_severities_follow_the_table(kb: KnowledgeBase) -> None:
    errors = {"no-owner", "vacant-owner", "never-reviewed", "stale"}
    for finding in audit.audit(kb, D).findings:
        assert finding.severity == ("error" if finding.rule in errors else "warning")


def test_due_day_itself_is_not_stale_and_the_next_day_is(kb: KnowledgeBase) -> None:
    item = kb.runbooks["due-today"]
    assert review.due_on(kb, item) == D
    assert [f.rule for f in audit.stale(kb, D) if f.id == "due-today"] == []
    assert [f.rule for f in audit.due_soon(kb, D) if f.id == "due-today"] == ["due-soon"]
    next_day = D + datetime.timedelta(days=1)
    assert [f.params["days"] for f in audit.stale(kb, next_day) if f.id == "due-today"] == [1]
    assert [f.id for f in audit.due_soon(kb, next_day) if f.id == "due-today"] == []


def test_month_end_clamping(kb: KnowledgeBase) -> None:
    item = kb.runbooks["month-end"]  # reviewed 2025-08-31, every 6 months
    assert review.due_on(kb, item) == datetime.date(2026, 2, 28)
    on_due = {
        f.rule for f in audit.audit(kb, datetime.date(2026, 2, 28)).findings if f.id == "month-end"
    }
    after = {
        f.rule for f in audit.audit(kb, datetime.date(2026, 3, 1)).findings if f.id == "month-end"
    }
    assert "stale" not in on_due and "due-soon" in on_due
    assert "stale" in after


def test_due_soon_window_edge(kb: KnowledgeBase) -> None:
    soon = {f.id: f.params["days"] for f in audit.due_soon(kb, D)}
    assert soon["due-soon-edge"] == 30 == kb.config.due_soon_days
    assert "not-due-yet" not in soon


def test_until_at_window_counts_and_one_day_later_does_not(kb: KnowledgeBase) -> None:
    window = kb.config.handover_window_days
    leaving = {f.id: f for f in audit.owner_leaving(kb, D)}
    assert (
        leaving["owner-leaving"].params["until"]
        == (D + datetime.timedelta(days=window)).isoformat()
    )
    assert "owner-stays" not in leaving  # until = D + window + 1
    assert leaving["owner-last-day"].params["until"] == D.isoformat()


def test_role_shared_by_two_names_only_the_one_who_leaves(kb: KnowledgeBase) -> None:
    finding = next(f for f in audit.owner_leaving(kb, D) if f.id == "owner-leaving")
    assert finding.owner_people == ("佐藤 一郎", "鈴木 次郎")
    assert "佐藤 一郎" in finding.message("ja") and "鈴木 次郎" not in finding.message("ja")
    assert not [f for f in audit.vacant_owner(kb, D) if f.id == "owner-leaving"]


def test_vacant_between_two_holders(kb: KnowledgeBase) -> None:
    one_day = datetime.timedelta(days=1)
    assert {f.id for f in audit.vacant_owner(kb, D)} == {"vacant", "cl-vacant"}
    for day in (D - one_day, D + one_day):  # the predecessor's last day, the successor's first
        assert not {"vacant", "cl-vacant"} & {f.id for f in audit.vacant_owner(kb, day)}


def test_owner_whose_last_day_has_passed_leaves_the_post_vacant(kb: KnowledgeBase) -> None:
    after = D + datetime.timedelta(days=1)
    assert "owner-last-day" in {f.id for f in audit.vacant_owner(kb, after)}
    assert "owner-last-day" not in {f.id for f in audit.owner_leaving(kb, after)}


def test_retired_and_standards_are_never_audited(kb: KnowledgeBase) -> None:
    far = datetime.date(2040, 1, 1)
    ids = {f.id for f in audit.audit(kb, far).findings}
    assert "retired-old" not in ids and "std-intake" not in ids
    assert "std-intake" in kb.standards


def test_drafts_get_only_no_owner(kb: KnowledgeBase) -> None:
    far = datetime.date(2040, 1, 1)
    drafts = {f.rule for f in audit.audit(kb, far).findings if f.id.startswith("draft-")}
    assert drafts == {"no-owner"}


def test_checklists_get_every_rule_but_no_deputy_and_retired_in_use(kb: KnowledgeBase) -> None:
    def checklist_rules(day: datetime.date) -> set[str]:
        return {f.rule for f in audit.audit(kb, day).findings if f.id.startswith("cl-")}

    on_d = checklist_rules(D)
    assert on_d == {"no-owner", "never-reviewed", "stale", "owner-leaving", "vacant-owner"}
    assert "due-soon" in checklist_rules(datetime.date(2027, 5, 15))  # cl-healthy due 2027-06-01
    assert not {"no-deputy", "retired-in-use"} & checklist_rules(datetime.date(2040, 1, 1))


def test_extends_is_audited_after_the_merge(kb: KnowledgeBase) -> None:
    merged = kb.runbooks["local-intake"]
    assert merged.owner == "kakaricho" and merged.reviewed_on == datetime.date(2026, 6, 1)


def test_health_counts_active_runbooks_and_checklists_only(kb: KnowledgeBase) -> None:
    report = audit.audit(kb, D)
    audited = [r for r in kb.runbooks.values() if r.status == "active"] + list(
        kb.checklists.values()
    )
    failing = {f.id for f in report.findings if f.severity == "error"} - {"draft-no-owner"}
    assert report.audited == len(audited)
    assert report.healthy == len(audited) - len(failing)
    assert report.health == pytest.approx(report.healthy / report.audited)
    assert report.target == 0.8


def test_health_is_one_when_nothing_is_audited(kb: KnowledgeBase) -> None:
    empty = replace(kb, runbooks={}, checklists={})
    report = audit.audit(empty, D)
    assert (report.audited, report.findings, report.health) == (0, (), 1.0)


def test_messages_exist_in_both_languages_and_differ(kb: KnowledgeBase) -> None:
    for finding in audit.audit(kb, D).findings:
        texts = {lang: finding.message(lang) for lang in LANGUAGES}
        assert texts["ja"] != texts["en"] and "\n" not in texts["ja"]


def test_rules_are_pure_functions_of_kb_and_day(kb: KnowledgeBase) -> None:
    assert audit.audit(kb, D) == audit.audit(kb, D)
    assert audit.audit(kb, D) != audit.audit(kb, D + datetime.timedelta(days=1))


def test_findings_point_at_the_file_and_line_of_the_id(kb: KnowledgeBase) -> None:
    finding = next(f for f in audit.audit(kb, D).findings if f.id == "stale-by-one")
    assert (finding.file, finding.line) == ("runbooks/gakudo/stale-by-one.yml", 1)
    assert finding.due == datetime.date(2026, 11, 26)


def _tiny_kb(until: datetime.date | None, **changes: object) -> KnowledgeBase:
    """One runbook due on D, owned by a post whose only holder stays until *until*."""
    from hikitsugi.resolve.build import config_from

    person = Person("p", "P", (Assignment("r", datetime.date(2020, 4, 1), until),))
    runbook = Runbook(
        "a",
        "A",
        "tool",
        "s",
        "runbooks/a.yml",
        owner="r",
        deputies=("r",),
        reviewed_on=datetime.date(2025, 11, 27),
    )
    base = KnowledgeBase(
        root=Path("."),
        config=config_from({"organization": "x", "due_soon_days": 0, "handover_window_days": 0}),
        roster=Roster({}, (person,)),
        runbooks={"a": runbook},
    )
    return replace(base, **changes)


def test_zero_windows_still_flag_the_day_itself() -> None:
    assert [f.rule for f in audit.audit(_tiny_kb(until=D), D).findings] == [
        "due-soon",
        "owner-leaving",
    ]
    later = D + datetime.timedelta(days=1)
    assert [f.rule for f in audit.audit(_tiny_kb(until=later), D).findings] == ["due-soon"]
    checklist = Checklist(
        "c", "C", (), "checklists/c.yml", owner="r", reviewed_on=datetime.date(2025, 11, 27)
    )
    kb = _tiny_kb(None, checklists={"c": checklist})
    assert [(f.id, f.rule) for f in audit.audit(kb, D).findings] == [
        ("c", "due-soon"),
        ("a", "due-soon"),
    ]


def test_a_renewed_holder_is_not_leaving_format_v1_1() -> None:
    kb = _tiny_kb(until=D)
    renewed = Person(
        "p",
        "P",
        (Assignment("r", datetime.date(2020, 4, 1), D), Assignment("r", D + ONE_DAY, None)),
    )
    kb = replace(kb, roster=Roster({}, (renewed,)))
    assert [f.rule for f in audit.audit(kb, D).findings] == ["due-soon"]


def test_vacant_owner_says_since_when_the_post_is_vacant() -> None:
    kb = _tiny_kb(until=D - ONE_DAY)
    (finding,) = [f for f in audit.audit(kb, D).findings if f.rule == "vacant-owner"]
    assert finding.message("ja").startswith(f"所有ポスト「r」は {D} から空席です ({D} 現在)")
    never = replace(kb, roster=Roster({}, ()))
    (finding,) = [f for f in audit.audit(never, D).findings if f.rule == "vacant-owner"]
    assert finding.message("ja").startswith(f"所有ポスト「r」は {D} に誰も就いていません")


def test_falling_due_uses_its_own_window_and_keeps_only_due_rules(kb: KnowledgeBase) -> None:
    report = audit.falling_due(kb, D, 31)
    assert {f.rule for f in report.findings} == {"stale", "due-soon"}
    assert "not-due-yet" in {f.id for f in report.findings}
    assert "not-due-yet" not in {f.id for f in audit.falling_due(kb, D, 30).findings}


def test_for_owner_keeps_what_the_post_owns(kb: KnowledgeBase) -> None:
    report = audit.audit(audit.for_owner(kb, "shuji"), D)
    assert {f.id for f in report.findings} == {"owner-leaving", "cl-stale"}
    assert report.audited == 2
