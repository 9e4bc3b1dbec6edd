"""missed-run and self-checked (format v1.1) at their boundaries, on tests/fixtures/runs/kb."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from conftest import FIXTURES
from hikitsugi.audit import rules as audit
from hikitsugi.check.checker import check
from hikitsugi.model import KnowledgeBase, Run

KB_ROOT = FIXTURES / "runs" / "kb"
day = datetime.date.fromisoformat


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    result = check(KB_ROOT, use_cache=False, today=day("2026-12-01"))
    assert result.ok, [p.format("en") for p in result.problems]
    return result.kb


def missed(kb: KnowledgeBase, on: str, item: str = "monthly") -> list[str]:
    """The first days of the occurrences of *item* missed on day *on*."""
    found = audit.missed_run(kb, day(on))
    return [f.params["when"] for f in found if f.id == item]


def with_runs(kb: KnowledgeBase, *runs: Run) -> KnowledgeBase:
    return replace(kb, runs=tuple(runs))


def run(checklist: str, on: str, by: str = "sato-hanako", checker: str | None = None) -> Run:
    return Run(checklist, day(on), by, f"records/runs/{checklist}-{on}.yml", checker)


def test_a_monthly_occurrence_is_missed_the_day_after_its_day_plus_grace(kb: KnowledgeBase) -> None:
    empty = with_runs(kb)
    assert "2026-06-10" not in missed(empty, "2026-06-17")  # 06-10 + 7 days: still waiting
    assert "2026-06-10" in missed(empty, "2026-06-18")


def test_a_run_on_the_last_day_of_grace_answers_and_one_before_the_first_day_does_not(
    kb: KnowledgeBase,
) -> None:
    assert "2026-06-10" not in missed(with_runs(kb, run("monthly", "2026-06-17")), "2026-12-01")
    assert "2026-06-10" in missed(with_runs(kb, run("monthly", "2026-06-18")), "2026-12-01")
    assert "2026-06-10" in missed(with_runs(kb, run("monthly", "2026-06-09")), "2026-12-01")


def test_a_span_waits_until_its_last_day_plus_grace(kb: KnowledgeBase) -> None:
    empty = with_runs(kb)
    assert missed(empty, "2026-12-07", "yearly") == ["2026-11-14"]  # the one-day entry
    assert missed(empty, "2026-12-08", "yearly") == ["2026-11-01〜2026-11-30", "2026-11-14"]
    late = with_runs(kb, run("yearly", "2026-12-07"))
    assert missed(late, "2027-01-01", "yearly") == ["2026-11-14"]


def test_nothing_is_expected_before_records_since_or_without_record(kb: KnowledgeBase) -> None:
    later = replace(kb.config, records_since=day("2026-04-11"))
    found = missed(replace(kb, config=later, runs=()), "2026-12-01")
    assert "2026-04-10" not in found
    assert "2026-05-10" in found
    none = replace(kb.config, records_since=None)
    assert audit.missed_run(replace(kb, config=none, runs=()), day("2026-12-01")) == []
    assert [f for f in audit.missed_run(kb, day("2026-12-01")) if f.id == "unrecorded"] == []


def test_the_fixture_misses_exactly_the_months_without_a_run(kb: KnowledgeBase) -> None:
    assert missed(kb, "2026-12-01") == [
        "2026-06-10",
        "2026-08-10",
        "2026-09-10",
        "2026-10-10",
        "2026-11-10",
    ]


def test_self_checked_needs_a_second_person_only_where_two_person(kb: KnowledgeBase) -> None:
    runs = (
        run("monthly", "2026-06-10", checker="yamada-taro"),
        run("monthly", "2026-07-10", checker="sato-hanako"),  # checked own work
        run("monthly", "2026-08-10"),  # no checker
        run("yearly", "2026-11-14"),  # not two_person: no finding
    )
    found = audit.self_checked(with_runs(kb, *runs), day("2026-12-01"))
    assert [(f.id, f.params["date"], f.file) for f in found] == [
        ("monthly", "2026-07-10", "records/runs/monthly-2026-07-10.yml"),
        ("monthly", "2026-08-10", "records/runs/monthly-2026-08-10.yml"),
    ]
    assert {f.severity for f in found} == {"warning"}


def test_both_rules_are_warnings_in_the_table() -> None:
    assert audit.RULES["missed-run"][0] == audit.RULES["self-checked"][0] == "warning"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_messages_say_what_to_do(kb: KnowledgeBase, lang: str) -> None:
    found = audit.audit(kb, day("2026-12-01")).findings
    texts = {
        f.rule: f.message(lang)
        for f in found
        if f.rule in ("missed-run", "self-checked") and f.id == "monthly"
    }
    assert "hikitsugi run monthly" in texts["missed-run"]
    assert "checked_by" in texts["self-checked"]
