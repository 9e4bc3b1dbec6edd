"""The evidence as CSV for Excel: UTF-8 with a BOM, CRLF line ends, one row per occurrence or run."""

from __future__ import annotations

import csv
import io

from hikitsugi.evidence.labels import labeller
from hikitsugi.evidence.report import Evidence

COLUMNS = (
    "kind",
    "id",
    "name",
    "schedule",
    "first",
    "last",
    "closes",
    "status",
    "date",
    "performed-by",
    "checked-by",
    "revision",
    "self-checked",
    "exceptions",
    "file",
)


def evidence_csv(report: Evidence, lang: str) -> bytes:
    """Return the CSV bytes: a BOM so Excel reads UTF-8, and CRLF as Excel writes it."""
    label = labeller(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([label(column) for column in COLUMNS])
    for control in report.controls:
        for o in control.occurrences:
            writer.writerow(
                [
                    label("kind.occurrence"),
                    control.id,
                    control.title,
                    o.label,
                    o.first.isoformat(),
                    o.last.isoformat(),
                    o.closes.isoformat(),
                    label(f"status.{o.status}"),
                    " ".join(day.isoformat() for day in o.runs),
                    "",
                    "",
                    "",
                    "",
                    "",
                    control.source,
                ]
            )
        for run in control.runs:
            writer.writerow(
                [
                    label("kind.run"),
                    control.id,
                    control.title,
                    "",
                    "",
                    "",
                    "",
                    "",
                    run.date.isoformat(),
                    run.performed_by,
                    run.checked_by,
                    run.revision.isoformat() if run.revision else "",
                    label("yes-mark") if run.self_checked else "",
                    " / ".join(f"{item}: {note}" for item, note in run.exceptions),
                    run.source,
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
