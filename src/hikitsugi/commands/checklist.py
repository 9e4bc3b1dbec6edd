"""`hikitsugi checklist ID`: a runbook's or a standalone checklist, ready to print and sign."""

from __future__ import annotations

import argparse
from typing import TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.commands.loading import load_checked
from hikitsugi.commands.printing import add_output, check_output, emit
from hikitsugi.i18n import register, t

register(
    {
        "checklist.opt-id": ("手順書またはチェックリストの id", "id of a runbook or a checklist"),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `checklist`."""
    parser.add_argument("id", help=t("checklist.opt-id", lang))
    add_output(parser, lang)
    add_as_of(parser, lang)
    add_root(parser, lang)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Render the checklist and write it."""
    from hikitsugi.render.print.documents import checklist_html
    from hikitsugi.render.template_errors import template_errors

    check_output(options)
    day = as_of(options.as_of)
    kb = load_checked(options, lang)
    with template_errors():
        html = checklist_html(kb, options.id, day)
    return emit(html, kb, options, out, lang, name=options.id)
