#!/usr/bin/env python3
"""Engine hedge: build the generated pages with Zensical and list what differs from MkDocs.

Zensical (the successor that Material for MkDocs names) does not run MkDocs plugins, so the
pages from hikitsugi.render.site.pages are written to a plain docs folder with a static nav first.

    scripts/zensical_smoke.py [--root DIR] [--zensical PATH]

Exit 0 when every runbook page builds at a URL ending in its id; 3 when zensical is absent.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from hikitsugi.check.checker import check
from hikitsugi.render.site.nav import hand_written, navigation
from hikitsugi.render.site.pages import static_assets
from hikitsugi.render.site.publish import build_site
from hikitsugi.render.site_with_print import prepare, render_files

DAY = datetime.date(2026, 11, 27)
MARKERS = (
    "hk-review",
    "hk-swimlane",
    "hk-steps",
    "assets/hikitsugi/hikitsugi.js",
    "assets/hikitsugi/hikitsugi.css",
)


def write_plain_project(root: Path, folder: Path) -> Path:
    """Write docs/ (hand-written + generated pages) and a plugin-free mkdocs.yml; return it."""
    kb = check(root).kb
    ctx, documents = prepare(kb, DAY)
    docs = folder / "docs"
    if (root / "docs").is_dir():
        shutil.copytree(root / "docs", docs)
    own = hand_written(ctx, [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")])
    for path, content in {**render_files(ctx, documents), **static_assets()}.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = []
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = navigation(ctx, own)
    config["extra_css"] = ["assets/hikitsugi/hikitsugi.css"]
    config["extra_javascript"] = ["assets/hikitsugi/hikitsugi.js"]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def pages_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def outside_urls(html: str) -> list[str]:
    """URLs that a page would load from outside itself (scripts, styles, fonts, images)."""
    loads = re.findall(
        r'<(?:script|img|iframe)[^>]+src="(https?://[^"]+)"|<link[^>]+href="(https?://[^"]+)"', html
    )
    return sorted({a or b for a, b in loads})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument(
        "--zensical", default=os.environ.get("ZENSICAL") or shutil.which("zensical")
    )
    options = parser.parse_args()
    if not options.zensical or not Path(options.zensical).exists():
        print("zensical is not installed: skipped (pip install zensical, or set ZENSICAL=path)")
        return 3
    with tempfile.TemporaryDirectory(prefix="hikitsugi-zensical-") as name:
        folder = Path(name)
        config = write_plain_project(options.root, folder)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(
            [options.zensical, "build", "-f", str(config)],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        print(f"zensical build: exit {done.returncode}")
        print("\n".join((done.stdout + done.stderr).strip().splitlines()[-15:]))
        mkdocs_site = build_site(options.root, folder / "mkdocs-site", DAY)
        zensical_site = folder / "site"
        if done.returncode != 0 or not zensical_site.is_dir():
            return 1
        ours, theirs = pages_of(mkdocs_site), pages_of(zensical_site)
        print(f"pages: mkdocs {len(ours)}, zensical {len(theirs)}")
        print(f"only in mkdocs: {sorted(ours - theirs)[:20]}")
        print(f"only in zensical: {sorted(theirs - ours)[:20]}")
        kb = check(options.root).kb
        missing = [
            i
            for i in kb.runbooks
            if f"runbooks/{i}.html" not in theirs and f"runbooks/{i}/index.html" not in theirs
        ]
        print(f"runbook pages missing in zensical: {missing}")
        sample = next(iter(sorted(kb.runbooks)))
        for candidate in (f"runbooks/{sample}.html", f"runbooks/{sample}/index.html"):
            if (zensical_site / candidate).exists():
                html = (zensical_site / candidate).read_text(encoding="utf-8")
                print(f"{candidate}: markers missing: {[m for m in MARKERS if m not in html]}")
                print(f"{candidate}: loads from outside: {outside_urls(html)}")
                anchors = re.findall(r'<h2 id="([^"]*)"', html)[:4]
                print(f"{candidate}: heading anchors: {anchors}")
                print(
                    f"{candidate}: size zensical {len(html)} B vs mkdocs "
                    f"{(mkdocs_site / f'runbooks/{sample}.html').stat().st_size} B"
                )
        search = sorted(
            p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("*search*")
        )[:5]
        print(f"zensical search files: {search}")
        return 0 if not missing else 1


if __name__ == "__main__":
    sys.exit(main())
