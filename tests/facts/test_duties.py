"""The duties of a post: owned or deputised, owner outranks deputy, retired excluded, stable order."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from hikitsugi.facts.duties import (
    ACTIVE,
    EVERY,
    Duty,
    accounts_of,
    duties_of,
    issues_of,
    runbooks_of,
)
from hikitsugi.model import (
    Account,
    Checklist,
    KnowledgeBase,
    OpenIssue,
    Roster,
    Runbook,
)
from hikitsugi.resolve.build import config_from

D = datetime.date


def runbook(rid: str, owner: str | None, *deputies: str, **fields: Any) -> Runbook:
    source = f"runbooks/{rid}.yml"
    return Runbook(
        rid, rid.upper(), "process", "s", source, owner=owner, deputies=deputies, **fields
    )


def kb() -> KnowledgeBase:
    runbooks = [
        runbook("b-owned", "r", "s"),
        runbook("a-deputy", "s", "r"),
        runbook("c-draft", "r", status="draft"),
        runbook("d-retired", "r", status="retired"),
        runbook("e-other", "t", "s"),
        runbook(
            "f-accounts",
            "t",
            accounts=(Account("台帳", "r", "管理者"), Account("台帳", "s", "参照")),
            open_issues=(OpenIssue(D(2026, 9, 1), "新"), OpenIssue(D(2026, 1, 1), "旧")),
        ),
        runbook("g-same-account", "t", accounts=(Account("台帳", "r", "管理者"),)),
        runbook("h-retired-account", "t", status="retired", accounts=(Account("旧", "r", None),)),
    ]
    checklists = {"cl": Checklist("cl", "CL", (), "checklists/cl.yml", owner="r")}
    return KnowledgeBase(
        root=Path("."),
        config=config_from({"organization": "x"}),
        roster=Roster(),
        runbooks={r.id: r for r in runbooks},
        checklists=checklists,
    )


def relations(duties: list[Duty]) -> list[tuple[str, str, str]]:
    return [(d.item.id, d.role, d.relation) for d in duties]


def test_owned_first_then_deputised_by_id_retired_left_out() -> None:
    assert relations(duties_of(kb(), ["r"])) == [
        ("b-owned", "r", "owner"),
        ("c-draft", "r", "owner"),
        ("cl", "r", "owner"),
        ("a-deputy", "r", "deputy"),
    ]


def test_owning_through_one_post_outranks_deputising_through_another() -> None:
    found = relations(duties_of(kb(), ["s", "r"]))
    assert ("b-owned", "r", "owner") in found and ("a-deputy", "s", "owner") in found
    assert [item for item, _, _ in found].count("b-owned") == 1
    assert ("e-other", "s", "deputy") in found


def test_statuses_and_checklists_narrow_the_duties() -> None:
    assert [r.id for r in runbooks_of(kb(), "r")] == ["b-owned", "a-deputy"]
    every = duties_of(kb(), ["r"], statuses=EVERY, checklists=False)
    assert [d.item.id for d in every] == ["b-owned", "c-draft", "d-retired", "a-deputy"]
    assert [d.item.id for d in duties_of(kb(), ["r"], statuses=ACTIVE)] == [
        "b-owned",
        "cl",
        "a-deputy",
    ]
    assert duties_of(kb(), []) == []


def test_accounts_are_those_the_posts_hold_each_once_in_live_runbooks() -> None:
    moves = accounts_of(kb(), ["r"])
    assert [(m.runbook.id, m.account.system, m.account.permission) for m in moves] == [
        ("f-accounts", "台帳", "管理者")
    ]
    assert len(accounts_of(kb(), ["r", "s"])) == 2


def test_open_issues_of_the_duties_oldest_first() -> None:
    duties = duties_of(kb(), ["t"])
    assert [(i.runbook.id, i.issue.text) for i in issues_of(duties)] == [
        ("f-accounts", "旧"),
        ("f-accounts", "新"),
    ]
