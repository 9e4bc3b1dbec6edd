"""What a local runbook changes against the standard it extends, and the resolved view of it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hikitsugi import schema
from hikitsugi.model import KnowledgeBase, Runbook

# fields that always differ or are compared step by step
_NOT_COMPARED = ("id", "extends", "steps")
# restating these locally is harmless: they say what the file is to someone reading it alone
_KEPT_FOR_READERS = ("kind",)


@dataclass(frozen=True)
class FieldChange:
    """A field whose value in the resolved runbook differs from the standard's (None: absent)."""

    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ReplacedStep:
    """A step of the standard that the local runbook replaces, and which of its fields differ."""

    id: str
    old: Mapping[str, Any]
    new: Mapping[str, Any]
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class AddedStep:
    """A step that only the local runbook has; `after` is the step before it (None: first)."""

    id: str
    step: Mapping[str, Any]
    after: str | None
    last: bool


@dataclass(frozen=True)
class RemovedStep:
    """A step of the standard that the local runbook drops."""

    id: str
    step: Mapping[str, Any]


@dataclass(frozen=True)
class RunbookDiff:
    """Everything a local runbook changes against its standard."""

    runbook: str
    title: str
    source: str
    standard: str
    standard_title: str
    standard_source: str
    fields: tuple[FieldChange, ...]
    replaced: tuple[ReplacedStep, ...]
    added: tuple[AddedStep, ...]
    removed: tuple[RemovedStep, ...]
    # what the local file restates exactly as the standard has it ("tags", "steps.kensan"): could go
    redundant: tuple[str, ...] = ()
    reviewed_on: datetime.date | None = None
    standard_reviewed_on: datetime.date | None = None

    @property
    def behind_standard(self) -> bool:
        """Say whether the standard was reviewed after this runbook last was: upstream changes to check."""
        if self.standard_reviewed_on is None:
            return False
        return self.reviewed_on is None or self.reviewed_on < self.standard_reviewed_on

    @property
    def step_changes(self) -> int:
        """Count replaced, added and removed steps."""
        return len(self.replaced) + len(self.added) + len(self.removed)

    @property
    def count(self) -> int:
        """Count every difference: steps and fields."""
        return self.step_changes + len(self.fields)

    def as_json(self) -> dict[str, Any]:
        """Return plain data for `diff --format json`."""
        return {
            "runbook": {"id": self.runbook, "title": self.title, "source": self.source},
            "standard": {
                "id": self.standard,
                "title": self.standard_title,
                "source": self.standard_source,
            },
            "fields": [{"name": f.name, "old": f.old, "new": f.new} for f in self.fields],
            "replaced": [
                {
                    "id": s.id,
                    "old": dict(s.old),
                    "new": dict(s.new),
                    "fields": [f.name for f in s.fields],
                }
                for s in self.replaced
            ],
            "added": [
                {"id": s.id, "after": s.after, "last": s.last, "step": dict(s.step)}
                for s in self.added
            ],
            "removed": [{"id": s.id, "step": dict(s.step)} for s in self.removed],
            "redundant": list(self.redundant),
            "behind_standard": self.behind_standard,
        }


def field_order() -> list[str]:
    """Return the runbook fields in the order the schema declares them."""
    return list(schema.raw("runbook.schema.json")["properties"])


def ordered(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return *data* with its fields in schema order (unknown ones last), steps' keys too."""
    order = {name: index for index, name in enumerate(field_order())}
    result = {k: data[k] for k in sorted(data, key=lambda k: (order.get(k, len(order)), k))}
    if isinstance(result.get("steps"), list):
        step_order = list(schema.raw("runbook.schema.json")["$defs"]["step"]["properties"])
        rank = {name: index for index, name in enumerate(step_order)}
        result["steps"] = [
            {k: s[k] for k in sorted(s, key=lambda k: (rank.get(k, len(rank)), k))}
            if isinstance(s, Mapping)
            else s
            for s in result["steps"]
        ]
    return result


def _changes(
    old: Mapping[str, Any], new: Mapping[str, Any], skip: Iterable[str] = ()
) -> tuple[FieldChange, ...]:
    order = {name: index for index, name in enumerate(field_order())}
    names = (set(old) | set(new)) - set(skip)
    return tuple(
        FieldChange(name, old.get(name), new.get(name))
        for name in sorted(names, key=lambda n: (order.get(n, len(order)), n))
        if old.get(name) != new.get(name)
    )


def _steps(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    steps = data.get("steps")
    return [s for s in steps if isinstance(s, Mapping)] if isinstance(steps, list) else []


def diff_runbook(kb: KnowledgeBase, runbook: Runbook) -> RunbookDiff | None:
    """Compare a resolved runbook with its standard; None when it extends none (or an unknown one)."""
    standard = kb.standards.get(runbook.extends or "")
    if standard is None:
        return None
    old_steps = {s["id"]: s for s in _steps(standard.data)}
    new_list = _steps(runbook.data)
    new_ids = {s["id"] for s in new_list}
    replaced, added = [], []
    for index, step in enumerate(new_list):
        old = old_steps.get(step["id"])
        if old is None:
            after = new_list[index - 1]["id"] if index else None
            added.append(AddedStep(step["id"], step, after, index == len(new_list) - 1))
        elif old != step:
            replaced.append(ReplacedStep(step["id"], old, step, _changes(old, step)))
    removed = [RemovedStep(i, s) for i, s in old_steps.items() if i not in new_ids]
    return RunbookDiff(
        runbook=runbook.id,
        title=runbook.title,
        source=runbook.source,
        standard=standard.id,
        standard_title=standard.title,
        standard_source=standard.source,
        fields=_changes(standard.data, runbook.data, _NOT_COMPARED),
        replaced=tuple(replaced),
        added=tuple(added),
        removed=tuple(removed),
        redundant=_redundant(standard.data, runbook.local_data or {}),
        reviewed_on=runbook.reviewed_on,
        standard_reviewed_on=standard.reviewed_on,
    )


def _redundant(standard: Mapping[str, Any], local: Mapping[str, Any]) -> tuple[str, ...]:
    """Name what the local file repeats unchanged from the standard."""
    defaults = {
        k: v.get("default") for k, v in schema.raw("runbook.schema.json")["properties"].items()
    }
    found = [
        name
        for name in local
        if name not in (*_NOT_COMPARED, *_KEPT_FOR_READERS)
        and standard.get(name) == local[name]
        and local[name] != defaults.get(name)
    ]  # a default equal on both sides may have been filled in by the validator, not written
    old_steps = {s["id"]: s for s in _steps(standard)}
    for step in _steps(local):
        if step.get("id") in old_steps and not step.get("remove") and old_steps[step["id"]] == step:
            found.append(f"steps.{step['id']}")
    return tuple(found)


def extenders(kb: KnowledgeBase, standard_id: str) -> list[Runbook]:
    """Return the runbooks of *kb* that extend *standard_id*, by id."""
    return sorted((r for r in kb.runbooks.values() if r.extends == standard_id), key=lambda r: r.id)
