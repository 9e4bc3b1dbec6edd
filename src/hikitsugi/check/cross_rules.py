"""Checks that span files: unique ids, extends, and every role and runbook reference."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hikitsugi import model
from hikitsugi.check import cross_messages  # noqa: F401 - registers the messages
from hikitsugi.check.problems import ERROR, INFO, Problem, format_path
from hikitsugi.check.run_rules import exception_targets, run_rules
from hikitsugi.check.schema_messages import schema_problems
from hikitsugi.check.sources import Source, as_list
from hikitsugi.resolve import build
from hikitsugi.resolve.merge import Locator, find_cycle, merge

CHECKLIST_LIMIT = 15  # WHO checklist guidance: short enough to use at a pause point


@dataclass
class CrossResult:
    kb: model.KnowledgeBase
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Item:
    """A runbook, standard or checklist under cross-checking."""

    source: Source
    data: dict[str, Any]
    locator: Locator
    failed: bool = False
    own: dict[str, Any] | None = None  # what the file itself says, before an extends merge


def _at(
    locator: Locator, path: tuple[Any, ...], key: str, severity: str = ERROR, **params: Any
) -> Problem:
    file, line, column = locator.locate(path)
    return Problem(
        file, line, column, format_path(locator.source_path(path)), key, params, severity
    )


def cross_check(
    root: Path,
    config: model.Config,
    roster: model.Roster | None,
    sources: list[Source],
    build_model: bool = True,
    outline: bool = False,
    today: datetime.date | None = None,
) -> CrossResult:
    """Check what spans files and build the KnowledgeBase of what passed (unless told not to).

    *today* is the day run records may not be after (None: not checked).
    """
    problems: list[Problem] = []
    items: dict[str, dict[str, _Item]] = {"runbooks": {}, "standards": {}, "checklists": {}}
    owners: dict[str, str] = {}
    handovers = [s for s in sources if s.area == "handovers"]
    for source in sources:
        if source.area in ("handovers", "runs"):
            continue
        data = source.data
        item_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(item_id, str):
            continue
        failed = any(p.severity == ERROR for p in source.problems)
        item = _Item(source, data, source.locator, failed=failed)
        if item_id in owners:
            problems.append(
                _at(item.locator, ("id",), "check.duplicate-id", id=item_id, other=owners[item_id])
            )
            item.failed = True
            continue
        owners[item_id] = source.relpath
        items[source.area][item_id] = item
    _resolve_extends(items, problems)
    runbook_ids = set(items["runbooks"])
    for item in items["runbooks"].values():
        new = _references(item, roster, runbook_ids)
        problems += new
        if not item.failed:
            item.failed = any(p.severity == ERROR for p in new)
            problems += _checklist_length(item)
    for item in items["checklists"].values():
        if not item.failed:
            new = _checklist_references(item, roster)
            problems += new
            item.failed = bool(new)
    notes = _handovers(handovers, roster, items, problems)
    run_problems, runs = run_rules(
        [s for s in sources if s.area == "runs"],
        roster,
        exception_targets(
            {i: it.data for i, it in items["runbooks"].items() if not it.failed},
            {i: it.data for i, it in items["checklists"].items() if not it.failed},
        ),
        today,
    )
    problems += run_problems
    skipped = sorted(
        {s.relpath for s in sources if any(p.severity == ERROR for p in s.problems)}
        | {it.source.relpath for group in items.values() for it in group.values() if it.failed}
    )
    if not build_model:
        return CrossResult(
            model.KnowledgeBase(root, config, roster or model.Roster()), problems, skipped
        )
    kb = model.KnowledgeBase(
        root=root,
        config=config,
        roster=roster or model.Roster(),
        runbooks={
            i: (
                build.runbook_from(it.data, it.source.relpath, _line(it), outline=True)
                if outline
                else build.runbook_from(it.data, it.source.relpath, _line(it), local_data=it.own)
            )
            for i, it in items["runbooks"].items()
            if not it.failed
        },
        checklists={
            i: build.checklist_from(it.data, it.source.relpath, _line(it))
            for i, it in items["checklists"].items()
            if not it.failed
        },
        standards={
            i: build.runbook_from(it.data, it.source.relpath, _line(it), standard=True)
            for i, it in items["standards"].items()
            if not it.failed and {"title", "kind", "summary"} <= it.data.keys()
        },
        handovers=notes,
        runs=tuple(runs),
    )
    return CrossResult(kb, problems, skipped)


def _handovers(
    sources: list[Source],
    roster: model.Roster | None,
    items: dict[str, dict[str, _Item]],
    problems: list[Problem],
) -> dict[str, model.HandoverNote]:
    """Check each handovers/ file (person known, runbooks among their duties); return the good ones."""
    found: dict[str, model.HandoverNote] = {}
    for source in sources:
        data = source.data
        if not isinstance(data, dict) or any(p.severity == ERROR for p in source.problems):
            continue
        person_id: str = data["person"]
        person = roster.person(person_id) if roster is not None else None
        if roster is not None and person is None:
            problems.append(_at(source.locator, ("person",), "check.unknown-person", id=person_id))
            continue
        if person_id in found:
            other = found[person_id].source
            problems.append(
                _at(
                    source.locator,
                    ("person",),
                    "check.duplicate-handover",
                    id=person_id,
                    other=other,
                )
            )
            continue
        new = _handover_duties(source, person, items) if person is not None else []
        problems += new
        if not new:
            found[person_id] = build.handover_from(data, source.relpath)
    return found


def _handover_duties(
    source: Source, person: model.Person, items: dict[str, dict[str, _Item]]
) -> list[Problem]:
    """Every runbook named is owned or deputised by a post the person holds or has held."""
    roles = {a.role for a in person.assignments}
    duties = {
        item_id
        for group in ("runbooks", "checklists")
        for item_id, item in items[group].items()
        if item.data.get("owner") in roles or roles & set(as_list(item.data.get("deputies")))
    }
    return [
        _at(
            source.locator,
            ("duties", index, "runbook"),
            "check.handover-not-duty",
            id=rid,
            person=person.name,
        )
        for index, duty in enumerate(as_list(source.data.get("duties") if source.data else None))
        if isinstance(duty, dict)
        and isinstance(rid := duty.get("runbook"), str)
        and rid not in duties
    ]


def _line(item: _Item) -> int:
    return item.source.line


def _resolve_extends(items: dict[str, dict[str, _Item]], problems: list[Problem]) -> None:
    """Merge every runbook (and standard) that extends a standard, innermost first."""
    everything = {**items["standards"], **items["runbooks"]}
    parents = {
        i: it.data["extends"]
        for i, it in everything.items()
        if isinstance(it.data.get("extends"), str)
    }
    done: set[str] = set()

    def starts(item_id: str) -> bool:
        """Report what is wrong with an item's own `extends`; True when its base must come first."""
        item = everything[item_id]
        target = parents.get(item_id)
        if target is None:
            return False
        cycle = find_cycle(item_id, parents)
        if cycle and cycle[0] == item_id:  # report at each member; a runbook leading in just fails
            problems.append(
                _at(item.locator, ("extends",), "check.extends-cycle", cycle=" → ".join(cycle))
            )
            item.failed = True
            return False
        if target not in items["standards"]:
            key = (
                "check.extends-not-standard"
                if target in items["runbooks"]
                else "check.unknown-standard"
            )
            problems.append(_at(item.locator, ("extends",), key, id=target))
            item.failed = True
            return False
        return True

    def finish(item_id: str) -> None:
        """Merge an item onto its base, now that the base is settled."""
        item = everything[item_id]
        target = parents[item_id]
        base = items["standards"][target]
        if base.failed:
            if not item.failed:
                problems.append(
                    _at(
                        item.locator,
                        ("extends",),
                        "check.standard-failed",
                        INFO,
                        id=target,
                        file=base.source.relpath,
                    )
                )
            item.failed = True
            return
        if item.failed:
            return
        _merge_into(item, base, problems)

    for first in everything:  # walk each chain up, then merge down: no recursion to deepen
        waiting: list[str] = []
        current = first
        while current not in done:
            done.add(current)
            if not starts(current):
                break
            waiting.append(current)
            current = parents[current]
        for item_id in reversed(waiting):
            finish(item_id)


def _merge_into(item: _Item, base: _Item, problems: list[Problem]) -> None:
    """Replace *item*'s data by its merge onto *base*; check the result against the schema."""
    merged = merge(base.data, base.locator, item.data, item.locator)
    for problem in merged.problems:
        problems.append(_at(item.locator, problem.path, problem.key, ERROR, **problem.params))
    schema_errors: list[Problem] = []
    if item.source.area == "runbooks":
        full = {k: v for k, v in merged.data.items() if k != "extends"}
        schema_errors = schema_problems(
            "runbook", full, merged.locator.locate, merged.locator.source_path
        )
    problems.extend(schema_errors)
    item.own = item.data
    item.data, item.locator = merged.data, merged.locator
    item.failed = bool(merged.problems or schema_errors)


def _references(item: _Item, roster: model.Roster | None, runbook_ids: set[str]) -> list[Problem]:
    data, locator = item.data, item.locator
    problems: list[Problem] = []
    role_paths: list[tuple[Any, ...]] = [("owner",)]
    role_paths += [("deputies", i) for i in range(len(as_list(data.get("deputies"))))]
    role_paths += [("steps", i, "role") for i in range(len(as_list(data.get("steps"))))]
    role_paths += [("accounts", i, "holder") for i in range(len(as_list(data.get("accounts"))))]
    if roster is not None:
        for path in role_paths:
            value = _get(data, path)
            if isinstance(value, str) and value not in roster.roles:
                problems.append(_unknown_role(locator, path, value, roster))
    for field_name in ("uses", "related"):
        for index, target in enumerate(as_list(data.get(field_name))):
            if isinstance(target, str) and target not in runbook_ids:
                problems.append(
                    _at(locator, (field_name, index), "check.unknown-runbook", id=target)
                )
    return problems


def _unknown_role(
    locator: Locator, path: tuple[Any, ...], value: str, roster: model.Roster
) -> Problem:
    """Say a role id is unknown; when the post's title was written instead, name its id."""
    titled = role_by_title(value, roster)
    if titled:
        return _at(locator, path, "check.role-title", title=value, id=titled)
    return _at(locator, path, "check.unknown-role", id=value)


def role_by_title(value: str, roster: model.Roster) -> str | None:
    """Return the id of the post whose title *value* is (spaces ignored), if any."""
    return next(
        (
            role.id
            for role in roster.roles.values()
            if role.title.replace(" ", "") == value.replace(" ", "")
        ),
        None,
    )


def _checklist_references(item: _Item, roster: model.Roster | None) -> list[Problem]:
    if roster is None:
        return []
    data, locator = item.data, item.locator
    paths: list[tuple[Any, ...]] = [("owner",)] if "owner" in data else []
    paths += [
        ("items", i, "role")
        for i, it in enumerate(data.get("items", []))
        if isinstance(it, dict) and "role" in it
    ]
    return [
        _at(locator, path, "check.unknown-role", id=_get(data, path))
        for path in paths
        if _get(data, path) not in roster.roles
    ]


def _checklist_length(item: _Item) -> list[Problem]:
    data = item.data
    count = sum(1 for s in data.get("steps", []) if s.get("check")) + len(
        (data.get("checklist") or {}).get("items", [])
    )
    if count > CHECKLIST_LIMIT:
        path = ("checklist",) if "checklist" in data else ("steps",)
        return [_at(item.locator, path, "check.long-checklist", INFO, count=count)]
    return []


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    """Return the value at *path*, or None where the data has another shape."""
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data
