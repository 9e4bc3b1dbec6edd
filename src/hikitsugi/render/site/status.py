"""The status dashboard: the audit's health figure against its target, one row per runbook.

Groups, rule names, severities and the health sentence are the CLI's (audit/view.py); the
messages are the audit's plain forms (audit/plain.py), without field names.
"""

from __future__ import annotations

from dataclasses import dataclass

from hikitsugi.audit.findings import SEVERITY_RANK, Finding
from hikitsugi.audit.plain import plain_message
from hikitsugi.audit.report_data import csv_text
from hikitsugi.audit.rules import audit
from hikitsugi.audit.view import (
    AuditView,
    OwnerGroup,
    group_title,
    health_line,
    percent,
    rule_label,
    severity_label,
)
from hikitsugi.i18n import register
from hikitsugi.render import paths
from hikitsugi.render.site.context import SiteContext

register(
    {
        "site.status.csv": ("指摘の一覧 (CSV、Excel で開けます)", "All findings (CSV for Excel)"),
        "site.status.target": ("目安 {target}", "target {target}"),
    }
)


@dataclass(frozen=True)
class Line:
    """One finding said for the page: severity and rule in the CLI's words, the plain message."""

    severity: str
    severity_label: str
    rule: str
    rule_label: str
    message: str


@dataclass(frozen=True)
class Row:
    """One runbook (or checklist) of a group, with all its findings, worst first."""

    id: str
    title: str
    severity: str  # the worst of its findings
    due: str
    lines: tuple[Line, ...]


def rows(group: OwnerGroup, lang: str) -> list[Row]:
    """Gather a group's findings into one row per item, in the order the audit found them."""
    by_item: dict[str, list[Finding]] = {}
    for finding in group.findings:
        by_item.setdefault(finding.id, []).append(finding)
    found = []
    for findings in by_item.values():
        worst = sorted(findings, key=lambda f: -SEVERITY_RANK[f.severity])
        first = worst[0]
        lines = tuple(
            Line(
                f.severity,
                severity_label(f.severity, lang),
                f.rule,
                rule_label(f.rule, lang),
                plain_message(f, lang),
            )
            for f in worst
        )
        found.append(Row(first.id, first.title, first.severity, str(first.due or ""), lines))
    return found


def status_view(ctx: SiteContext) -> AuditView:
    """The audit of the build day, as the CLI's reporters see it."""
    return AuditView(audit(ctx.kb, ctx.day), ctx.kb)


def audit_csv(ctx: SiteContext) -> bytes:
    """The site's copy of `hikitsugi audit --format csv` for the build day."""
    return csv_text(status_view(ctx), ctx.lang).encode("utf-8")


def render_status(ctx: SiteContext) -> str:
    """Return the dashboard page for the build day (the browser does not re-run the audit)."""
    view = status_view(ctx)
    report = view.report
    page = paths.list_page("status")
    return ctx.render(
        "status.html.j2",
        page,
        report=report,
        groups=[(g, group_title(g, ctx.lang), rows(g, ctx.lang)) for g in view.groups()],
        health=health_line(view, ctx.lang),
        percent=round(report.health * 100, 1),
        target_percent=round(report.target * 100, 1),
        target_label=ctx.label("site.status.target", target=percent(report.target)),
        csv_path=paths.AUDIT_CSV,
        page_of=lambda item_id: (
            paths.runbook_page(item_id)
            if item_id in ctx.kb.runbooks
            else paths.checklist_page(item_id)
        ),
    )
