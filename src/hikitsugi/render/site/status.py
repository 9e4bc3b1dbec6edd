"""The status dashboard: the audit's health figure and its findings, grouped by owner post."""

from __future__ import annotations

from hikitsugi.audit.rules import Finding, audit
from hikitsugi.render import paths
from hikitsugi.render.site.context import SiteContext


def findings_by_owner(
    ctx: SiteContext, findings: tuple[Finding, ...]
) -> list[tuple[str, list[Finding]]]:
    """Group findings by owner post, posts by title, findings without an owner last."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.owner_role or "", []).append(finding)
    return sorted(
        groups.items(), key=lambda item: (item[0] == "", ctx.role_title(item[0]) if item[0] else "")
    )


def render_status(ctx: SiteContext) -> str:
    """Return the dashboard page for the build day (the browser does not re-run the audit)."""
    report = audit(ctx.kb, ctx.day)
    return ctx.render(
        "status.html.j2",
        paths.list_page("status"),
        report=report,
        groups=findings_by_owner(ctx, report.findings),
        percent=round(report.health * 100),
        page_of=lambda item_id: (
            paths.runbook_page(item_id)
            if item_id in ctx.kb.runbooks
            else paths.checklist_page(item_id)
        ),
    )
