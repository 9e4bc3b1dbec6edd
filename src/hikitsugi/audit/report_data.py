"""Audit reporters for programs and spreadsheets: JSON (with its schema) and CSV for Excel."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, TextIO

from hikitsugi.audit.findings import Finding
from hikitsugi.audit.view import AuditView, people_text, rule_label, severity_label
from hikitsugi.i18n import t

JSON_VERSION = 1
CSV_COLUMNS = (
    "rule",
    "rule_label",
    "severity",
    "id",
    "title",
    "file",
    "line",
    "owner_role",
    "owner_title",
    "owner_people",
    "due",
    "message",
)


def finding_json(view: AuditView, finding: Finding, lang: str) -> dict[str, Any]:
    """Return one finding in the documented JSON shape."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "id": finding.id,
        "title": finding.title,
        "file": finding.file,
        "line": finding.line,
        "owner_role": finding.owner_role,
        "owner_title": view.kb.roster.role_title(finding.owner_role)
        if finding.owner_role
        else None,
        "owner_people": list(finding.owner_people),
        "due": finding.due.isoformat() if finding.due else None,
        "message": finding.message(lang),
    }


def report_json(view: AuditView, lang: str) -> dict[str, Any]:
    """Return the whole report as JSON-ready data (see schema/audit-report.schema.json)."""
    report = view.report
    records = {
        id(f): finding_json(view, f, lang) for f in report.findings
    }  # built once, used twice
    return {
        "version": JSON_VERSION,
        "as_of": report.as_of.isoformat(),
        "organization": view.kb.config.organization,
        "language": lang,
        "due_within": view.due_within,
        "owner": view.filters.get("owner"),
        "summary": {
            "audited": report.audited,
            "healthy": report.healthy,
            "health": round(report.health, 4),
            "target": report.target,
            "meets_target": report.health >= report.target,
            **view.severity_counts(),
            "by_rule": view.counts(),
            "skipped": list(view.skipped),
            "check_errors": len(view.check_errors),
        },
        "findings": list(records.values()),
        "by_owner": [
            {
                "role": group.role,
                "title": group.title or None,
                "people": list(group.people),
                "findings": [records[id(f)] for f in group.findings],
            }
            for group in view.groups()
        ],
        "notes": [
            {
                "kind": "edited-after-review",
                "id": hint.id,
                "title": hint.title,
                "file": hint.file,
                "line": hint.line,
                "owner_role": hint.owner_role,
                "reviewed_on": hint.reviewed_on.isoformat(),
                "changed_on": hint.changed_on.isoformat(),
                "message": hint.message(lang),
            }
            for hint in view.hints
        ],
        "check_errors": [p.as_json(lang) for p in view.check_errors],
    }


def write_json(view: AuditView, out: TextIO, lang: str) -> None:
    """Write the JSON report: structure indented, one finding per line, Japanese left readable."""
    out.write(pretty_json(report_json(view, lang)) + "\n")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # compact calls use the C encoder: fast


def _records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def _nested(value: dict[str, Any]) -> bool:
    return any(isinstance(item, dict) or _records(item) for item in value.values())


def pretty_json(value: Any, depth: int = 0, memo: dict[int, str] | None = None) -> str:
    """Indent objects that hold objects or lists of objects; keep each flat record on one line.

    `json.dump(indent=2)` falls back to the pure-Python encoder and is many times slower on
    a large KB; this layout stays readable in diffs and reads back as the same data. A record
    that appears twice (in findings and in by_owner) is encoded once.
    """
    memo = {} if memo is None else memo
    pad = "  " * depth
    if isinstance(value, dict) and _nested(value):
        inner = ",\n".join(
            f"{pad}  {_dumps(key)}: {pretty_json(item, depth + 1, memo)}"
            for key, item in value.items()
        )
        return "{\n" + inner + "\n" + pad + "}"
    if _records(value):
        if _nested(value[0]):
            lines = [pretty_json(item, depth + 1, memo) for item in value]
        else:  # records of one list share their shape: flat ones are encoded whole, once
            lines = [
                memo.get(id(item)) or memo.setdefault(id(item), _dumps(item)) for item in value
            ]
        return "[\n" + ",\n".join(f"{pad}  {line}" for line in lines) + "\n" + pad + "]"
    return _dumps(value)


def csv_text(view: AuditView, lang: str) -> str:
    """Return the CSV for Excel: BOM, CRLF line ends, one finding per row, headers in *lang*."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(f"audit.col.{column}", lang) for column in CSV_COLUMNS])
    for finding in view.report.findings:
        role = finding.owner_role
        writer.writerow(
            [
                finding.rule,
                rule_label(finding.rule, lang),
                severity_label(finding.severity, lang),
                finding.id,
                finding.title,
                finding.file,
                finding.line,
                role or "",
                view.kb.roster.role_title(role) if role else "",
                people_text(finding.owner_people, lang),
                finding.due.isoformat() if finding.due else "",
                finding.message(lang),
            ]
        )
    return "\ufeff" + buffer.getvalue()


def write_csv(view: AuditView, out: TextIO, lang: str) -> None:
    """Write the CSV; when *out* is a real file, bytes go out untranslated (CRLF kept)."""
    text = csv_text(view, lang)
    binary = getattr(out, "buffer", None)
    if binary is not None:
        out.flush()
        binary.write(text.encode("utf-8"))
        binary.flush()
    else:
        out.write(text)
