"""The page of one runbook: header box, review banner, swimlane, steps and the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hikitsugi import model
from hikitsugi.facts import cutover
from hikitsugi.facts.review import review_on
from hikitsugi.i18n import register
from hikitsugi.render import paths, urls
from hikitsugi.render.site import standards as site_standards
from hikitsugi.render.site.context import SiteContext
from hikitsugi.vocabulary import ZONES

register(
    {
        "site.feedback": ("誤りを報告", "Report a mistake"),
        "site.feedback.subject": (
            "手順書の誤り: {title} ({id})",
            "Mistake in a runbook: {title} ({id})",
        ),
        "site.feedback.body": (
            "手順書: {title}\nid: {id}\n版 (最終見直し日): {revision}\n\n誤りの箇所と内容:\n",
            "Runbook: {title}\nid: {id}\nRevision (last reviewed): {revision}\n\nWhere and what:\n",
        ),
        "site.print-page": ("印刷", "Print"),
    }
)


def feedback_link(ctx: SiteContext, runbook: model.Runbook) -> str | None:
    """The mailto: link of 誤りを報告 for *runbook*, or None when the KB names no feedback_email."""
    email = ctx.kb.config.feedback_email
    if not email:
        return None
    revision = runbook.reviewed_on.isoformat() if runbook.reviewed_on else "—"
    values = {"title": runbook.title, "id": runbook.id, "revision": revision}
    return urls.mailto_with(
        email,
        ctx.label("site.feedback.subject", **values),
        ctx.label("site.feedback.body", **values),
    )


@dataclass(frozen=True)
class LaneRow:
    """One row of the swimlane: a step in its zone column, or a transfer spanning columns."""

    step: model.Step
    number: int
    column: int | None = None  # index into the lane columns, for a step row
    first: int = 0  # first and last column spanned by a transfer row
    last: int = 0
    rightward: bool = True


def lane_columns(runbook: model.Runbook) -> list[str | None]:
    """The four zones, plus a column for steps without a zone when there are any."""
    columns: list[str | None] = list(ZONES)
    if any(step.zone is None for step in runbook.steps):
        columns.append(None)
    return columns


def lane_rows(runbook: model.Runbook) -> list[LaneRow]:
    """Lay the steps out row by row; a transfer becomes a row of its own after its step."""
    columns = lane_columns(runbook)
    rows = []
    for number, step in enumerate(runbook.steps, start=1):
        rows.append(LaneRow(step, number, column=columns.index(step.zone)))
        if step.transfer is not None:
            source = columns.index(step.transfer.source)
            target = columns.index(step.transfer.target)
            rows.append(
                LaneRow(
                    step,
                    number,
                    first=min(source, target),
                    last=max(source, target),
                    rightward=source <= target,
                )
            )
    return rows


def zones_of(runbook: model.Runbook) -> list[str]:
    """The zones a runbook's steps touch, in the fixed zone order."""
    touched = {step.zone for step in runbook.steps} | {
        zone
        for step in runbook.steps
        if step.transfer
        for zone in (step.transfer.source, step.transfer.target)
    }
    return [zone for zone in ZONES if zone in touched]


def render_runbook(ctx: SiteContext, runbook: model.Runbook) -> str:
    """Return the Markdown/HTML of a runbook's page (a local one shows its standard's differences)."""
    return _render_page(
        ctx,
        runbook,
        paths.runbook_page(runbook.id),
        used_by=ctx.used_by.get(runbook.id, []),
        differences=site_standards.differences(ctx, runbook),
        standard_page=(
            paths.standard_page(runbook.extends)
            if runbook.extends is not None and runbook.extends in ctx.kb.standards
            else None
        ),
        checklist=ctx.printable("checklists", runbook.id),
        cutovers=cutover.notices(ctx.kb, runbook, ctx.day),
        feedback=feedback_link(ctx, runbook),
    )


def render_standard(ctx: SiteContext, standard: model.Runbook) -> str:
    """Return the page of a standard: laid out like a runbook, marked shared and not audited."""
    return _render_page(
        ctx,
        standard,
        paths.standard_page(standard.id),
        standard=True,
        based_on=site_standards.based_on(ctx, standard),
    )


def _render_page(ctx: SiteContext, runbook: model.Runbook, page: str, **values: Any) -> str:
    """Render runbook.html.j2 for a runbook or a standard at *page*."""
    defaults: dict[str, Any] = {
        "used_by": [],
        "differences": "",
        "standard_page": None,
        "checklist": None,
        "standard": False,
        "based_on": [],
        "cutovers": [],
        "feedback": None,
    }
    known = ctx.kb.runbooks
    return ctx.render(
        "runbook.html.j2",
        page,
        rb=runbook,
        review=review_on(ctx.kb, runbook, ctx.day),
        columns=lane_columns(runbook),
        rows=lane_rows(runbook),
        zones=zones_of(runbook),
        uses=[known[i] for i in runbook.uses if i in known],
        related=[known[i] for i in runbook.related if i in known],
        **(defaults | values),
    )


def render_standalone_checklist(ctx: SiteContext, checklist: model.Checklist) -> str:
    """Return the page of a checklist kept under checklists/."""
    page = paths.checklist_page(checklist.id)
    return ctx.render(
        "checklist.html.j2",
        page,
        title=checklist.title,
        printable=ctx.printable("checklists", checklist.id),
        mode=checklist.mode,
        extra=[(item.role, item.text) for item in checklist.items],
        owner=checklist.owner,
        review=review_on(ctx.kb, checklist, ctx.day),
    )
