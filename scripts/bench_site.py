"""Benchmark: the MkDocs site build for N synthetic runbooks (default 200, 1000, 2000).

Prints build time, output size per page, the hikitsugi plugin's share of the build time and the
ratios when the runbooks double. Targets: plugin <= 15 % of the build; doubling <= 2.2x time and
size. Not a test. Run: .venv/bin/python scripts/bench_site.py [N ...]
"""

from __future__ import annotations

import datetime
import itertools
import math
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from benchlib import generate_kb

from hikitsugi import mkdocs_plugin
from hikitsugi.check.checker import check
from hikitsugi.render.site.publish import mkdocs_build

DAY = datetime.date(2026, 11, 27)
MKDOCS_YML = """site_name: ベンチ市
use_directory_urls: false
theme:
  name: material
  language: ja
  font: false
  features: [navigation.prune]
plugins:
  - hikitsugi
"""


def measure(workdir: Path, n: int) -> dict[str, float]:
    """Build the site of a synthetic KB of *n* runbooks; return its figures."""
    root = workdir / f"kb-{n}"
    generate_kb(root, n)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# ベンチ市\n", encoding="utf-8")
    target = workdir / f"site-{n}"
    started = time.perf_counter()
    check(root)  # `hikitsugi build` checks first; the plugin's own check then reads the cache
    checked = time.perf_counter()
    mkdocs_build(root, target, DAY, report=lambda _: None)
    seconds = time.perf_counter() - checked
    total_seconds = time.perf_counter() - started
    pages = list(target.rglob("*.html"))
    html_bytes = sum(p.stat().st_size for p in pages)
    total_bytes = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    plugin = sum(mkdocs_plugin.LAST_TIMINGS.values())
    return {
        "n": n,
        "seconds": seconds,
        "check": checked - started,
        "total_seconds": total_seconds,
        "pages": len(pages),
        "per_page": html_bytes / len(pages),
        "html": html_bytes,
        "total": total_bytes,
        "plugin": plugin,
    }


def main(counts: list[int]) -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="hikitsugi-bench-site-") as folder:
        for n in counts:
            row = measure(Path(folder), n)
            rows.append(row)
            print(
                f"N={n:>5}: check {row['check']:5.1f} s + mkdocs build {row['seconds']:6.1f} s, {row['pages']:>5} pages, "
                f"{row['per_page'] / 1024:5.1f} KB/page, site {row['total'] / 2**20:6.1f} MB, "
                f"plugin {row['plugin']:5.2f} s = {row['plugin'] / row['seconds']:4.0%} of the mkdocs build",
                flush=True,
            )
    for small, large in itertools.pairwise(rows):
        factor = large["n"] / small["n"]
        time_ratio = large["total_seconds"] / small["total_seconds"]
        size_ratio = large["total"] / small["total"]
        # Scale the ratios to one doubling, so 200 -> 1000 (x5) is comparable with 1000 -> 2000.
        per_doubling_time = time_ratio ** (1 / max(1e-9, math.log2(factor)))
        per_doubling_size = size_ratio ** (1 / max(1e-9, math.log2(factor)))
        print(
            f"N {small['n']} -> {large['n']} (x{factor:g}): time x{time_ratio:.2f}, size x{size_ratio:.2f}; "
            f"per doubling: time x{per_doubling_time:.2f}, size x{per_doubling_size:.2f} (target <= 2.2)"
        )
    worst = max(r["plugin"] / r["seconds"] for r in rows)
    print(f"plugin share, worst: {worst:.0%} (target <= 15 %)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [200, 1000, 2000])
