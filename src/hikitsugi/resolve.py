"""`extends`: a local runbook starts from a shared standard and keeps only its differences."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from hikitsugi.i18n import register
from hikitsugi.load import Document, NodePath

register(
    {
        "resolve.unknown-step": (
            "標準手順書 {standard} に手順 '{step}' はありません (remove できません)",
            "standard {standard} has no step '{step}' to remove",
        ),
        "resolve.unknown-after": (
            "after: 手順 '{step}' は標準手順書 {standard} にもこの手順書にもありません",
            "after: step '{step}' is in neither standard {standard} nor this runbook",
        ),
        "resolve.after-on-replace": (
            "手順 '{step}' は標準手順書の手順を置き換えるため after は使えません",
            "step '{step}' replaces a step of the standard, so it cannot take after",
        ),
    }
)

SourcePosition = tuple[str, int, int]


class Locator(Protocol):
    def locate(self, path: NodePath) -> SourcePosition: ...


@dataclass(frozen=True)
class DocumentLocator:
    """Positions in one file."""

    document: Document

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

    def locate(self, path: NodePath) -> SourcePosition:
        if not path:
            return self.local.locate(path)
        if path[0] == "steps" and len(path) > 1 and isinstance(path[1], int):
            if path[1] < len(self.step_sources):
                source, index = self.step_sources[path[1]]
                return source.locate(("steps", index, *path[2:]))
        if path[0] in self.local_fields or path[0] == "steps":
            return self.local.locate(path)
        return self.base.locate(path)


@dataclass
class MergeProblem:
    path: NodePath
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Merged:
    data: dict[str, Any]
    locator: Locator
    problems: list[MergeProblem]


def merge(
    base: Mapping[str, Any], base_locator: Locator, local: Mapping[str, Any], local_locator: Locator
) -> Merged:
    """Apply *local* on top of the standard *base*: fields replace, steps merge by id."""
    data: dict[str, Any] = {k: v for k, v in base.items() if k != "steps"}
    data.update({k: v for k, v in local.items() if k != "steps"})
    standard = base.get("id", "?")
    problems: list[MergeProblem] = []
    steps: list[tuple[dict[str, Any], Locator, int]] = [
        (dict(step), base_locator, index) for index, step in enumerate(base.get("steps", []))
    ]
    last_inserted: dict[str, str] = {}
    for index, step in enumerate(local.get("steps", [])):
        if not isinstance(step, Mapping) or "id" not in step:
            continue
        step_id = step["id"]
        ids = [s["id"] for s, _, _ in steps]
        path: NodePath = ("steps", index)
        clean = {k: v for k, v in step.items() if k not in ("after", "remove")}
        if step.get("remove"):
            if step_id in ids:
                del steps[ids.index(step_id)]
            else:
                problems.append(MergeProblem((*path, "id"), "resolve.unknown-step", {"standard": standard, "step": step_id}))
        elif step_id in ids:
            if "after" in step:
                problems.append(MergeProblem((*path, "after"), "resolve.after-on-replace", {"step": step_id}))
            steps[ids.index(step_id)] = (clean, local_locator, index)
        elif "after" in step:
            anchor = last_inserted.get(step["after"], step["after"])
            if anchor not in ids:
                problems.append(MergeProblem((*path, "after"), "resolve.unknown-after", {"standard": standard, "step": step["after"]}))
                steps.append((clean, local_locator, index))
            else:
                steps.insert(ids.index(anchor) + 1, (clean, local_locator, index))
                last_inserted[step["after"]] = step_id
        else:
            steps.append((clean, local_locator, index))
    if steps or "steps" in base or "steps" in local:
        data["steps"] = [s for s, _, _ in steps]
    locator = MergedLocator(
        local_locator,
        base_locator,
        frozenset(local),
        tuple((source, index) for _, source, index in steps),
    )
    return Merged(data, locator, problems)


def find_cycle(start: str, parents: Mapping[str, str]) -> list[str] | None:
    """Return the `extends` cycle reached from *start*, or None."""
    chain = [start]
    current = start
    while current in parents:
        current = parents[current]
        if current in chain:
            return chain[chain.index(current) :] + [current]
        chain.append(current)
    return None
