"""Whether a runbook or a checklist has a checklist to print and record: decided once."""

from __future__ import annotations

from hikitsugi.model import Checklist, Runbook


def has_checklist(item: Runbook | Checklist) -> bool:
    """Say whether *item* has checklist lines (a standalone checklist's items, a runbook's checks)."""
    if isinstance(item, Checklist):
        return bool(item.items)
    return bool(item.checklist_items) or any(step.check for step in item.steps)
