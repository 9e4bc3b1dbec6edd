"""`hikitsugi onboarding --role ID`: what a newcomer to a post reads, in the year's order."""

from __future__ import annotations

import argparse
from typing import TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.commands.loading import load_checked
from hikitsugi.commands.printing import add_output, check_output, emit
from hikitsugi.i18n import register, t

register(
    {
        "onboarding.opt-role": ("ポストの id (roster.yml)", "id of the post (roster.yml)"),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `onboarding`."""
    parser.add_argument("--role", required=True, metavar="ID", help=t("onboarding.opt-role", lang))
    add_output(parser, lang)
    add_as_of(parser, lang)
    add_root(parser, lang)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Render the pack and write it."""
    from hikitsugi.render.print.documents import onboarding_html
    from hikitsugi.render.print.packs import find_role
    from hikitsugi.render.template_errors import template_errors

    check_output(options)
    day = as_of(options.as_of)
    kb = load_checked(options, lang)
    role = find_role(kb, options.role, lang)
    with template_errors():
        html = onboarding_html(kb, role, day)
    return emit(html, kb, options, out, lang, name=role)
