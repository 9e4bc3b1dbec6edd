"""`hikitsugi diff ID`: what a local runbook changes against the standard it extends."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from hikitsugi.check.checker import check
from hikitsugi.commands.common import add_root
from hikitsugi.commands.show import find
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t

register(
    {
        "diff.no-extends": (
            "'{id}' は標準手順書を元にしていません (extends がありません)",
            "'{id}' is not based on a standard (it has no extends)",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `diff`."""
    parser.add_argument("id", help=t("show.opt-id", lang))
    add_root(parser, lang)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("opt.format", lang)
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Print the differences; exit 2 when the runbook extends no standard."""
    from hikitsugi.render.differences import diff_text
    from hikitsugi.resolve.diff import diff_runbook

    result = check(options.root, use_cache=not options.no_cache)
    item = find(result.kb, options.id, result.skipped)
    diff = diff_runbook(result.kb, item) if item.id in result.kb.runbooks else None
    if diff is None:
        raise UsageError("diff.no-extends", id=options.id)
    if options.format == "json":
        json.dump(diff.as_json(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(diff_text(diff, lang))
    return 0
