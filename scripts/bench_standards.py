"""Benchmark: the cost of `extends` in check, of diff, and of the calendar (text and .ics).

Prints figures and ratios; not a test. Run: .venv/bin/python scripts/bench_standards.py [N]
"""

from __future__ import annotations

import datetime
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from hikitsugi.calendar.ics import ics_for_all
from hikitsugi.calendar.table import calendar_text
from hikitsugi.check.checker import check
from hikitsugi.render.differences import standards_index
from hikitsugi.resolve.diff import diff_runbook

STANDARDS = 20
STEPS = 12


def _steps(prefix: str) -> list[dict[str, Any]]:
    return [
        {
            "id": f"s{i}",
            "title": f"{prefix} 手順 {i}",
            "zone": "lgwan",
            "check": f"{prefix} {i} を確認した",
        }
        for i in range(STEPS)
    ]


def _runbook(index: int) -> dict[str, Any]:
    return {
        "id": f"rb-{index}",
        "title": f"手順書 {index}",
        "kind": "process",
        "summary": "ベンチマーク用の手順書。",
        "owner": "kakaricho",
        "deputies": ["shusa"],
        "reviewed_on": "2026-06-01",
        "schedule": [
            {"label": "受付", "from": "12-16", "until": "02-28"},
            {"label": "締切", "monthly": 31},
        ],
    }


def write_kb(root: Path, n: int, extend: bool) -> None:
    """Write a KB of *n* runbooks: each extends a standard (with 3 changes) or is written in full."""
    (root / "runbooks").mkdir(parents=True)
    (root / "standards").mkdir()
    (root / "hikitsugi.yml").write_text("organization: ベンチ市\n", encoding="utf-8")
    roles = [{"id": "kakaricho", "title": "係長"}, {"id": "shusa", "title": "主査"}]
    (root / "roster.yml").write_text(
        yaml.safe_dump({"roles": roles, "people": []}, allow_unicode=True), encoding="utf-8"
    )
    for s in range(STANDARDS):
        data = {**_runbook(0), "id": f"std-{s}", "title": f"標準 {s}", "steps": _steps(f"標準{s}")}
        (root / "standards" / f"std-{s}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
    for i in range(n):
        if extend:
            data = {
                "id": f"rb-{i}",
                "extends": f"std-{i % STANDARDS}",
                "title": f"手順書 {i}",
                "steps": [
                    {"id": "s1", "title": "置き換えた手順", "zone": "paper"},
                    {"id": "local", "after": "s3", "title": "追加した手順"},
                    {"id": "s5", "remove": True},
                ],
            }
        else:
            data = {**_runbook(i), "steps": _steps(f"手順書{i}")}
        (root / "runbooks" / f"rb-{i}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )


def timed(action: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Return the best wall time of *repeat* runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(n: int) -> None:
    """Print the figures for a KB of *n* runbooks."""
    with tempfile.TemporaryDirectory() as folder:
        full, extended = Path(folder) / "full", Path(folder) / "extends"
        write_kb(full, n, extend=False)
        write_kb(extended, n, extend=True)
        t_full, _ = timed(lambda: check(full, use_cache=False))
        t_ext, result = timed(lambda: check(extended, use_cache=False))
        assert not result.errors, result.errors[:3]
        kb = result.kb
        t_diff, diffs = timed(lambda: [diff_runbook(kb, r) for r in kb.runbooks.values()])
        t_index, _ = timed(lambda: standards_index(kb, "ja"))
        start, end = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
        t_text, _ = timed(lambda: calendar_text(kb, start, end, "ja"))
        t_ics, data = timed(lambda: ics_for_all(kb, start, end))
    print(f"standards bench: {n} runbooks, {STANDARDS} standards of {STEPS} steps")
    print(f"  check, runbooks written in full : {t_full * 1000:8.1f} ms")
    print(
        f"  check, runbooks with extends    : {t_ext * 1000:8.1f} ms  (ratio {t_ext / t_full:.2f})"
    )
    print(f"  diff of every runbook           : {t_diff * 1000:8.1f} ms  ({len(diffs)} diffs)")
    print(f"  standards index (Markdown)      : {t_index * 1000:8.1f} ms")
    print(f"  calendar text, one fiscal year  : {t_text * 1000:8.1f} ms")
    print(f"  .ics, one fiscal year           : {t_ics * 1000:8.1f} ms  ({len(data) // 1024} KiB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
