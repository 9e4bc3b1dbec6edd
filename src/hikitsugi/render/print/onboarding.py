"""Onboarding packs (着任者向け 業務案内): a post's runbooks in the order the fiscal year brings them.

A pure function of (kb, post, day, lang); templates/print/onboarding.html.j2 lays it out.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hikitsugi.facts import fiscal
from hikitsugi.facts.duties import duties_of, runbooks_of
from hikitsugi.facts.schedule import Occurrence, occurrences
from hikitsugi.model import Checklist, KnowledgeBase, Runbook
from hikitsugi.render.print.packs import NothingToPrint, monthly_label


@dataclass(frozen=True)
class ReadingRow:
    runbook: Runbook
    first: Occurrence | None
    when: str
    deputy: bool = False  # the post deputises this work (副担当)


@dataclass(frozen=True)
class OnboardingPack:
    organization: str
    role: str
    role_id: str
    section: str
    fiscal_year: str
    readings: tuple[ReadingRow, ...]
    tools: tuple[Runbook, ...]
    day: datetime.date
    checklists: tuple[Checklist, ...] = ()  # the post's standalone checklists (owned or deputised)


def _when(occurrence: Occurrence | None, lang: str) -> str:
    if occurrence is None:
        return ""
    if occurrence.monthly:
        return monthly_label(occurrence, lang)
    if occurrence.start == occurrence.end:
        return f"{occurrence.start.month}/{occurrence.start.day}"
    return f"{occurrence.start.month}/{occurrence.start.day}〜{occurrence.end.month}/{occurrence.end.day}"


def onboarding_pack(kb: KnowledgeBase, role: str, day: datetime.date, lang: str) -> OnboardingPack:
    """Build the onboarding pack of *role*: its runbooks in the order the fiscal year brings them."""
    start, end = fiscal.span(day, kb.config.fiscal_year_start)
    runbooks = runbooks_of(kb, role)
    processes = [r for r in runbooks if r.kind == "process"]
    if not runbooks:
        raise NothingToPrint("pack.nothing-to-read", role=kb.roster.role_title(role))
    rows = []
    for runbook in processes:
        found = occurrences([runbook], start, end)
        rows.append(
            ReadingRow(
                runbook,
                found[0] if found else None,
                _when(found[0] if found else None, lang),
                runbook.owner != role,
            )
        )
    rows.sort(
        key=lambda row: (row.first is None, row.first.start if row.first else start, row.runbook.id)
    )
    tool_ids = {r.id for r in runbooks if r.kind == "tool"} | {u for r in processes for u in r.uses}
    tools = tuple(
        sorted((kb.runbooks[i] for i in tool_ids if i in kb.runbooks), key=lambda r: r.id)
    )
    section = kb.roster.roles[role].section or ""
    return OnboardingPack(
        organization=kb.config.organization,
        role=kb.roster.role_title(role),
        role_id=role,
        section=section,
        fiscal_year=fiscal.label(start.year, lang),
        readings=tuple(rows),
        tools=tools,
        day=day,
        checklists=tuple(d.item for d in duties_of(kb, [role]) if isinstance(d.item, Checklist)),
    )
