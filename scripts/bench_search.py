#!/usr/bin/env python3
"""Benchmark: search index size and query time for N synthetic runbooks (default 1000, 5000).

For each N: builds the index as the site does (readings included), loads it with the site's own
script in headless Chromium over file://, runs every query of tests/search_queries.yml and
benchlib's words (alone and in pairs) several times, and prints the index size, the time to
build it, the first query (which also prepares the index) and the 50th/95th percentile and
maximum of the others; and the 95th percentile of each query's best round, less swayed by other
work on a shared machine (the load average is printed too). Target: p95 under 100 ms. Not a
test. Run:

    .venv/bin/python scripts/bench_search.py [N ...]
"""

from __future__ import annotations

import datetime
import gzip
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from benchlib import WORDS, generate_kb
from playwright.sync_api import sync_playwright

from hikitsugi.check.checker import check
from hikitsugi.render.site.pages import ASSETS
from hikitsugi.render.site.search import search_index

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "search_queries.yml"
ROUNDS = 3
PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8">
<script src="assets/hikitsugi/search-index.js"></script>
<script src="assets/hikitsugi/hikitsugi.js"></script></head><body></body></html>
"""
MEASURE = """queries => {
  const index = window.HIKITSUGI_SEARCH_INDEX, times = [];
  for (const q of queries) {
    const start = performance.now();
    window.hikitsugiSearch(index, q);
    times.push(performance.now() - start);
  }
  return times;
}"""


def queries() -> list[str]:
    """The query set's words, benchlib's words and pairs of them: what staff type."""
    asked = [q["q"] for q in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]]
    asked += WORDS + [f"{a} {b}" for a, b in zip(WORDS, WORDS[3:] + WORDS[:3], strict=True)]
    return asked


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def measure(n: int, browser: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "kb"
        generate_kb(root, n)
        result = check(root, use_cache=False)
        started = time.perf_counter()
        script = search_index(result.kb)
        built = time.perf_counter() - started
        site = Path(folder) / "site"
        (site / "assets" / "hikitsugi").mkdir(parents=True)
        (site / "assets" / "hikitsugi" / "search-index.js").write_text(script, encoding="utf-8")
        js = (ASSETS / "hikitsugi.js").read_bytes()
        (site / "assets" / "hikitsugi" / "hikitsugi.js").write_bytes(js)
        (site / "index.html").write_text(PAGE, encoding="utf-8")
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto((site / "index.html").as_uri())
        page.wait_for_function("window.hikitsugiSearch && window.HIKITSUGI_SEARCH_INDEX")
        asked = queries()
        first = page.evaluate(MEASURE, asked[:1])[0]
        rounds = [page.evaluate(MEASURE, asked) for _ in range(ROUNDS)]
        times = [ms for one in rounds for ms in one]
        best = [min(each) for each in zip(*rounds, strict=True)]
        page.close()
        size = len(script.encode("utf-8"))
        packed = len(gzip.compress(script.encode("utf-8")))
        docs = len(json.loads(script[len("window.HIKITSUGI_SEARCH_INDEX=") : -2])["docs"])
        print(
            f"{n:>6} runbooks ({docs} pages): index {size / 1e6:.1f} MB ({packed / 1e6:.1f} MB gzip), "
            f"built in {built:.1f} s; first query {first:.0f} ms; "
            f"{len(times)} queries: p50 {percentile(times, 0.5):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms; "
            f"best round p95 {percentile(best, 0.95):.1f} ms; load {os.getloadavg()[0]:.1f}"
        )


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 5000]
    print(f"Chromium, headless, {datetime.date.today()}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for n in sizes:
            measure(n, browser)
        browser.close()


if __name__ == "__main__":
    main()
