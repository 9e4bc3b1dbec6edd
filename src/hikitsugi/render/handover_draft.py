"""The leaver's draft handovers/ID.yml: every duty listed with a blank 経過・現況 to fill in."""

from __future__ import annotations

import datetime
import json

from hikitsugi.model import KnowledgeBase, Person
from hikitsugi.rotation.plan import handover_of


def draft_path(person: Person) -> str:
    """Return where the person's handover note lives, relative to the KB root."""
    return f"handovers/{person.id}.yml"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def draft_yaml(kb: KnowledgeBase, person: Person, day: datetime.date) -> str:
    """Return the draft: each runbook the person owns first, then deputises, with empty state."""
    leaver = handover_of(kb, person, day)
    lines = [
        "# yaml-language-server: $schema=../docs/schema/handover.schema.json",
        f"# {person.name} の事務引継ぎ: 業務ごとの経過・現況 (state) と特記事項 (notes)、方針・意見 (policy)",
        f"person: {person.id}",
        f"date: {day.isoformat()}",
        "duties:",
    ]
    for duty in leaver.duties:
        lines += [
            f"  - runbook: {duty.item.id}  # {duty.item.title}",
            '    state: ""',
            '    notes: ""',
        ]
    if not leaver.duties:
        lines[-1] = "duties: []"
    lines += ['policy: ""', f"remarks: {_quoted('')}"]
    return "\n".join(lines) + "\n"
