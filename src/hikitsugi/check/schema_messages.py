"""Turn jsonschema errors into short messages in the KB's language, at the right node."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from typing import Any

from hikitsugi import schema
from hikitsugi.check.load import NodePath
from hikitsugi.check.problems import Problem, format_path
from hikitsugi.i18n import I18nRef, ref, register

Locate = Callable[[NodePath], tuple[str, int, int]]

register(
    {
        "schema.required": (
            "必須の項目 '{field}' がありません",
            "required field '{field}' is missing",
        ),
        "schema.unknown": ("'{field}' という項目はありません", "unknown field '{field}'"),
        "schema.unknown-suggest": (
            "'{field}' という項目はありません ('{suggestion}' の誤りですか?)",
            "unknown field '{field}' (did you mean '{suggestion}'?)",
        ),
        "schema.enum-suggest": (
            "'{value}' は {allowed} のいずれでもありません ('{suggestion}' の誤りですか?)",
            "'{value}' is not one of {allowed} (did you mean '{suggestion}'?)",
        ),
        "schema.enum": (
            "'{value}' は {allowed} のいずれでもありません",
            "'{value}' is not one of {allowed}",
        ),
        "schema.const": ("値は {expected} でなければなりません", "must be {expected}"),
        "schema.type": (
            "{expected}でなければなりません ({found} になっています)",
            "must be {expected}, not {found}",
        ),
        "schema.id": (
            "'{value}' は識別子として使えません (半角英小文字・数字とハイフン。例: gakudo-intake)",
            "'{value}' is not a valid id (lowercase letters, digits and hyphens, e.g. gakudo-intake)",
        ),
        "schema.date": (
            "'{value}' は日付 (YYYY-MM-DD) ではありません",
            "'{value}' is not a date (YYYY-MM-DD)",
        ),
        "schema.date-range": (
            "'{value}' は扱える範囲 (1900-01-01〜2200-12-31) の外の日付です",
            "'{value}' is outside the dates hikitsugi handles (1900-01-01 to 2200-12-31)",
        ),
        "schema.duration-range": (
            "'{value}' は長すぎます (上限は 9999 days、999 weeks、999 months、99 years)",
            "'{value}' is too long (at most 9999 days, 999 weeks, 999 months, 99 years)",
        ),
        "schema.no-such-day": (
            "'{value}' という日はありません",
            "'{value}' is not a day that exists",
        ),
        "schema.month-day": (
            "'{value}' は月日 (MM-DD) ではありません。\"04-01\" のように引用符で囲んで書きます",
            "'{value}' is not a month-day (MM-DD): write it quoted, like \"04-01\"",
        ),
        "schema.duration": (
            "'{value}' は期間として読めません (例: 12 months、6 months、2 weeks、30 days)",
            "'{value}' is not a duration (e.g. 12 months, 6 months, 2 weeks, 30 days)",
        ),
        "schema.pattern": (
            "'{value}' は形式 {pattern} に合いません",
            "'{value}' does not match {pattern}",
        ),
        "schema.min-items": ("{count} 個以上必要です", "needs at least {count} item(s)"),
        "schema.min-length": ("空にできません", "must not be empty"),
        "schema.minimum": ("{limit} 以上でなければなりません", "must be at least {limit}"),
        "schema.maximum": ("{limit} 以下でなければなりません", "must be at most {limit}"),
        "schema.schedule": (
            "予定には from (MM-DD、until は任意) か monthly (1〜31) のどちらか一方を書きます",
            "a schedule entry has either from (MM-DD, optional until) or monthly (1-31), not both",
        ),
        "schema.process-steps": (
            "業務手順 (kind: process) には手順 (steps) が 1 つ以上必要です",
            "a process (kind: process) needs at least one step (steps)",
        ),
        "schema.other": ("{message}", "{message}"),
        "type.string": ("文字列", "a string"),
        "type.array": ("リスト", "a list"),
        "type.object": ("マッピング (key: value)", "a mapping (key: value)"),
        "type.integer": ("整数", "a whole number"),
        "type.boolean": ("true か false", "true or false"),
        "type.null": ("空", "empty"),
        "type.number": ("数値", "a number"),
    }
)

_KIND_KEYS = {
    "id": "schema.id",
    "date": "schema.date",
    "month-day": "schema.month-day",
    "duration": "schema.duration",
}


# Values of the right shape whose numbers the schema's pattern bounds.
_OUT_OF_RANGE = {
    "schema.date": (re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "schema.date-range"),
    "schema.duration": (
        re.compile(r"^[1-9][0-9]* (day|days|week|weeks|month|months|year|years)$"),
        "schema.duration-range",
    ),
}


def _type_word(expected: Any) -> I18nRef | str:
    """Return the word for a schema `type` (a list of types, rare, is shown as written)."""
    return ref(f"type.{expected}") if isinstance(expected, str) else str(expected)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def schema_problems(
    name: str, data: Any, locate: Locate, source_path: Callable[[NodePath], NodePath] | None = None
) -> list[Problem]:
    """Validate *data* against schema *name*; return every error as a Problem.

    *source_path* turns a path of *data* into the path written in the file (for merged data).
    """
    if schema.is_valid(name, data):
        return []
    problems: list[Problem] = []
    for error in schema.validator(name).iter_errors(data):
        for path, key, params in _explain(error):
            file, line, column = locate(path)
            shown = source_path(path) if source_path else path
            problems.append(Problem(file, line, column, format_path(shown), key, params))
    problems.sort(key=lambda p: (p.file, p.line, p.column))
    return problems


def _explain(error: Any) -> Iterator[tuple[NodePath, str, dict[str, Any]]]:
    path: NodePath = tuple(error.absolute_path)
    instance = error.instance
    validator = error.validator
    kind = error.schema.get("x-kind") if isinstance(error.schema, dict) else None
    if validator == "required":
        for field in error.validator_value:
            if isinstance(instance, dict) and field not in instance:
                yield path, "schema.required", {"field": field}
    elif validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for field in instance:
            if field not in known:
                close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.75)
                if close:
                    yield (
                        (*path, field),
                        "schema.unknown-suggest",
                        {"field": field, "suggestion": close[0]},
                    )
                else:
                    yield (*path, field), "schema.unknown", {"field": field}
    elif validator == "enum":
        choices = [str(v) for v in error.validator_value]
        allowed = ", ".join(choices)
        text = str(instance).strip().lower()
        close = [
            c for c in choices if c == text
        ]  # only a case slip: 'lgwam' keeps the plain message
        if close:
            yield (
                path,
                "schema.enum-suggest",
                {"value": _short(instance), "allowed": allowed, "suggestion": close[0]},
            )
        else:
            yield path, "schema.enum", {"value": _short(instance), "allowed": allowed}
    elif validator == "const":
        yield path, "schema.const", {"expected": str(error.validator_value).lower()}
    elif validator == "type":
        yield (
            path,
            "schema.type",
            {
                "expected": _type_word(error.validator_value),
                "found": ref(f"type.{_type_name(instance)}"),
            },
        )
    elif validator == "pattern":
        key = _KIND_KEYS.get(kind or "", "schema.pattern")
        if (
            isinstance(instance, str)
            and key in _OUT_OF_RANGE
            and _OUT_OF_RANGE[key][0].match(instance)
        ):
            key = _OUT_OF_RANGE[key][1]  # well written, but past the bounds the schema declares
        yield path, key, {"value": _short(instance), "pattern": error.validator_value}
    elif validator == "format":
        yield path, "schema.no-such-day", {"value": _short(instance)}
    elif validator == "minItems":
        yield path, "schema.min-items", {"count": error.validator_value}
    elif validator == "minLength":
        yield path, "schema.min-length", {}
    elif validator == "minimum":
        yield path, "schema.minimum", {"limit": error.validator_value}
    elif validator == "maximum":
        yield path, "schema.maximum", {"limit": error.validator_value}
    elif validator == "anyOf" and kind == "schedule":
        yield path, "schema.schedule", {}
    elif validator == "anyOf" and kind == "step":
        yield path, "schema.required", {"field": "title"}
    elif validator == "anyOf" and kind == "runbook":
        yield from _runbook_required(path, instance)
    elif validator in ("anyOf", "oneOf") and error.context:
        best = min(error.context, key=lambda e: (-len(e.absolute_path), e.validator == "type"))
        yield from _explain(best)
    else:
        yield path, "schema.other", {"message": error.message}


def _runbook_required(
    path: NodePath, instance: Any
) -> Iterator[tuple[NodePath, str, dict[str, Any]]]:
    """Explain the runbook's anyOf: required fields unless it extends a standard."""
    if not isinstance(instance, dict):
        return
    missing = [field for field in ("title", "kind", "summary") if field not in instance]
    for field in missing:
        yield path, "schema.required", {"field": field}
    if not missing and instance.get("kind") == "process":
        steps = instance.get("steps")
        if not steps:
            yield (*path, "steps") if "steps" in instance else path, "schema.process-steps", {}
