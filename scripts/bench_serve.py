"""Benchmark: `hikitsugi serve`'s rebuild after one edit, against its first build (N=1000 runbooks).

Prints the first build and the rebuilds after editing one step, then the summary, of one runbook
(check included: what the user waits for between saving and seeing the page), with the ratios.
Target: rebuild < 2 s.
Not a test. Run: .venv/bin/python scripts/bench_serve.py [N ...]
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from benchlib import generate_kb

from hikitsugi.render.site.serve import Builder, config_file_of

DAY = datetime.date(2026, 11, 27)


def measure(workdir: Path, n: int) -> tuple[float, float, float]:
    """Return the seconds of the first build, of a rebuild after a step edit, after a summary edit."""
    root = workdir / f"kb-{n}"
    generate_kb(root, n)
    runbook = root / "runbooks" / "group-000" / "rb-00007.yml"
    with config_file_of(root, print) as (config_file, lang):
        builder = Builder(root, config_file, workdir / f"site-{n}", DAY, print, lang)
        first = timed(builder)
        edit(runbook, "  - id: step-0\n", "  - id: step-0a\n")  # only steps: step pages
        step = timed(builder)
        edit(runbook, "summary: ", "summary: 改訂。")  # lists, calendars, onboarding too
        summary = timed(builder)
    return first, step, summary


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def timed(builder: Builder) -> float:
    started = time.perf_counter()
    assert builder(), "the build failed"
    return time.perf_counter() - started


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="hikitsugi-bench-serve-") as folder:
        for n in counts:
            first, step, summary = measure(Path(folder), n)
            print(
                f"N={n:>5}: first build {first:5.1f} s; rebuild after editing one step "
                f"{step:4.2f} s (x{first / step:.0f} faster), one summary {summary:4.2f} s "
                f"(x{first / summary:.0f}); target < 2 s",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
