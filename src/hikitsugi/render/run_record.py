"""A run record records/runs/<fiscal year>/<checklist>-<date>[-n].yml, as `hikitsugi run` writes it."""

from __future__ import annotations

import json
from pathlib import Path

from hikitsugi.facts import fiscal
from hikitsugi.model import KnowledgeBase, Run

RUNS_FOLDER = "records/runs"


def run_folder(kb: KnowledgeBase, run: Run) -> Path:
    """Return the folder of the run's fiscal year (records/runs/2026 for 2026-04-01..2027-03-31)."""
    year = fiscal.start(run.date, kb.config.fiscal_year_start).year
    return kb.root / RUNS_FOLDER / str(year)


def run_path(kb: KnowledgeBase, run: Run) -> Path:
    """Return the first free name <checklist>-<date>.yml, -2.yml, -3.yml … in the run's folder."""
    folder = run_folder(kb, run)
    stem = f"{run.checklist}-{run.date.isoformat()}"
    target, count = folder / f"{stem}.yml", 1
    while target.exists():
        count += 1
        target = folder / f"{stem}-{count}.yml"
    return target


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def run_yaml(kb: KnowledgeBase, run: Run) -> str:
    """Return the run as YAML text, Japanese kept as text, with names as comments."""

    def name(person_id: str) -> str:
        person = kb.roster.person(person_id)
        return f"  # {person.name}" if person else ""

    item = kb.runbooks.get(run.checklist) or kb.checklists.get(run.checklist)
    lines = [
        "# yaml-language-server: $schema=../../../docs/schema/run.schema.json",
        f"checklist: {run.checklist}" + (f"  # {item.title}" if item else ""),
        f"date: {run.date.isoformat()}",
        f"performed_by: {run.performed_by}{name(run.performed_by)}",
    ]
    if run.checked_by:
        lines.append(f"checked_by: {run.checked_by}{name(run.checked_by)}")
    if run.revision:
        lines.append(f"revision: {run.revision.isoformat()}")
    if run.exceptions:
        lines.append("exceptions:")
        for exception in run.exceptions:
            item_text = str(exception.item) if isinstance(exception.item, int) else exception.item
            lines += [f"  - item: {item_text}", f"    note: {_quoted(exception.note)}"]
    return "\n".join(lines) + "\n"
