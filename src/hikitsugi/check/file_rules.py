"""Rules that need only one file: the schema, unique step ids, real days of the year."""

from __future__ import annotations

import calendar
from typing import Any

from hikitsugi.check.load import Document, LoadError, parse
from hikitsugi.check.problems import Problem
from hikitsugi.check.roster_rules import roster_rules
from hikitsugi.check.schema_messages import schema_problems
from hikitsugi.check.sources import as_list, problem_at
from hikitsugi.check.url_rules import url_rules
from hikitsugi.i18n import register
from hikitsugi.resolve.merge import DocumentLocator, Locator

register(
    {
        "check.duplicate-step": (
            "手順の id '{id}' がこの手順書の中で重複しています (最初は {first_line} 行目)",
            "step id '{id}' is used twice in this runbook (first at line {first_line})",
        ),
        "check.no-such-month-day": (
            "'{value}' という月日はありません",
            "'{value}' is not a day of the year",
        ),
        "check.cutover-not-tool": (
            "cutover (システムの移行) はツールの手順書 (kind: tool) にだけ書けます",
            "cutover is for tool runbooks (kind: tool) only",
        ),
        "check.local-only": (
            "{field} は extends で標準手順書を元にする手順書でだけ使えます",
            "{field} is only for a runbook that extends a standard",
        ),
    }
)


def _file_schema(area: str) -> str:
    names = {"config": "config", "roster": "roster", "checklists": "checklist"}
    return {**names, "handovers": "handover", "runs": "run"}.get(area, "runbook")


def analyse(area: str, relpath: str, raw: bytes) -> tuple[Any, ...]:
    """Load and check one file on its own; return a marshal-able cache entry."""
    try:
        document = parse(raw, relpath)
    except LoadError as error:
        problem = Problem(relpath, error.line, error.column, "", error.key, error.params)
        return (None, [problem.to_plain()], 1)
    locator = DocumentLocator(document)
    problems = schema_problems(_file_schema(area), document.data, locator.locate)
    problems += file_rules(area, document)
    line = document.positions.get(("id",), (1, 1))[0]
    return (document.data, [p.to_plain() for p in problems], line)


def file_rules(area: str, document: Document) -> list[Problem]:
    """Rules that need only this file: unique step ids, real days, date order."""
    locator = DocumentLocator(document)
    if area in ("runbooks", "standards"):
        return (
            _step_rules(document, locator)
            + _schedule_rules(document.data, locator)
            + _cutover_rules(document.data, locator)
            + url_rules(document)
        )
    if area == "roster":
        return roster_rules(document.data, locator)
    return []


def _step_rules(document: Document, locator: Locator) -> list[Problem]:
    """Each step id once; `after` and `remove` only in a runbook that extends a standard."""
    data = document.data
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, step in enumerate(as_list(data.get("steps"))):
        if not isinstance(step, dict):
            continue
        step_id = step.get("id")
        if isinstance(step_id, str) and step_id in seen:
            first = document.locate(("steps", seen[step_id]))[0]
            problems.append(
                problem_at(
                    locator,
                    ("steps", index, "id"),
                    "check.duplicate-step",
                    id=step_id,
                    first_line=first,
                )
            )
        elif isinstance(step_id, str):
            seen[step_id] = index
        if "extends" not in data:
            for key in ("after", "remove"):
                if key in step:
                    problems.append(
                        problem_at(locator, ("steps", index, key), "check.local-only", field=key)
                    )
    return problems


def _schedule_rules(data: dict[str, Any], locator: Locator) -> list[Problem]:
    """Every `from` and `until` of the schedule is a real day of the year."""
    problems: list[Problem] = []
    for index, entry in enumerate(as_list(data.get("schedule"))):
        for key in ("from", "until"):
            value = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(value, str) and not _real_month_day(value):
                problems.append(
                    problem_at(
                        locator, ("schedule", index, key), "check.no-such-month-day", value=value
                    )
                )
    return problems


def _cutover_rules(data: dict[str, Any], locator: Locator) -> list[Problem]:
    """A cutover replaces a system: only a tool runbook has one."""
    if "cutover" in data and data.get("kind") == "process":
        return [problem_at(locator, ("cutover",), "check.cutover-not-tool")]
    return []


def _real_month_day(text: str) -> bool:
    try:
        month, day = (int(part) for part in text.split("-"))
        return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]
    except ValueError:
        return True  # the schema already reports a malformed value
