"""`hikitsugi build`: check the KB, then build the site; the old site stays until the new one is whole."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TextIO

from hikitsugi.check.checker import check
from hikitsugi.commands.check import print_text
from hikitsugi.commands.common import add_as_of, add_root, as_of, output_path
from hikitsugi.i18n import register, t

register(
    {
        "opt.site-dir": (
            "サイトの出力先 (既定: ROOT/site)",
            "where to write the site (default: ROOT/site)",
        ),
        "opt.strict": (
            (
                "mkdocs.yml に hooks: や hikitsugi・MkDocs・Material 以外のプラグイン (コードを実行するもの)、"
                "LGWAN・file:// で動かない設定 (CDN・Google Fonts・フォルダ形式の URL・search) があれば作らない"
            ),
            (
                "refuse a mkdocs.yml with hooks: or plugins other than hikitsugi's, MkDocs' and "
                "Material's (they run code), or settings that break LGWAN or file:// use"
            ),
        ),
        "build.checking": (
            "ナレッジベースを検査しています: {root}",
            "checking the knowledge base: {root}",
        ),
        "build.check-failed": (
            "エラーがあるためサイトを作りませんでした。前のサイトはそのままです",
            "not building the site because of the errors above; the previous site is unchanged",
        ),
        "build.check-failed-first": (
            "エラーがあるためサイトを作りませんでした。上のエラーを直してから、もう一度 hikitsugi build を実行してください",
            "not building the site because of the errors above: fix them, then run hikitsugi build again",
        ),
        "build.building": (
            "サイトを作っています ({runbooks} 件の手順書、{day} 時点)",
            "building the site ({runbooks} runbooks, as of {day})",
        ),
        "build.done": (
            "サイトを {site} に作りました ({seconds:.1f} 秒)",
            "built the site in {site} ({seconds:.1f} s)",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `build`."""
    add_root(parser, lang)
    parser.add_argument("--site-dir", type=output_path(lang), help=t("opt.site-dir", lang))
    add_as_of(parser, lang)
    parser.add_argument("--strict", action="store_true", help=t("opt.strict", lang))


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Check, build, swap; return 0 on success, 1 when the KB has errors."""
    from hikitsugi.render.site.publish import build_site
    from hikitsugi.render.site.site_folder import refuse_unsafe

    day = as_of(options.as_of)
    root: Path = options.root
    site_dir: Path = options.site_dir or root / "site"
    refuse_unsafe(root, site_dir)  # before any work: a refused folder leaves no trace
    out.write(t("build.checking", lang, root=root) + "\n")
    result = check(root, use_cache=not options.no_cache)
    if result.errors:
        print_text(result, out, lang)
        first = not site_dir.is_dir() or not any(site_dir.iterdir())
        out.write(t("build.check-failed-first" if first else "build.check-failed", lang) + "\n")
        return 1
    out.write(t("build.building", lang, runbooks=len(result.kb.runbooks), day=day) + "\n")
    started = time.perf_counter()
    build_site(
        root, site_dir, day, report=lambda line: print(line, file=out), strict=options.strict
    )
    out.write(t("build.done", lang, site=site_dir, seconds=time.perf_counter() - started) + "\n")
    return 0
