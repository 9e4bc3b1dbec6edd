"""Audit reporters for people: plain text for the terminal, Markdown for the dashboard."""

from __future__ import annotations

from typing import TextIO

from hikitsugi.audit.findings import Finding
from hikitsugi.audit.view import (
    AuditView,
    group_title,
    heading,
    health_line,
    rule_label,
    severity_label,
)
from hikitsugi.check.problems import one_line
from hikitsugi.i18n import t


def _label(finding: Finding, lang: str) -> str:
    return f"{severity_label(finding.severity, lang)} {finding.rule}"


def write_text(view: AuditView, out: TextIO, lang: str) -> None:
    """Print findings grouped by owner post, notes, skipped files and a summary."""
    out.write(heading(view, lang) + "\n")
    groups = view.groups()
    if not groups:
        out.write(f"\n{t('audit.none', lang)}\n")
    for group in groups:
        out.write(f"\n■ {one_line(group_title(group, lang))}\n")
        out.writelines(  # one finding, one line: titles may hold line breaks
            one_line(
                f"  {finding.file}:{finding.line}: [{_label(finding, lang)}] "
                f"{finding.title} ({finding.id}): {finding.message(lang)}"
            )
            + "\n"
            for finding in group.findings
        )
    if view.hints:
        out.write(f"\n■ {t('audit.hints', lang)}\n")
        out.writelines(
            f"  {hint.file}:{hint.line}: [{severity_label('info', lang)}] {hint.title} ({hint.id}): {hint.message(lang)}\n"
            for hint in view.hints
        )
    _write_skipped(view, out, lang)
    out.write(f"\n■ {t('audit.summary', lang)}\n")
    for rule, count in view.counts().items():
        if count:
            label = rule_label(rule, lang)
            out.write(f"  {rule}: {count}\n" if label == rule else f"  {rule} ({label}): {count}\n")
    out.write("  " + t("audit.counts", lang, **view.severity_counts()) + "\n")
    out.write("  " + health_line(view, lang) + "\n")


def _write_skipped(view: AuditView, out: TextIO, lang: str) -> None:
    if not view.skipped and not view.check_errors:
        return
    out.write(f"\n■ {t('audit.skipped', lang)}\n")
    out.writelines(f"  {file}\n" for file in view.skipped)
    if view.check_errors:
        out.write("  " + t("audit.check-errors", lang, count=len(view.check_errors)) + "\n")
        out.writelines(f"    {problem.format(lang)}\n" for problem in view.check_errors)


def _cell(text: str) -> str:
    """Escape a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def write_markdown(view: AuditView, out: TextIO, lang: str) -> None:
    """Write a Markdown report: summary table first, then a table per owner post."""
    out.write(f"# {_cell(heading(view, lang))}\n\n")
    out.write(f"{health_line(view, lang)}\n\n")
    out.write(
        f"| {t('audit.col.rule', lang)} | {t('audit.col.rule_label', lang)} | {t('audit.col.count', lang)} |\n"
    )
    out.write("|---|---|--:|\n")
    out.writelines(
        f"| `{rule}` | {rule_label(rule, lang)} | {count} |\n"
        for rule, count in view.counts().items()
    )
    groups = view.groups()
    if not groups:
        out.write(f"\n{t('audit.none', lang)}\n")
    columns = ("severity", "title", "message", "where")
    for group in groups:
        out.write(f"\n## {_cell(group_title(group, lang))}\n\n")
        out.write("| " + " | ".join(t(f"audit.col.{c}", lang) for c in columns) + " |\n")
        out.write("|" + "---|" * len(columns) + "\n")
        for finding in group.findings:
            cells = (
                _label(finding, lang),
                f"{_cell(finding.title)} (`{finding.id}`)",
                _cell(finding.message(lang)),
                f"`{finding.file}:{finding.line}`",
            )
            out.write("| " + " | ".join(cells) + " |\n")
    if view.hints:
        out.write(f"\n## {t('audit.hints', lang)}\n\n")
        out.writelines(
            f"- {_cell(hint.title)} (`{hint.id}`, `{hint.file}:{hint.line}`): {_cell(hint.message(lang))}\n"
            for hint in view.hints
        )
    if view.skipped or view.check_errors:
        out.write(f"\n## {t('audit.skipped', lang)}\n\n")
        out.writelines(f"- `{file}`\n" for file in view.skipped)
        out.writelines(f"- {_cell(problem.format(lang))}\n" for problem in view.check_errors)
