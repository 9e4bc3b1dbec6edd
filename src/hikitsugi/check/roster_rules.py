"""Rules of roster.yml on its own: each post and person declared once, assignments in order."""

from __future__ import annotations

from typing import Any

from hikitsugi.check.problems import Problem
from hikitsugi.check.sources import as_list, problem_at
from hikitsugi.i18n import register
from hikitsugi.resolve.merge import Locator

register(
    {
        "check.duplicate-role": ("ポスト '{id}' が重複しています", "role '{id}' is declared twice"),
        "check.duplicate-person": (
            "職員 '{id}' が重複しています",
            "person '{id}' is declared twice",
        ),
        "check.unknown-reports-to": (
            "reports_to のポスト '{id}' は roles にありません",
            "reports_to names '{id}', which is not among the roles",
        ),
        "check.reports-to-cycle": (
            "reports_to が循環しています: {cycle}",
            "reports_to forms a cycle: {cycle}",
        ),
        "check.until-before-from": (
            "until ({until}) が from ({start}) より前です",
            "until ({until}) is before from ({start})",
        ),
    }
)


def roster_rules(data: dict[str, Any], locator: Locator) -> list[Problem]:
    """Find duplicate post and person ids, and assignments that end before they start."""
    problems: list[Problem] = []
    for area, key in (("roles", "check.duplicate-role"), ("people", "check.duplicate-person")):
        seen: set[str] = set()
        for index, item in enumerate(as_list(data.get(area))):
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str):
                if item_id in seen:
                    problems.append(problem_at(locator, (area, index, "id"), key, id=item_id))
                seen.add(item_id)
    problems += _reports_to(data, locator)
    for p_index, person in enumerate(as_list(data.get("people"))):
        assignments = person.get("assignments") if isinstance(person, dict) else None
        for a_index, assignment in enumerate(as_list(assignments)):
            if not isinstance(assignment, dict):
                continue
            start, until = assignment.get("from"), assignment.get("until")
            if isinstance(start, str) and isinstance(until, str) and until < start:
                path = ("people", p_index, "assignments", a_index, "until")
                problems.append(
                    problem_at(locator, path, "check.until-before-from", until=until, start=start)
                )
    return problems


def _reports_to(data: dict[str, Any], locator: Locator) -> list[Problem]:
    """Each reports_to names a declared post, and following them never comes back (no cycle)."""
    roles = [r for r in as_list(data.get("roles")) if isinstance(r, dict)]
    ids = {r.get("id") for r in roles}
    up = {r.get("id"): r.get("reports_to") for r in roles if isinstance(r.get("reports_to"), str)}
    problems: list[Problem] = []
    reported: set[frozenset[str]] = set()
    for index, role in enumerate(as_list(data.get("roles"))):
        target = role.get("reports_to") if isinstance(role, dict) else None
        if not isinstance(target, str):
            continue
        path = ("roles", index, "reports_to")
        if target not in ids:
            problems.append(problem_at(locator, path, "check.unknown-reports-to", id=target))
            continue
        chain = [role["id"]]
        while (following := up.get(chain[-1])) is not None and following not in chain:
            chain.append(following)
        if following is not None and following == role["id"] and frozenset(chain) not in reported:
            reported.add(frozenset(chain))
            cycle = " → ".join([*chain, role["id"]])
            problems.append(problem_at(locator, path, "check.reports-to-cycle", cycle=cycle))
    return problems
