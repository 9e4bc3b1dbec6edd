#!/usr/bin/env python3
"""Benchmark `hikitsugi audit` on N synthetic runbooks against the parse floor.

The parse floor is PyYAML's C loader (`yaml.load(text, Loader=yaml.CSafeLoader)`) reading the
same files in the same run. Targets (issue 4): cold (no cache) ≤ 1.3 × floor, warm (cache)
≤ 0.2 × floor. Prints one line per figure and the ratios; exits 0 (figures, not a test).

    .venv/bin/python scripts/bench_audit.py [N]      # default N = 10000
"""

from __future__ import annotations

import datetime
import gc
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

DAY = datetime.date(2026, 11, 27)
ROLES = ("gakudo-kakaricho", "nyusho-shusa", "nyusho-shuji", "riyoryo-shuji", "unei-shuji")


def _generate_minimal(root: Path, n: int) -> None:
    """Write a KB of *n* runbooks with varied owners, reviews and statuses (used without benchlib)."""
    (root / "runbooks").mkdir(parents=True)
    (root / "hikitsugi.yml").write_text("organization: ベンチ市 子ども家庭課\n", encoding="utf-8")
    roles = "".join(f"  - {{id: {r}, title: {r}}}\n" for r in ROLES)
    people = "".join(
        f"  - id: p{i}\n    name: 職員 {i}\n    assignments:\n"
        f"      - {{role: {r}, from: 2024-04-01{', until: 2027-01-15' if i % 2 else ''}}}\n"
        for i, r in enumerate(ROLES[:-1])  # the last role stays vacant
    )
    (root / "roster.yml").write_text(f"roles:\n{roles}people:\n{people}", encoding="utf-8")
    for i in range(n):
        folder = root / "runbooks" / f"g{i // 500:03d}"
        folder.mkdir(exist_ok=True)
        owner = f"owner: {ROLES[i % len(ROLES)]}\n" if i % 37 else ""
        year = 2025 if i % 7 == 0 else 2026  # about one in seven is stale on the bench day
        reviewed = f"reviewed_on: {year}-{1 + i % 11:02d}-{1 + i % 28:02d}\n" if i % 41 else ""
        status = "status: retired\n" if i % 97 == 0 else ""
        uses = f"uses: [rb-{i - i % 97:05d}]\n" if i % 97 and i > 97 else ""
        steps = "".join(
            f"  - id: s{s}\n    title: 手順 {s} を行う\n    zone: lgwan\n    check: 手順 {s} を確認した\n"
            for s in range(6)
        )
        (folder / f"rb-{i:05d}.yml").write_text(
            f"id: rb-{i:05d}\ntitle: 手順書 {i}\nkind: process\n{status}"
            f"summary: 合成された手順書 {i}。ベンチマーク用。\n{owner}deputies: [gakudo-kakaricho]\n{reviewed}{uses}"
            f"tags: [bench, g{i % 10}]\nschedule:\n  - {{label: 受付, from: 10-01, until: 10-31}}\n"
            f"steps:\n{steps}",
            encoding="utf-8",
        )


def generate(root: Path, n: int) -> str:
    """Use scripts/benchlib.generate_kb when the lead's generator exists, else the minimal one."""
    try:
        from benchlib import generate_kb  # type: ignore[import-not-found]
    except ImportError:
        _generate_minimal(root, n)
        return "minimal generator of bench_audit.py"
    generate_kb(root, n)
    return "scripts/benchlib.generate_kb"


def best_of(runs: int, work: Callable[[], object], before: Callable[[], None] = lambda: None) -> float:
    """Return the best wall time of *runs* runs of *work* (each preceded by *before*, untimed)."""
    times = []
    for _ in range(runs):
        before()
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_floor(root: Path) -> float:
    """Time the C loader on every YAML file of the KB."""
    files = sorted(root.rglob("*.yml"))

    def work() -> None:
        for path in files:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    return best_of(3, work)


def main(argv: list[str]) -> int:
    """Generate, time the floor, cold and warm audit; print figures and ratios."""
    from hikitsugi.audit import audit
    from hikitsugi.cli import run
    from hikitsugi.validate import check

    n = int(argv[0]) if argv else 10_000
    root = Path(tempfile.mkdtemp(prefix="hikitsugi-bench-audit-"))
    try:
        source = generate(root, n)
        cache = root / ".cache"
        args = ["audit", "--root", str(root), "--as-of", DAY.isoformat(), "--no-git"]

        def command(*extra: str) -> None:
            run([*args, *extra], io.StringIO(), io.StringIO())

        floor = parse_floor(root)
        cold = best_of(3, command, before=lambda: shutil.rmtree(cache, ignore_errors=True))
        command()  # make sure the cache is written
        warm = best_of(5, command)
        warm_json = best_of(3, lambda: command("--format", "json"))
        kb = check(root).kb
        rules = best_of(5, lambda: audit(kb, DAY))
        check_warm = best_of(3, lambda: check(root))
        report = audit(kb, DAY)
        print(f"audit bench: {n} runbooks ({source}); {len(report.findings)} findings, health {report.health:.1%}")
        print(f"  parse floor (CSafeLoader)   {floor:8.3f} s")
        print(f"  audit cold (no cache)       {cold:8.3f} s   {cold / floor:5.2f} x floor   (target <= 1.3)")
        print(f"  audit warm (cache)          {warm:8.3f} s   {warm / floor:5.2f} x floor   (target <= 0.2)")
        print(f"  audit warm, --format json   {warm_json:8.3f} s   {warm_json / floor:5.2f} x floor")
        print(f"    of which check (warm)     {check_warm:8.3f} s   {check_warm / floor:5.2f} x floor")
        print(f"    of which the 8 rules      {rules:8.3f} s   {rules / floor:5.3f} x floor")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
