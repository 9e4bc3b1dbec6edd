"""`hikitsugi check`: report every structural problem of the KB."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from hikitsugi import vocabulary
from hikitsugi.check.checker import CheckResult, check
from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.i18n import register, t

register(
    {
        "check.summary-ok": ("問題はありません ({files} ファイル)", "no problems ({files} files)"),
        "check.summary": (
            "{errors} 件の{error}、{notes} 件の{others} ({files} ファイル)",
            "{errors} {error}(s), {notes} {others} ({files} files)",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `check`."""
    add_root(parser, lang)
    add_as_of(parser, lang)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("opt.format", lang)
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Check, print, and return 0 when valid, 1 when there are errors."""
    today = as_of(options.as_of)  # a run record dated after this day is an error
    result = check(options.root, use_cache=not options.no_cache, build_model=False, today=today)
    if options.format == "json":
        json.dump([p.as_json(lang) for p in result.problems], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_text(result, out, lang)
    return 1 if result.errors else 0


def print_text(result: CheckResult, out: TextIO, lang: str) -> None:
    """Print one line per problem and a summary."""
    out.writelines(problem.format(lang) + "\n" for problem in result.problems)
    files = result.files
    if result.problems:
        notes = len(result.problems) - len(result.errors)
        words = {
            "error": vocabulary.word("severity", "error", lang),
            "others": "/".join(vocabulary.word("severity", s, lang) for s in ("warning", "info")),
        }
        counts = {"errors": len(result.errors), "notes": notes, "files": files}
        out.write(t("check.summary", lang, **counts, **words) + "\n")
    else:
        out.write(t("check.summary-ok", lang, files=files) + "\n")
