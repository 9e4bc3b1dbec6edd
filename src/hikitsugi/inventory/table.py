"""The 業務棚卸表 as plain rows: one per runbook, in the vocabulary's words.

The figures come from facts/workload.py; this module only lays them out. Cells are str for
words, int for counts, float for hours and minutes, None when the runbook does not say.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hikitsugi import vocabulary
from hikitsugi.facts.workload import workload
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase, Runbook
from hikitsugi.vocabulary import TRANSFER_METHODS, ZONES, word

Cell = str | int | float | datetime.date | None

register(
    {
        "inventory.col.id": ("手順書 id", "Runbook id"),
        "inventory.col.title": ("手順書", "Runbook"),
        "inventory.col.owner": ("担当ポスト", "Owner post"),
        "inventory.col.kind": ("種別", "Kind"),
        "inventory.col.status": ("状態", "Status"),
        "inventory.col.zones": ("ネットワーク区分", "Zones"),
        "inventory.col.transfer": ("データ移動: {method}", "Transfers: {method}"),
        "inventory.col.cases": ("年間件数", "Cases a year"),
        "inventory.col.minutes": ("1 件あたりの時間 (分)", "Minutes a case"),
        "inventory.col.hours": ("年間の時間 (時間)", "Hours a year"),
        "inventory.col.rekey-hours": ("うち再入力 (時間/年)", "Of which re-keying (hours a year)"),
        "inventory.col.reviewed": ("最終見直し", "Last reviewed"),
        "inventory.zone-separator": ("、", ", "),
    }
)

# What a column holds: a spreadsheet sums counts and decimals, and sorts dates as dates.
TEXT, COUNT, DECIMAL, DATE = "text", "count", "decimal", "date"
FIGURES = (("cases", COUNT), ("minutes", DECIMAL), ("hours", DECIMAL), ("rekey-hours", DECIMAL))


@dataclass(frozen=True)
class Inventory:
    header: tuple[str, ...]
    kinds: tuple[str, ...]  # per column: TEXT, COUNT, DECIMAL or DATE
    rows: tuple[tuple[Cell, ...], ...]


def _zones(runbook: Runbook, lang: str) -> str:
    used = {step.zone for step in runbook.steps if step.zone}
    used |= {z for s in runbook.steps if s.transfer for z in (s.transfer.source, s.transfer.target)}
    separator = t("inventory.zone-separator", lang)
    return separator.join(vocabulary.zone(z, lang) for z in ZONES if z in used)


def _row(kb: KnowledgeBase, runbook: Runbook, lang: str) -> tuple[Cell, ...]:
    figures = workload(runbook)
    methods = [s.transfer.method for s in runbook.steps if s.transfer]
    return (
        runbook.id,
        runbook.title,
        kb.roster.role_title(runbook.owner) if runbook.owner else "",
        word("kind", runbook.kind, lang),
        word("status", runbook.status, lang),
        _zones(runbook, lang),
        *(methods.count(method) for method in TRANSFER_METHODS),
        figures.cases_per_year,
        figures.minutes_per_case,
        figures.hours_per_year,
        figures.rekey_hours_per_year,
        runbook.reviewed_on,
    )


def inventory(kb: KnowledgeBase, lang: str) -> Inventory:
    """Return the inventory of every runbook of *kb*, by owner post (roster order) then id."""
    keys = ["id", "title", "owner", "kind", "status", "zones"]
    header = [t(f"inventory.col.{key}", lang) for key in keys]
    header += [
        t("inventory.col.transfer", lang, method=word("method", m, lang)) for m in TRANSFER_METHODS
    ]
    header += [t(f"inventory.col.{key}", lang) for key, _ in FIGURES]
    header.append(t("inventory.col.reviewed", lang))
    kinds = [TEXT] * len(keys) + [COUNT] * len(TRANSFER_METHODS)
    kinds += [kind for _, kind in FIGURES] + [DATE]
    post_order = {role: index for index, role in enumerate(kb.roster.roles)}
    runbooks = sorted(
        kb.runbooks.values(),
        key=lambda r: (post_order.get(r.owner or "", len(post_order)), r.id),
    )
    return Inventory(tuple(header), tuple(kinds), tuple(_row(kb, r, lang) for r in runbooks))
