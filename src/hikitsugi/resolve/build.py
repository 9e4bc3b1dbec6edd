"""Build the model once: checked (and `extends`-resolved) plain data → frozen dataclasses.

Every Runbook is built here, whether from freshly checked files or from the audit's snapshot
(audit/cache.py keeps the outline data and comes back through `runbook_from(..., outline=True)`).
Defaults of hikitsugi.yml come from the `default`s of schema/config.schema.json, nowhere else.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from hikitsugi import schema
from hikitsugi.model import (
    Account,
    Assignment,
    Checklist,
    ChecklistItem,
    Config,
    Contact,
    Cutover,
    Duration,
    HandoverDuty,
    HandoverNote,
    HistoryEntry,
    Item,
    Ledger,
    LegalBasis,
    OpenIssue,
    Person,
    Role,
    Roster,
    Run,
    Runbook,
    RunException,
    ScheduleEntry,
    Step,
    Transfer,
    Trouble,
    Volume,
)

# What the audit reads of a runbook or checklist: the outline keeps these keys only.
RUNBOOK_OUTLINE_KEYS = (
    "id",
    "title",
    "kind",
    "summary",
    "status",
    "owner",
    "deputies",
    "reviewed_on",
    "review_every",
    "uses",
    "related",
    "extends",
    "schedule",
    "history",
    "checklist",
    "cutover",
)
CHECKLIST_OUTLINE_KEYS = (
    "id",
    "title",
    "owner",
    "mode",
    "reviewed_on",
    "review_every",
    "record",
    "two_person",
)


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _month_day(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    month, day = text.split("-")
    return int(month), int(day)


def _duration(text: str | None) -> Duration | None:
    return Duration.parse(text) if text else None


def config_from(data: Mapping[str, Any]) -> Config:
    """Build Config from valid hikitsugi.yml data; what it leaves out takes the schema's default."""
    values = {**schema.defaults("config"), **data}
    return Config(
        organization=values.get("organization", ""),
        language=values["language"],
        review_every=Duration.parse(values["review_every"]),
        due_soon_days=values["due_soon_days"],
        handover_window_days=values["handover_window_days"],
        fiscal_year_start=values["fiscal_year_start"],
        max_file_bytes=values["max_file_bytes"],
        standards_paths=tuple(values["standards_paths"]),
        handover_within_days=values["handover"].get("within_days", 7),
        records_since=_date(values["records"].get("since")),
        records_grace_days=values["records"].get("grace_days", 7),
        feedback_email=values.get("feedback_email"),
    )


def config_data(config: Config) -> dict[str, Any]:
    """Return *config* as hikitsugi.yml data (config_from reads it back as the same Config)."""
    return {
        "organization": config.organization,
        "language": config.language,
        "review_every": str(config.review_every),
        "due_soon_days": config.due_soon_days,
        "handover_window_days": config.handover_window_days,
        "fiscal_year_start": config.fiscal_year_start,
        "max_file_bytes": config.max_file_bytes,
        "standards_paths": list(config.standards_paths),
        "handover": {"within_days": config.handover_within_days},
        "records": {
            "grace_days": config.records_grace_days,
            **({"since": config.records_since.isoformat()} if config.records_since else {}),
        },
        **({"feedback_email": config.feedback_email} if config.feedback_email else {}),
    }


def roster_from(data: Mapping[str, Any]) -> Roster:
    """Build Roster from valid roster.yml data."""
    roles = {
        r["id"]: Role(
            r["id"],
            r["title"],
            r.get("section"),
            r.get("reports_to"),
            tuple(Item(**i) for i in r.get("items", ())),
        )
        for r in data.get("roles", [])
    }
    people = tuple(
        Person(
            p["id"],
            p["name"],
            tuple(
                Assignment(a["role"], _date(a["from"]), _date(a.get("until")))  # type: ignore[arg-type]
                for a in p.get("assignments", [])
            ),
        )
        for p in data.get("people", [])
    )
    return Roster(roles, people)


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def roster_data(roster: Roster) -> dict[str, Any]:
    """Return *roster* as roster.yml data (roster_from reads it back as the same Roster)."""
    return {
        "roles": [
            {
                "id": r.id,
                "title": r.title,
                "section": r.section,
                **({"reports_to": r.reports_to} if r.reports_to else {}),
                **({"items": [vars(i) for i in r.items]} if r.items else {}),
            }
            for r in roster.roles.values()
        ],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "assignments": [
                    {"role": a.role, "from": _iso(a.start), "until": _iso(a.until)}
                    for a in p.assignments
                ],
            }
            for p in roster.people
        ],
    }


def _step(data: Mapping[str, Any]) -> Step:
    transfer = data.get("transfer")
    return Step(
        id=data["id"],
        title=data.get("title", data["id"]),
        zone=data.get("zone"),
        role=data.get("role"),
        detail=data.get("detail"),
        check=data.get("check"),
        caution=data.get("caution"),
        transfer=Transfer(transfer["from"], transfer["to"], transfer["method"])
        if transfer
        else None,
        minutes=data.get("minutes"),
    )


def _cutover(data: Mapping[str, Any] | None) -> Cutover | None:
    if not data:
        return None
    return Cutover(_date(data["on"]), data.get("to"), data.get("note"))  # type: ignore[arg-type]


def _header(data: Mapping[str, Any], source: str, line: int) -> dict[str, Any]:
    """The fields every Runbook gets: identity, ownership, review and references."""
    return {
        "id": data["id"],
        "title": data["title"],
        "kind": data["kind"],
        "summary": data["summary"],
        "source": source,
        "line": line,
        "status": data.get("status", "active"),
        "owner": data.get("owner"),
        "deputies": tuple(data.get("deputies", ())),
        "reviewed_on": _date(data.get("reviewed_on")),
        "review_every": _duration(data.get("review_every")),
        "uses": tuple(data.get("uses", ())),
        "related": tuple(data.get("related", ())),
        "extends": data.get("extends"),
        "cutover": _cutover(data.get("cutover")),
        "data": data,
        # what the audit's missed-run and self-checked read, so the outline keeps them
        "schedule": tuple(
            ScheduleEntry(
                e["label"], _month_day(e.get("from")), _month_day(e.get("until")), e.get("monthly")
            )
            for e in data.get("schedule", ())
        ),
        "history": tuple(
            HistoryEntry(_date(h["date"]), h["change"], h.get("by"))  # type: ignore[arg-type]
            for h in data.get("history", ())
        ),
        "record": bool((data.get("checklist") or {}).get("record", False)),
        "two_person": bool((data.get("checklist") or {}).get("two_person", False)),
    }


def _body(data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the pages, printouts and calendar read: steps, schedule, detail sections."""
    checklist = data.get("checklist") or {}
    return {
        "tags": tuple(data.get("tags", ())),
        "volume": Volume(**data["volume"]) if data.get("volume") else None,
        "legal_basis": tuple(
            LegalBasis(b["title"], b.get("article"), b.get("url"))
            for b in data.get("legal_basis", ())
        ),
        "steps": tuple(_step(s) for s in data.get("steps", ())),
        "checklist_mode": checklist.get("mode", "do-confirm"),
        "checklist_items": tuple(checklist.get("items", ())),
        "contacts": tuple(Contact(**c) for c in data.get("contacts", ())),
        "accounts": tuple(Account(**a) for a in data.get("accounts", ())),
        "troubleshooting": tuple(Trouble(**t) for t in data.get("troubleshooting", ())),
        "open_issues": tuple(
            OpenIssue(
                _date(i["since"]),  # type: ignore[arg-type]
                i["text"],
                i.get("progress"),
                i.get("next"),
                _date(i.get("due")),
                i.get("counterpart"),
                _date(i.get("closed_on")),
            )
            for i in data.get("open_issues", ())
        ),
        "ledgers": tuple(Ledger(**entry) for entry in data.get("ledgers", ())),
    }


def runbook_from(
    data: Mapping[str, Any],
    source: str,
    line: int = 1,
    *,
    outline: bool = False,
    standard: bool = False,
    local_data: Mapping[str, Any] | None = None,
) -> Runbook:
    """Build a Runbook from valid (resolved) runbook data.

    With *outline*, only what the audit reads (no steps or detail sections): cheap.
    """
    if outline:
        return Runbook(**_header(data, source, line))
    return Runbook(
        **_header(data, source, line), **_body(data), is_standard=standard, local_data=local_data
    )


def outline_data(data: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """Return the part of runbook or checklist *data* an outline is built from."""
    return {key: data[key] for key in keys if key in data}


def checklist_from(data: Mapping[str, Any], source: str, line: int = 1) -> Checklist:
    """Build Checklist from valid checklist data (an outline's data has no items)."""
    items = tuple(
        ChecklistItem(item)
        if isinstance(item, str)
        else ChecklistItem(item["text"], item.get("role"))
        for item in data.get("items", ())
    )
    return Checklist(
        id=data["id"],
        title=data["title"],
        items=items,
        source=source,
        line=line,
        owner=data.get("owner"),
        mode=data.get("mode", "do-confirm"),
        reviewed_on=_date(data.get("reviewed_on")),
        review_every=_duration(data.get("review_every")),
        purpose=data.get("purpose"),
        record=bool(data.get("record", False)),
        two_person=bool(data.get("two_person", False)),
        data=data,
    )


def handover_from(data: Mapping[str, Any], source: str) -> HandoverNote:
    """Build HandoverNote from valid handovers/*.yml data."""
    return HandoverNote(
        person=data["person"],
        source=source,
        date=_date(data.get("date")),
        duties=tuple(
            HandoverDuty(d["runbook"], d.get("state") or "", d.get("notes") or "")
            for d in data.get("duties", ())
        ),
        policy=data.get("policy") or "",
        remarks=data.get("remarks") or "",
    )


def run_from(data: Mapping[str, Any], source: str) -> Run:
    """Build Run from valid records/runs/*.yml data."""
    return Run(
        checklist=data["checklist"],
        date=_date(data["date"]),  # type: ignore[arg-type]
        performed_by=data["performed_by"],
        source=source,
        checked_by=data.get("checked_by"),
        revision=_date(data.get("revision")),
        exceptions=tuple(RunException(e["item"], e["note"]) for e in data.get("exceptions", ())),
    )


def run_data(run: Run) -> dict[str, Any]:
    """Return *run* as records/runs data (run_from reads it back as the same Run)."""
    data: dict[str, Any] = {
        "checklist": run.checklist,
        "date": run.date.isoformat(),
        "performed_by": run.performed_by,
    }
    if run.checked_by:
        data["checked_by"] = run.checked_by
    if run.revision:
        data["revision"] = run.revision.isoformat()
    if run.exceptions:
        data["exceptions"] = [{"item": e.item, "note": e.note} for e in run.exceptions]
    return data
