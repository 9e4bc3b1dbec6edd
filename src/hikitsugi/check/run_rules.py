"""Rules for records/runs/ files: the checklist exists, the people held a post, the day has come."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from hikitsugi import model
from hikitsugi.check.problems import ERROR, Problem
from hikitsugi.check.sources import Source, as_list, problem_at
from hikitsugi.facts.people import held_by
from hikitsugi.i18n import register
from hikitsugi.resolve import build

register(
    {
        "check.unknown-checklist": (
            "チェックリスト '{id}' はありません (手順書の id か checklists/ のチェックリストの id を書いてください)",
            "no checklist '{id}': write a runbook id or the id of a checklist under checklists/",
        ),
        "check.run-no-post": (
            "{name} ({id}) は {date} にどのポストにも就いていません (roster.yml の assignments を確かめてください)",
            "{name} ({id}) held no post on {date} (see their assignments in roster.yml)",
        ),
        "check.run-future": (
            "実施日 {date} は検査した日より後です。実施した日を書いてください",
            "the run's date {date} is after the day of this check: write the day it was done",
        ),
        "check.run-unknown-step": (
            "'{item}' は手順書 '{id}' の手順の id ではありません (手順の id: {known})",
            "'{item}' is not a step id of runbook '{id}' (step ids: {known})",
        ),
        "check.run-unknown-item": (
            "{item} はチェックリスト '{id}' の項目の番号ではありません (1〜{count})",
            "{item} is not an item number of checklist '{id}' (1 to {count})",
        ),
    }
)


def exception_targets(
    runbooks: Mapping[str, Mapping[str, Any]], checklists: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[str, ...] | int]:
    """What a run's exceptions may name, from the files' data: step ids, or an item count."""
    lines: dict[str, tuple[str, ...] | int] = {
        i: tuple(s["id"] for s in as_list(data.get("steps")) if isinstance(s, dict) and "id" in s)
        for i, data in runbooks.items()
    }
    lines.update({i: len(as_list(data.get("items"))) for i, data in checklists.items()})
    return lines


def run_rules(
    sources: list[Source],
    roster: model.Roster | None,
    lines: Mapping[str, tuple[str, ...] | int],
    today: datetime.date | None,
) -> tuple[list[Problem], list[model.Run]]:
    """Check each run file; return the problems and the runs of the files that passed.

    *lines* maps each checklist id to what its exceptions may name: the step ids of a runbook,
    or the number of items of a standalone checklist. Without *today* the date is not checked.
    """
    problems: list[Problem] = []
    runs: list[model.Run] = []
    for source in sources:
        data = source.data
        if not isinstance(data, dict) or any(p.severity == ERROR for p in source.problems):
            continue
        new = _one_run(source, data, roster, lines, today)
        problems += new
        if not new:
            runs.append(build.run_from(data, source.relpath))
    runs.sort(key=lambda r: (r.date, r.source))
    return problems, runs


def _one_run(
    source: Source,
    data: dict[str, Any],
    roster: model.Roster | None,
    lines: Mapping[str, tuple[str, ...] | int],
    today: datetime.date | None,
) -> list[Problem]:
    locator = source.locator
    day = datetime.date.fromisoformat(data["date"])
    problems: list[Problem] = []
    checklist = data["checklist"]
    if checklist not in lines:
        problems.append(
            problem_at(locator, ("checklist",), "check.unknown-checklist", id=checklist)
        )
    if today is not None and day > today:
        problems.append(
            problem_at(
                locator,
                ("date",),
                "check.run-future",
                date=day.isoformat(),
                today=today.isoformat(),
            )
        )
    for key in ("performed_by", "checked_by"):
        if roster is not None and isinstance(data.get(key), str):
            problems += _person(locator, key, data[key], roster, day)
    known = lines.get(checklist)
    for index, exception in enumerate(as_list(data.get("exceptions"))):
        if known is not None:
            problems += _exception(locator, index, exception["item"], checklist, known)
    return problems


def _person(
    locator: Any, key: str, person_id: str, roster: model.Roster, day: datetime.date
) -> list[Problem]:
    person = roster.person(person_id)
    if person is None:
        return [problem_at(locator, (key,), "check.unknown-person", id=person_id)]
    if not held_by(person, day):
        return [
            problem_at(
                locator,
                (key,),
                "check.run-no-post",
                name=person.name,
                id=person_id,
                date=day.isoformat(),
            )
        ]
    return []


def _exception(
    locator: Any, index: int, item: str | int, checklist: str, known: tuple[str, ...] | int
) -> list[Problem]:
    path = ("exceptions", index, "item")
    if isinstance(known, int):
        if isinstance(item, int) and 1 <= item <= known:
            return []
        return [
            problem_at(
                locator, path, "check.run-unknown-item", item=item, id=checklist, count=known
            )
        ]
    if item in known:
        return []
    return [
        problem_at(
            locator,
            path,
            "check.run-unknown-step",
            item=item,
            id=checklist,
            known=", ".join(known) or "-",
        )
    ]
