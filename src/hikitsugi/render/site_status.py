"""The status dashboard: the audit's health figure and its findings, grouped by owner post."""

from __future__ import annotations

from typing import Any

from hikitsugi.render import site_links
from hikitsugi.render.site_context import SiteContext


def run_audit(ctx: SiteContext) -> Any | None:
    """Return the audit report for the build day, or None when the audit is not installed."""
    try:
        from hikitsugi.audit import audit
    except ImportError:
        return None
    return audit(ctx.kb, ctx.day)


def render_status(ctx: SiteContext) -> str:
    """Return the dashboard page."""
    report = run_audit(ctx)
    groups: dict[str, list[Any]] = {}
    if report is not None:
        for finding in report.findings:
            groups.setdefault(finding.owner_role or "", []).append(finding)
    ordered = sorted(
        groups.items(), key=lambda item: (item[0] == "", ctx.role_title(item[0]) if item[0] else "")
    )
    return ctx.render(
        "status.html.j2",
        site_links.list_page("status"),
        report=report,
        groups=ordered,
        percent=round(report.health * 100) if report is not None else 0,
        page_of=lambda item_id: (
            site_links.runbook_page(item_id)
            if item_id in ctx.kb.runbooks
            else site_links.checklist_page(item_id)
        ),
    )
