"""The JSON Schema files: the one declaration of the knowledge-base format."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

_DATE_SHAPE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
BASE_URI = "https://hikitsugi.invalid/schema/"
NAMES = ("config", "roster", "runbook", "checklist", "handover", "run")
FILES = tuple(f"{name}.schema.json" for name in (*NAMES, "common"))


@cache
def raw(filename: str) -> dict[str, Any]:
    """Return one schema file as data."""
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@cache
def defaults(name: str) -> dict[str, Any]:
    """Return the `default` of each top-level property of schema *name* (the one place they are set)."""
    properties = raw(f"{name}.schema.json")["properties"]
    return {key: value["default"] for key, value in properties.items() if "default" in value}


def text(filename: str) -> str:
    """Return one schema file's text, exactly as shipped (for publishing it)."""
    return resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")


def _with_id(filename: str) -> dict[str, Any]:
    return {**raw(filename), "$id": BASE_URI + filename}


def is_real_date(value: object) -> bool:
    """Accept YYYY-MM-DD only when that day exists (2026-02-30 does not)."""
    if not isinstance(value, str) or not _DATE_SHAPE.match(value):
        return True  # the pattern reports a malformed value; this checks the day exists
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


@cache
def validator(name: str) -> Any:
    """Return a jsonschema validator (precise messages) for config|roster|runbook|checklist."""
    import jsonschema
    from referencing import Registry, Resource

    registry: Registry = Registry().with_resources(
        (BASE_URI + filename, Resource.from_contents(_with_id(filename))) for filename in FILES
    )
    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(is_real_date)
    cls = jsonschema.Draft202012Validator
    return cls(_with_id(f"{name}.schema.json"), registry=registry, format_checker=checker)


def inlined(name: str) -> dict[str, Any]:
    """Return schema *name* with every $ref replaced by its target (the schemas never recurse)."""
    root = raw(f"{name}.schema.json")

    def expand(node: Any) -> Any:
        if isinstance(node, list):
            return [expand(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        result = {k: expand(v) for k, v in node.items() if k not in ("$ref", "$defs")}
        if isinstance(ref, str):
            filename, _, pointer = ref.partition("#")
            target: Any = raw(filename) if filename else root
            for part in pointer.strip("/").split("/"):
                target = target[part]
            result = {**expand(target), **result}
        return result

    return expand(root)  # type: ignore[no-any-return]


@cache
def fast_validator(name: str) -> Callable[[Any], Any]:
    """Return a compiled validator that only says valid or not, fast.

    fastjsonschema turns each $ref into a call that formats a name string, which
    costs more than the checks themselves, so it compiles the inlined schema.
    """
    import fastjsonschema

    return fastjsonschema.compile(inlined(name), formats={"date": is_real_date}, use_default=False)


def is_valid(name: str, data: Any) -> bool:
    """Say whether *data* is valid, by the compiled validator."""
    import fastjsonschema

    try:
        fast_validator(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def iter_fields() -> Iterator[str]:
    """Yield every field path the runbook schemas declare (for documentation tests)."""
    for name in (*NAMES,):
        yield from _fields(raw(f"{name}.schema.json"), raw(f"{name}.schema.json"), set())


def _fields(node: Any, root: dict[str, Any], seen: set[str]) -> Iterator[str]:
    if not isinstance(node, dict):
        return
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in seen:
        seen.add(ref)
        yield from _fields(root["$defs"][ref.split("/")[-1]], root, seen)
    for key, value in node.get("properties", {}).items():
        yield key
        yield from _fields(value, root, seen)
    for keyword in ("items", "then", "else"):
        yield from _fields(node.get(keyword), root, seen)
    for keyword in ("anyOf", "oneOf"):
        for option in node.get(keyword, []):
            yield from _fields(option, root, seen)
