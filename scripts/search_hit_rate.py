#!/usr/bin/env python3
"""Measure top-5 search hits of tests/search_queries.yml on a built site, in headless Chromium.

The rate is given per group of queries (runbook, checklist, standard, kana, post, docs) and overall.

    scripts/search_hit_rate.py SITE_DIR [--engine hikitsugi|material] [--file]

`material` reads Material's own results (`.md-search-result__list`, lunr; needs HTTP, since
its worker cannot start over file://); `hikitsugi` reads `[data-search-results]`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from collections import Counter
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
QUERIES = Path(__file__).resolve().parent.parent / "tests" / "search_queries.yml"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the measurement's output readable."""


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve *directory* on 127.0.0.1 at a free port, in a thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--engine", choices=("hikitsugi", "material"), default="hikitsugi")
    parser.add_argument("--file", action="store_true", help="open over file:// instead of HTTP")
    options = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    server = None
    if options.file:
        base = options.site.resolve().as_uri() + "/index.html"
    else:
        server = serve(options.site)
        base = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    selector = (
        ".md-search-result__list" if options.engine == "material" else "[data-search-results]"
    )
    hits = 0
    asked: Counter[str] = Counter()
    found: Counter[str] = Counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        for query in queries:
            page.goto(f"{base}?q={query['q']}")
            try:
                page.wait_for_function(
                    f"document.querySelector('{selector}') && document.querySelector('{selector}').children.length > 0",
                    timeout=4000,
                )
            except Exception:  # noqa: BLE001 - no result in time is a miss, counted below
                print(f"(no results in 4 s for {query['q']})")
            page.wait_for_timeout(150 if options.engine == "material" else 0)
            links = page.eval_on_selector_all(
                f"{selector} > li a, {selector} > li > a", "els => els.map(e => e.href)"
            )
            ids = []
            for link in links:
                name = link.split("#")[0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
                if name not in ids:
                    ids.append(name)
            hit = query["expect"] in ids[:5]
            hits += hit
            group = query.get("group", "runbook")
            asked[group] += 1
            found[group] += hit
            print(
                f"{'ok  ' if hit else 'MISS'} {group:9} {query['kind']:15} {query['q']:22} -> {ids[:5]}"
            )
        browser.close()
    if server:
        server.shutdown()
    for group in asked:
        print(f"  {group:9} {found[group]}/{asked[group]} = {found[group] / asked[group]:.0%}")
    print(
        f"hit rate ({options.engine}, {'file' if options.file else 'http'}): {hits}/{len(queries)} = {hits / len(queries):.0%}"
    )


if __name__ == "__main__":
    main()
