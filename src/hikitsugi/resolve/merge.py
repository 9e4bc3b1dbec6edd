"""`extends`: a local runbook starts from a shared standard and keeps only its differences."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from hikitsugi.check.load import Document, NodePath
from hikitsugi.i18n import register

register(
    {
        "resolve.unknown-step": (
            "標準手順書 {standard} に手順 '{step}' はありません (remove できません)",
            "standard {standard} has no step '{step}' to remove",
        ),
        "resolve.unknown-after": (
            "手順 '{step}' は標準手順書 {standard} にもこの手順書にもありません",
            "step '{step}' is in neither standard {standard} nor this runbook",
        ),
        "resolve.after-removed": (
            "手順 '{step}' はこの手順書で remove しているため、その後には挿入できません",
            "step '{step}' is removed by this runbook, so nothing can go after it",
        ),
        "resolve.after-cycle": (
            "手順 '{step}' との間で after が循環しているため、位置を決められません",
            "the new steps name each other in a loop through '{step}', so they have no place",
        ),
        "resolve.after-on-replace": (
            "手順 '{step}' は標準手順書の手順を置き換えるため after は使えません",
            "step '{step}' replaces a step of the standard, so it cannot take after",
        ),
    }
)

SourcePosition = tuple[str, int, int]


class Locator(Protocol):
    """Anything that maps a path in runbook data to (file, line, column)."""

    def locate(self, path: NodePath) -> SourcePosition: ...

    def source_path(self, path: NodePath) -> NodePath: ...


@dataclass(frozen=True)
class DocumentLocator:
    """Positions in one file."""

    document: Document

    def source_path(self, path: NodePath) -> NodePath:
        """Return *path* unchanged: one file."""
        return path

    def locate(self, path: NodePath) -> SourcePosition:
        line, column = self.document.locate(path)
        return self.document.relpath, line, column


@dataclass(frozen=True)
class MergedLocator:
    """Positions in a merged runbook: each field and step points to the file it came from."""

    local: Locator
    base: Locator
    local_fields: frozenset[str]
    step_sources: tuple[tuple[Locator, int], ...] = ()

    def source_path(self, path: NodePath) -> NodePath:
        """Return *path* as it is written in the file it came from (step indexes differ)."""
        if (
            len(path) > 1
            and path[0] == "steps"
            and isinstance(path[1], int)
            and path[1] < len(self.step_sources)
        ):
            return ("steps", self.step_sources[path[1]][1], *path[2:])
        return path

    def locate(self, path: NodePath) -> SourcePosition:
        """Return the file, line and column where *path* of the merged runbook is written."""
        locator: Locator = self
        while isinstance(locator, MergedLocator):  # a loop: `extends` chains can be long
            locator, path = locator._step(path)
        return locator.locate(path)

    def _step(self, path: NodePath) -> tuple[Locator, NodePath]:
        """Return the locator one level down that holds *path*, and the path there."""
        if not path:
            return self.local, path
        if (
            len(path) > 1
            and path[0] == "steps"
            and isinstance(path[1], int)
            and path[1] < len(self.step_sources)
        ):
            source, index = self.step_sources[path[1]]
            return source, ("steps", index, *path[2:])
        if path[0] in self.local_fields:
            return self.local, path
        return self.base, path


@dataclass
class MergeProblem:
    """A fault of the merge, at a path of the local file."""

    path: NodePath
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Merged:
    """The resolved runbook, where each part came from, and what went wrong."""

    data: dict[str, Any]
    locator: Locator
    problems: list[MergeProblem]


_Placed = tuple[dict[str, Any], Locator, int]  # step data, its file, its index in that file


def merge(
    base: Mapping[str, Any], base_locator: Locator, local: Mapping[str, Any], local_locator: Locator
) -> Merged:
    """Apply *local* on top of the standard *base*: fields replace, steps merge by id."""
    data: dict[str, Any] = {k: v for k, v in base.items() if k != "steps"}
    data.update({k: v for k, v in local.items() if k != "steps"})
    problems: list[MergeProblem] = []
    steps = _merge_steps(base, base_locator, local, local_locator, problems)
    if steps or "steps" in base or "steps" in local:
        data["steps"] = [step for step, _, _ in steps]
    locator = MergedLocator(
        local_locator,
        base_locator,
        frozenset(local),
        tuple((source, index) for _, source, index in steps),
    )
    return Merged(data, locator, problems)


def _local_steps(local: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    steps = local.get("steps")
    if not isinstance(steps, list):
        return []
    return [
        (i, s)
        for i, s in enumerate(steps)
        if isinstance(s, Mapping) and isinstance(s.get("id"), str)
    ]


def _merge_steps(
    base: Mapping[str, Any],
    base_locator: Locator,
    local: Mapping[str, Any],
    local_locator: Locator,
    problems: list[MergeProblem],
) -> list[_Placed]:
    """Replace and remove by id, then place new steps after their anchors, in file order.

    The result does not depend on the order of the local steps: a new step may name as
    `after` a new step written below it, and several new steps after the same step keep
    the order in which the local file lists them.
    """
    standard = base.get("id", "?")
    base_steps: list[Any] = base["steps"] if isinstance(base.get("steps"), list) else []
    placed: list[_Placed] = [
        (dict(s), base_locator, i) for i, s in enumerate(base_steps) if isinstance(s, Mapping)
    ]
    base_ids = {s.get("id") for s, _, _ in placed}
    removed: set[str] = set()
    inserts: list[tuple[int, Mapping[str, Any]]] = []
    for index, step in _local_steps(local):
        step_id = step["id"]
        clean = {k: v for k, v in step.items() if k not in ("after", "remove")}
        if step.get("remove") is True:
            if step_id in base_ids:
                removed.add(step_id)
            else:
                problems.append(
                    MergeProblem(
                        ("steps", index, "id"),
                        "resolve.unknown-step",
                        {"standard": standard, "step": step_id},
                    )
                )
        elif step_id in base_ids:
            if "after" in step:
                problems.append(
                    MergeProblem(
                        ("steps", index, "after"), "resolve.after-on-replace", {"step": step_id}
                    )
                )
            position = next(i for i, (s, _, _) in enumerate(placed) if s.get("id") == step_id)
            placed[position] = (clean, local_locator, index)
        else:
            inserts.append((index, step))
    placed = [p for p in placed if p[0].get("id") not in removed]
    return _place_inserts(placed, inserts, local_locator, removed, standard, problems)


def _place_inserts(
    placed: list[_Placed],
    inserts: list[tuple[int, Mapping[str, Any]]],
    local_locator: Locator,
    removed: set[str],
    standard: str,
    problems: list[MergeProblem],
) -> list[_Placed]:
    """Lay new steps after their anchors: each anchor's new steps in file order, nested depth-first."""
    children: dict[str | None, list[tuple[int, Mapping[str, Any]]]] = {}
    for index, step in inserts:
        children.setdefault(
            step.get("after") if isinstance(step.get("after"), str) else None, []
        ).append((index, step))
    result: list[_Placed] = []
    seen: set[int] = set()

    def emit(anchor: str | None) -> None:
        """Append the new steps after *anchor*, depth-first (a loop: `after` chains can be long)."""
        pending = list(reversed(children.get(anchor, [])))
        while pending:
            index, step = pending.pop()
            if index in seen:
                continue
            seen.add(index)
            result.append(({k: v for k, v in step.items() if k != "after"}, local_locator, index))
            pending.extend(reversed(children.get(step["id"], [])))

    for entry in placed:
        result.append(entry)
        emit(entry[0].get("id"))
    for index, step in children.get(None, []):
        seen.add(index)
        result.append(({k: v for k, v in step.items() if k != "after"}, local_locator, index))
        emit(step["id"])
    new_ids = {step["id"] for _, step in inserts}
    for index, step in inserts:  # anchors that were never reached
        if index in seen:
            continue
        after = step["after"]
        key = (
            "resolve.after-removed"
            if after in removed
            else "resolve.after-cycle"
            if after in new_ids
            else "resolve.unknown-after"
        )
        problems.append(
            MergeProblem(("steps", index, "after"), key, {"standard": standard, "step": after})
        )
        result.append(({k: v for k, v in step.items() if k != "after"}, local_locator, index))
    return result


def find_cycle(start: str, parents: Mapping[str, str]) -> list[str] | None:
    """Return the `extends` cycle reached from *start*, or None."""
    chain = [start]
    on_chain = {start}
    current = start
    while current in parents:
        current = parents[current]
        if current in on_chain:
            return chain[chain.index(current) :] + [current]
        chain.append(current)
        on_chain.add(current)
    return None
