"""How much staff time a runbook's work takes a year, and how much of it is re-keying (format v1.1).

From `volume` (cases per year or month) and `steps[].minutes` (staff minutes per case). The
inventory (業務棚卸表), the site's zone page and the tests ask here; no view multiplies on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from hikitsugi.model import Runbook, Step

MINUTES_PER_HOUR = 60


@dataclass(frozen=True)
class Workload:
    """A runbook's yearly figures; None where the runbook does not say enough to know."""

    cases_per_year: int | None  # volume × 12 for a monthly volume
    minutes_per_case: float | None  # sum of the steps' minutes; None when no step gives any
    hours_per_year: float | None
    rekey_minutes_per_case: float | None  # minutes of the steps that re-key a transfer by hand
    rekey_hours_per_year: float | None


def cases_per_year(runbook: Runbook) -> int | None:
    """Return the cases a year from `volume` (a monthly count × 12), or None without one."""
    volume = runbook.volume
    if volume is None:
        return None
    return volume.count * (12 if volume.per == "month" else 1)


def is_rekey(step: Step) -> bool:
    """Say whether the step carries data across networks by typing it again (`rekey`)."""
    return step.transfer is not None and step.transfer.method == "rekey"


def _minutes(steps: list[Step]) -> float | None:
    given = [step.minutes for step in steps if step.minutes is not None]
    return sum(given) if given else None


def _hours(minutes: float | None, cases: int | None) -> float | None:
    if minutes is None or cases is None:
        return None
    return minutes * cases / MINUTES_PER_HOUR


def workload(runbook: Runbook) -> Workload:
    """Return the yearly workload of *runbook*."""
    cases = cases_per_year(runbook)
    per_case = _minutes(list(runbook.steps))
    rekey_steps = [step for step in runbook.steps if is_rekey(step)]
    # no re-keyed step: none of the time is re-keying; re-keyed but unmeasured: unknown
    rekey_per_case = _minutes(rekey_steps) if rekey_steps else 0.0
    return Workload(
        cases_per_year=cases,
        minutes_per_case=per_case,
        hours_per_year=_hours(per_case, cases),
        rekey_minutes_per_case=rekey_per_case,
        rekey_hours_per_year=_hours(rekey_per_case, cases),
    )


def total_rekey_hours(runbooks: list[Runbook]) -> float:
    """Return the re-keying hours a year over *runbooks* (those without figures count 0)."""
    return sum(workload(r).rekey_hours_per_year or 0.0 for r in runbooks)


def figure_text(value: float | None) -> str:
    """Say hours or minutes the way the inventory and the site print them: 41, 12.5 ('' unknown)."""
    if value is None:
        return ""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"
