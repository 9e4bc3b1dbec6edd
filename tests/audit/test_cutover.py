"""cutover-unreviewed and cutover-soon (format v1.1) at their boundaries, on the sample city."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from conftest import REPO
from hikitsugi.audit import rules as audit
from hikitsugi.check.checker import check
from hikitsugi.facts import cutover
from hikitsugi.model import KnowledgeBase

ON = datetime.date(2027, 1, 4)  # runbooks/tools/gakudo-system.yml: cutover.on
ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    result = check(REPO, use_cache=False)
    assert result.ok
    return result.kb


def users(kb: KnowledgeBase) -> set[str]:
    """Active runbooks that use gakudo-system: read straight from the model."""
    return {
        r.id for r in kb.runbooks.values() if r.status == "active" and "gakudo-system" in r.uses
    }


def found(kb: KnowledgeBase, day: datetime.date) -> dict[str, set[str]]:
    report = audit.audit(kb, day)
    by_rule: dict[str, set[str]] = {"cutover-unreviewed": set(), "cutover-soon": set()}
    for finding in report.findings:
        if finding.rule in by_rule:
            by_rule[finding.rule].add(finding.id)
    return by_rule


def test_the_sample_tool_is_cut_over_on_the_first_working_day_of_2027(kb: KnowledgeBase) -> None:
    tool = kb.runbooks["gakudo-system"]
    assert tool.cutover is not None and tool.cutover.on == ON
    assert tool.cutover.to == "標準準拠システム(子ども・子育て支援)"
    assert len(users(kb)) >= 10


def test_the_cutover_day_itself_is_unreviewed_and_the_day_before_is_soon(kb: KnowledgeBase) -> None:
    assert found(kb, ON) == {"cutover-unreviewed": users(kb), "cutover-soon": set()}
    assert found(kb, ON - ONE_DAY) == {"cutover-unreviewed": set(), "cutover-soon": users(kb)}


def test_soon_starts_due_soon_days_before(kb: KnowledgeBase) -> None:
    window = datetime.timedelta(days=kb.config.due_soon_days)
    assert found(kb, ON - window)["cutover-soon"] == users(kb)
    assert found(kb, ON - window - ONE_DAY)["cutover-soon"] == set()
    wider = replace(kb, config=replace(kb.config, due_soon_days=60))
    assert found(wider, ON - window - ONE_DAY)["cutover-soon"] == users(kb)


def test_a_review_on_the_cutover_day_clears_it_and_the_day_before_does_not(
    kb: KnowledgeBase,
) -> None:
    target = kb.runbooks["shinsei-nyuryoku"]
    for reviewed, expected in ((ON, False), (ON - ONE_DAY, True), (None, True)):
        changed = replace(
            kb, runbooks={**kb.runbooks, target.id: replace(target, reviewed_on=reviewed)}
        )
        assert (target.id in found(changed, ON + ONE_DAY)["cutover-unreviewed"]) is expected


def test_severities_and_the_message(kb: KnowledgeBase) -> None:
    findings = [f for f in audit.audit(kb, ON).findings if f.rule.startswith("cutover")]
    assert {f.severity for f in findings} == {"error"}
    message = findings[0].message("ja")
    assert "学童クラブ管理システム" in message and "2027-01-04" in message
    soon = [f for f in audit.audit(kb, ON - ONE_DAY).findings if f.rule == "cutover-soon"]
    assert {f.severity for f in soon} == {"warning"}
    assert "あと 1 日" in soon[0].message("ja")


def test_the_tool_itself_and_retired_runbooks_get_no_finding(kb: KnowledgeBase) -> None:
    everyone = set().union(*found(kb, ON).values())
    assert "gakudo-system" not in everyone
    assert not any(kb.runbooks[i].status != "active" for i in everyone)


def test_page_states_of_the_facts(kb: KnowledgeBase) -> None:
    runbook = kb.runbooks["shinsei-nyuryoku"]
    states = {
        day: [n.state for n in cutover.notices(kb, runbook, day)]
        for day in (ON - datetime.timedelta(days=31), ON - ONE_DAY, ON)
    }
    assert states == {
        ON - datetime.timedelta(days=31): [cutover.AHEAD],
        ON - ONE_DAY: [cutover.SOON],
        ON: [cutover.PASSED_UNREVIEWED],
    }
