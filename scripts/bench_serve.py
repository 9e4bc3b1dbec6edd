"""Benchmark: `hikitsugi serve`'s rebuild after one edit, against its first build (N=1000 runbooks).

Prints the first build, the rebuild after editing one step of one runbook (check included: what
the user waits for between saving and seeing the page) and their ratio. Target: rebuild < 2 s.
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


def measure(workdir: Path, n: int) -> tuple[float, float]:
    """Return the seconds of the first build and of the rebuild after one edit."""
    root = workdir / f"kb-{n}"
    generate_kb(root, n)
    with config_file_of(root, print) as (config_file, lang):
        builder = Builder(root, config_file, workdir / f"site-{n}", DAY, print, lang)
        started = time.perf_counter()
        assert builder(), "the first build failed"
        first = time.perf_counter() - started
        runbook = root / "runbooks" / "group-000" / "rb-00007.yml"
        text = runbook.read_text(encoding="utf-8")
        runbook.write_text(
            text.replace("  - id: step-0\n", "  - id: step-0a\n", 1), encoding="utf-8"
        )
        started = time.perf_counter()
        assert builder(), "the rebuild failed"
        again = time.perf_counter() - started
    return first, again


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="hikitsugi-bench-serve-") as folder:
        for n in counts:
            first, again = measure(Path(folder), n)
            print(
                f"N={n:>5}: first build {first:5.1f} s, rebuild after one edit {again:4.2f} s "
                f"(x{first / again:.0f} faster; target < 2 s)",
                flush=True,
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
