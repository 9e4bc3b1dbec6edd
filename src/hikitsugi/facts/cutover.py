"""System cutovers (format v1.1): which runbooks a tool's replacement touches, and their state on a day.

A tool runbook's `cutover` says the system is replaced on `on`. Every runbook that `uses` it (and
the tool's own page) must be reviewed by then. The audit's `cutover-unreviewed` and `cutover-soon`,
the runbook pages and the calendar ask here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hikitsugi.model import Cutover, KnowledgeBase, Runbook

PASSED_UNREVIEWED = "passed-unreviewed"  # the cutover day has come; not reviewed since
PASSED_REVIEWED = "passed-reviewed"  # the cutover day has come; reviewed on or after it
SOON = "soon"  # within due_soon_days after the day
AHEAD = "ahead"  # further off


@dataclass(frozen=True)
class CutoverNotice:
    """A cutover that concerns a runbook: of a tool it uses, or of the tool itself."""

    tool: Runbook
    cutover: Cutover
    state: str
    days: int  # days from the day to the cutover (negative once it has passed)


def tools_cut_over(kb: KnowledgeBase) -> list[Runbook]:
    """Tool runbooks with a cutover, soonest first."""
    tools = [r for r in kb.runbooks.values() if r.cutover is not None]
    return sorted(tools, key=lambda r: (r.cutover.on if r.cutover else datetime.date.max, r.id))


def state(runbook: Runbook, cutover: Cutover, day: datetime.date, soon_days: int) -> str:
    """Say where *runbook* stands against *cutover* on *day* (the cutover day counts as passed)."""
    if cutover.on <= day:
        reviewed = runbook.reviewed_on
        return (
            PASSED_REVIEWED
            if reviewed is not None and reviewed >= cutover.on
            else PASSED_UNREVIEWED
        )
    return SOON if (cutover.on - day).days <= soon_days else AHEAD


def notices(kb: KnowledgeBase, runbook: Runbook, day: datetime.date) -> list[CutoverNotice]:
    """The cutovers that concern *runbook* on *day*: its own, then those of the tools it uses."""
    tools = [runbook] if runbook.cutover is not None else []
    tools += [kb.runbooks[i] for i in runbook.uses if i in kb.runbooks and i != runbook.id]
    soon = kb.config.due_soon_days
    return [
        CutoverNotice(
            tool,
            tool.cutover,
            state(runbook, tool.cutover, day, soon),
            (tool.cutover.on - day).days,
        )
        for tool in tools
        if tool.cutover is not None
    ]
