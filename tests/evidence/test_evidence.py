"""The evidence report: its counts against an independent count, the CSV bytes, the PDF text."""

from __future__ import annotations

import calendar
import datetime
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, REPO, CliResult
from hikitsugi.check.checker import check
from hikitsugi.evidence.report import evidence

Cli = Callable[..., CliResult]
DAY = datetime.date(2026, 12, 1)


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def independent_count(root: Path, year: int, day: datetime.date) -> dict[str, int]:
    """Count from the files alone: walk each day of the year, test every run file against it."""
    config = _yaml(root / "hikitsugi.yml")
    since = config["records"]["since"]
    grace = datetime.timedelta(days=config["records"].get("grace_days", 7))
    runbooks = [_yaml(p) for p in sorted(root.glob("runbooks/**/*.yml"))]
    recorded = {
        r["id"]: r
        for r in runbooks
        if r.get("checklist", {}).get("record") and r.get("status", "active") == "active"
    }
    recorded |= {
        c["id"]: c for c in map(_yaml, root.glob("checklists/**/*.yml")) if c.get("record")
    }
    runs = [_yaml(p) for p in root.glob("records/runs/**/*.yml")]
    first, last = datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
    runs = [r for r in runs if r["checklist"] in recorded and first <= r["date"] <= last]
    counts = dict.fromkeys(("expected", "recorded", "missed", "open"), 0)
    cursor = max(first, since)
    while cursor <= last:
        for item in recorded.values():
            for entry in item.get("schedule", []):
                end = _ends(entry, cursor)
                if end is None:
                    continue
                answered = any(
                    r["checklist"] == item["id"] and cursor <= r["date"] <= end + grace
                    for r in runs
                )
                closed = end + grace < day
                counts["expected"] += answered or closed
                counts["recorded"] += answered
                counts["missed"] += closed and not answered
                counts["open"] += not closed and not answered
        cursor += datetime.timedelta(days=1)
    paired = [
        r
        for r in runs
        if recorded[r["checklist"]].get("checklist", recorded[r["checklist"]]).get("two_person")
    ]
    counts["runs"] = len(runs)
    counts["two_person_runs"] = len(paired)
    counts["two_person_checked"] = sum(
        r.get("checked_by") not in (None, r["performed_by"]) for r in paired
    )
    counts["exceptions"] = sum(len(r.get("exceptions", [])) for r in runs)
    return counts


def _ends(entry: dict[str, Any], day: datetime.date) -> datetime.date | None:
    """The last day of the occurrence of *entry* starting on *day*, if one does."""
    if "monthly" in entry:
        wanted = min(entry["monthly"], calendar.monthrange(day.year, day.month)[1])
        return day if day.day == wanted else None
    if day.strftime("%m-%d") != entry["from"]:
        return None
    until = entry.get("until", entry["from"])
    end = datetime.date(day.year, int(until[:2]), int(until[3:]))
    return end if end >= day else end.replace(year=day.year + 1)


@pytest.mark.parametrize("root", [REPO, FIXTURES / "runs" / "kb"], ids=["sample", "fixture"])
def test_the_counts_match_an_independent_count(root: Path) -> None:
    kb = check(root, use_cache=False).kb
    summary = evidence(kb, 2026, DAY, "ja").summary
    counts = independent_count(root, 2026, DAY)
    assert {key: getattr(summary, key) for key in counts} == counts


def test_the_sample_city_summary_for_reiwa_8() -> None:
    kb = check(REPO, use_cache=False).kb
    report = evidence(kb, 2026, DAY, "ja")
    s = report.summary
    assert report.year_label == "令和8年度 (2026年度)"
    assert (s.controls, s.owned, s.reviewed, s.with_checklist) == (2, 2, 2, 2)
    assert (s.recorded, s.expected, s.missed) == (23, 26, 3)
    assert (s.two_person_checked, s.two_person_runs, s.exceptions) == (15, 16, 2)


def test_versions_in_force_during_the_year_start_with_the_one_at_its_start() -> None:
    kb = check(FIXTURES / "runs" / "kb", use_cache=False).kb
    git = {"runbooks/monthly.yml": (datetime.date(2026, 9, 1), datetime.date(2025, 1, 1))}
    report = evidence(kb, 2026, DAY, "ja", git)
    monthly = next(c for c in report.controls if c.id == "monthly")
    assert [(v.since.isoformat(), v.source) for v in monthly.versions] == [
        ("2025-04-01", "history"),
        ("2026-06-01", "history"),
        ("2026-09-01", "git"),
    ]


def test_csv_is_utf8_with_bom_and_crlf_for_excel(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "evidence.csv"
    root = FIXTURES / "runs" / "kb"
    args = ("evidence", "--fiscal-year", "2026", "--as-of", "2026-12-01", "--no-git")
    code, _, err = cli(*args, "--format", "csv", "-o", str(target), "--root", str(root))
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data[3:].decode("utf-8").split("\r\n")[:-1]
    assert lines[0].startswith("区分,ID,名称,予定,初日")
    kb = check(root, use_cache=False).kb
    report = evidence(kb, 2026, DAY, "ja")
    rows = sum(len(c.occurrences) + len(c.runs) for c in report.controls)
    assert len(lines) == 1 + rows
    assert "予定,monthly,毎月の締切,締切,2026-06-10,2026-06-10,2026-06-17,記録なし," in data.decode(
        "utf-8-sig"
    )


def test_pdf_and_csv_need_an_output_file(cli: Cli) -> None:
    code, _, err = cli("evidence", "--fiscal-year", "2026", "--format", "pdf", "--root", str(REPO))
    assert code == 2
    assert "-o FILE" in err


@pytest.mark.slow
def test_the_pdf_reads_as_a_document(cli: Cli, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    target = tmp_path / "evidence.pdf"
    code, _, err = cli(
        "evidence",
        "--fiscal-year",
        "2026",
        "--as-of",
        "2026-12-01",
        "--no-git",
        "--format",
        "pdf",
        "-o",
        str(target),
        "--root",
        str(REPO),
    )
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, check=True, text=True
    ).stdout
    for expected in (
        "内部統制 実施状況の証跡",
        "地方自治法 第150条",
        "23 / 26",
        "15 / 16",
        "年度途中の入所・変更・退所の受付",
        "記録なし",
        "本人確認のみ",
    ):
        assert expected in text, expected
