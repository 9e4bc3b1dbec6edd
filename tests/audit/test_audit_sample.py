"""The sample city: the audit agrees with a plain reading of format v1's table; docs commands work."""

from __future__ import annotations

import calendar
import datetime
import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import REPO
from hikitsugi import schema

DAYS = ("2026-11-27", "2027-04-01")  # the day this was written, and the next 1 April


def _add_months(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _due(reviewed: datetime.date, every: str) -> datetime.date:
    count, unit = every.split()
    n, unit = int(count), unit.rstrip("s")
    if unit in ("day", "week"):
        return reviewed + datetime.timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(reviewed, n * (12 if unit == "year" else 1))


def _load(pattern: str) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(REPO.glob(pattern))]


def oracle(day: datetime.date) -> set[tuple[str, str]]:
    """Format v1's audit table read literally, written independently of hikitsugi.audit.rules."""
    config = yaml.safe_load((REPO / "hikitsugi.yml").read_text(encoding="utf-8"))
    roster = yaml.safe_load((REPO / "roster.yml").read_text(encoding="utf-8"))
    standards = {d["id"]: d for d in _load("standards/**/*.yml")}
    runbooks = [{**standards.get(d.get("extends"), {}), **d} for d in _load("runbooks/**/*.yml")]
    status = {d["id"]: d.get("status", "active") for d in runbooks}
    # YAML 1.1 (PyYAML) reads the key `on` as True; hikitsugi's loader keeps it as written
    cutover_on = {d["id"]: d["cutover"][True] for d in runbooks if "cutover" in d}
    items = [("runbook", d) for d in runbooks] + [
        ("checklist", d) for d in _load("checklists/**/*.yml")
    ]
    found = set()
    for kind, d in items:
        state = d.get("status", "active") if kind == "runbook" else "active"
        if state != "retired" and not d.get("owner"):
            found.add(("no-owner", d["id"]))
        if state != "active":
            continue
        untils = [
            a.get("until")
            for p in roster["people"]
            for a in p["assignments"]
            if a["role"] == d.get("owner")
            and a["from"] <= day
            and (a.get("until") is None or day <= a["until"])
        ]
        if d.get("owner") and not untils:
            found.add(("vacant-owner", d["id"]))
        if "reviewed_on" not in d:
            found.add(("never-reviewed", d["id"]))
        else:
            due = _due(
                d["reviewed_on"], d.get("review_every") or config.get("review_every", "12 months")
            )
            if day > due:
                found.add(("stale", d["id"]))
            elif (due - day).days <= config.get("due_soon_days", 30):
                found.add(("due-soon", d["id"]))
        window = datetime.timedelta(days=config.get("handover_window_days", 60))
        if any(u is not None and u <= day + window for u in untils):
            found.add(("owner-leaving", d["id"]))
        if kind == "runbook" and not d.get("deputies"):
            found.add(("no-deputy", d["id"]))
        if kind == "runbook" and any(
            status.get(t) == "retired" for t in d.get("uses", []) + d.get("related", [])
        ):
            found.add(("retired-in-use", d["id"]))
        for tool in d.get("uses", []) if kind == "runbook" else []:
            on = cutover_on.get(tool)
            reviewed = d.get("reviewed_on")
            if on is not None and on <= day and (reviewed is None or reviewed < on):
                found.add(("cutover-unreviewed", d["id"]))
            elif on is not None and 0 < (on - day).days <= config.get("due_soon_days", 30):
                found.add(("cutover-soon", d["id"]))
    return found | _run_findings(config, runbooks, day)


def _run_findings(
    config: dict[str, Any], runbooks: list[dict[str, Any]], day: datetime.date
) -> set[tuple[str, str]]:
    """missed-run and self-checked (format v1.1) read literally: walk every day since records.since."""
    records = config.get("records", {})
    since, grace = records.get("since"), datetime.timedelta(days=records.get("grace_days", 7))
    runs = _load("records/runs/**/*.yml")
    found = set()
    for d in runbooks:
        checklist = d.get("checklist", {})
        if d.get("status", "active") != "active" or not checklist.get("record") or not since:
            continue
        dates = [r["date"] for r in runs if r["checklist"] == d["id"]]
        cursor = since
        while cursor < day:
            for first, last in _starting_on(cursor, d.get("schedule", [])):
                if last + grace < day and not any(first <= x <= last + grace for x in dates):
                    found.add(("missed-run", d["id"]))
            cursor += datetime.timedelta(days=1)
        if checklist.get("two_person"):
            for r in runs:
                mine = r["checklist"] == d["id"] and r["date"] <= day
                if mine and r.get("checked_by") in (None, r["performed_by"]):
                    found.add(("self-checked", d["id"]))
    return found


def _starting_on(
    day: datetime.date, schedule: list[dict[str, Any]]
) -> list[tuple[datetime.date, datetime.date]]:
    """The (first, last) days of the schedule entries that start on *day*."""
    spans = []
    last_of_month = calendar.monthrange(day.year, day.month)[1]
    for entry in schedule:
        if "monthly" in entry:
            if day.day == min(entry["monthly"], last_of_month):
                spans.append((day, day))
        elif day.strftime("%m-%d") == entry["from"]:
            until = entry.get("until", entry["from"])
            last = datetime.date(day.year, int(until[:2]), int(until[3:]))
            spans.append((day, last if last >= day else last.replace(year=day.year + 1)))
    return spans


Cli = Callable[..., tuple[int, str, str]]


@pytest.mark.parametrize("day", DAYS)
def test_sample_city_findings_match_the_table(cli: Cli, day: str) -> None:
    code, out, err = cli(
        "audit", "--root", str(REPO), "--as-of", day, "--format", "json", "--no-git"
    )
    assert code in (0, 1), err
    data = json.loads(out)
    jsonschema.Draft202012Validator(schema.raw("audit-report.schema.json")).validate(data)
    assert data["summary"]["skipped"] == []
    assert {(f["rule"], f["id"]) for f in data["findings"]} == oracle(
        datetime.date.fromisoformat(day)
    )


def test_the_published_audit_schema_is_the_packaged_one() -> None:
    published = REPO / "docs" / "audit-report.schema.json"
    assert published.read_text(encoding="utf-8") == schema.text("audit-report.schema.json")


def _doc_commands() -> list[list[str]]:
    text = (REPO / "docs" / "audit.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    lines = [
        line.split("#")[0].split("&&")[0].strip() for block in blocks for line in block.splitlines()
    ]
    return [shlex.split(line)[1:] for line in lines if line.startswith("hikitsugi audit")]


def test_docs_show_commands() -> None:
    assert len(_doc_commands()) >= 6


@pytest.mark.parametrize("args", _doc_commands(), ids=lambda a: " ".join(a))
def test_every_command_in_the_docs_runs_on_the_sample_city(
    cli: Cli, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # -o files land here
    code, out, err = cli(*args, "--root", str(REPO))
    assert code in (0, 1), err
    assert out or list(tmp_path.iterdir())
