"""`hikitsugi handover --person ID`: the handover pack (事務引継書) of one person."""

from __future__ import annotations

import argparse
from typing import TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.commands.loading import load_checked
from hikitsugi.commands.printing import add_output, check_output, emit
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t

register(
    {
        "handover.opt-person": ("引き継ぐ職員 (前任者) の id", "id of the person handing over"),
        "handover.to-self": (
            "--to に前任者と同じ職員 ({id}) は指定できません",
            "--to cannot name the person handing over ({id})",
        ),
        "handover.opt-to": (
            "後任者の id (既定: roster.yml に記載された後任)",
            "id of the successor (default: the one roster.yml names)",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `handover`."""
    parser.add_argument(
        "--person", required=True, metavar="ID", help=t("handover.opt-person", lang)
    )
    parser.add_argument("--to", metavar="PERSON", help=t("handover.opt-to", lang))
    add_output(parser, lang)
    add_as_of(parser, lang)
    add_root(parser, lang)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Render the pack and write it; NothingToPrint (exit 1) when there is nothing."""
    from hikitsugi.render.print.documents import handover_html
    from hikitsugi.render.print.packs import find_person
    from hikitsugi.render.template_errors import template_errors

    check_output(options)
    day = as_of(options.as_of)
    kb = load_checked(options, lang)
    person = find_person(kb, options.person, lang)
    successor = find_person(kb, options.to, lang) if options.to else None
    if successor is not None and successor.id == person.id:
        raise UsageError("handover.to-self", id=person.id)
    with template_errors():
        html = handover_html(kb, person, day, successor)
    return emit(html, kb, options, out, lang)
