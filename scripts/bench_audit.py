#!/usr/bin/env python3
"""Benchmark `hikitsugi audit` on N synthetic runbooks against the parse floor.

The parse floor is PyYAML's C loader (`yaml.load(text, Loader=yaml.CSafeLoader)`) reading the
same files in the same run. Targets (issue 4): cold (no cache) ≤ 1.3 × floor, warm (cache)
≤ 0.2 × floor. Prints one line per figure and the ratios; exits 0 (figures, not a test).

    .venv/bin/python scripts/bench_audit.py [N ...]      # default N = 10000
"""

from __future__ import annotations

import datetime
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def best_of(
    runs: int, work: Callable[[], object], before: Callable[[], None] = lambda: None
) -> float:
    """Return the best wall time of *runs* runs of *work* (each preceded by *before*, untimed)."""
    times = []
    for _ in range(runs):
        before()
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


FLOOR = """
import sys, yaml, pathlib
for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.yml')):
    yaml.load(path.read_bytes().decode('utf-8'), Loader=yaml.CSafeLoader)
"""


def process(command: list[str]) -> Callable[[], object]:
    """Return a callable that runs *command* as a whole process, like a user (as bench_check does)."""

    def run() -> object:
        done = subprocess.run(
            command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        if done.returncode not in (0, 1):  # 1 = findings; anything else means the figure is void
            raise SystemExit(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}"
            )
        return done

    return run


def bench(n: int, root: Path) -> None:
    """Generate N runbooks; time the floor, cold and warm audit; print figures and ratios."""
    from hikitsugi.audit.rules import audit
    from hikitsugi.check.checker import check

    source = generate(root, n)
    python = sys.executable
    floor_run = process([python, "-c", FLOOR, str(root)])
    command = [
        python,
        "-m",
        "hikitsugi",
        "audit",
        "--root",
        str(root),
        "--as-of",
        DAY.isoformat(),
        "--no-git",
    ]
    audit_run = process(command)
    floor = cold = warm = float("inf")
    # Interleaved rounds, so that each ratio compares runs made under the same machine load.
    for _ in range(3):
        floor = min(floor, best_of(1, floor_run))
        cold = min(
            cold,
            best_of(
                1, audit_run, before=lambda: shutil.rmtree(root / ".cache", ignore_errors=True)
            ),
        )
        warm = min(warm, best_of(1, audit_run))  # the cold run left the cache filled
    warm_json = best_of(3, process([*command, "--format", "json"]))
    check_warm = best_of(3, lambda: check(root))
    kb = check(root).kb
    rules = best_of(3, lambda: audit(kb, DAY))
    report = audit(kb, DAY)
    print(f"audit N={n} ({source}): {len(report.findings)} findings, health {report.health:.1%}")
    print(f"  parse floor (CSafeLoader)    {floor:7.2f} s")
    print(
        f"  audit cold (no cache)        {cold:7.2f} s = {cold / floor:4.2f} x floor (target <= 1.3)"
    )
    print(
        f"  audit warm (cache)           {warm:7.2f} s = {warm / floor:4.2f} x floor (target <= 0.2)"
    )
    print(f"  audit warm --format json     {warm_json:7.2f} s = {warm_json / floor:4.2f} x floor")
    print(f"    in-process check (warm)    {check_warm:7.2f} s = {check_warm / floor:4.2f} x floor")
    print(f"    in-process 8 rules         {rules:7.2f} s = {rules / floor:5.3f} x floor")


def main(argv: list[str]) -> int:
    """Bench each size given (default 10000); figures, not a test: always exit 0."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for n in [int(arg) for arg in argv] or [10_000]:
        with tempfile.TemporaryDirectory(prefix="hikitsugi-bench-audit-") as tmp:
            bench(n, Path(tmp) / "kb")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
