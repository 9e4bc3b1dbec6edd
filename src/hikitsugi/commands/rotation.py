"""`hikitsugi rotation`: who leaves in the window and everything their posts hand over."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.commands.loading import load_checked
from hikitsugi.errors import UsageError
from hikitsugi.i18n import t
from hikitsugi.rotation.plan import plan
from hikitsugi.rotation.report import as_json, text_lines

MOST_WINDOW_DAYS = 3660  # ten years of rotation: past it the day arithmetic leaves the calendar


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `rotation`."""
    add_root(parser, lang)
    add_as_of(parser, lang)
    parser.add_argument("--window", type=int, metavar="DAYS", help=t("rotation.opt-window", lang))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=t("opt.format", lang)
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Plan the rotation and print it; exit 0."""
    kb = load_checked(options, lang)
    if options.window is not None and not 0 <= options.window <= MOST_WINDOW_DAYS:
        raise UsageError("rotation.bad-window", most=MOST_WINDOW_DAYS, value=options.window)
    result = plan(kb, as_of(options.as_of), options.window)
    if options.format == "json":
        json.dump(as_json(result, kb), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write("\n".join(text_lines(result, kb, lang)) + "\n")
    return 0
