"""`hikitsugi handover --person ID`: the handover pack (事務引継書) of one person."""

from __future__ import annotations

import argparse
import datetime
import json
from typing import TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.commands.loading import load_checked
from hikitsugi.commands.printing import add_output, check_output, emit
from hikitsugi.errors import UsageError, WriteError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_new
from hikitsugi.model import KnowledgeBase, Person

register(
    {
        "handover.opt-person": ("引き継ぐ職員 (前任者) の id", "id of the person handing over"),
        "handover.to-self": (
            "--to に前任者と同じ職員 ({id}) は指定できません",
            "--to cannot name the person handing over ({id})",
        ),
        "handover.opt-draft": (
            "前任者が記入する handovers/ID.yml のひな形を書き出す (既存のファイルは上書きしない)",
            "write handovers/ID.yml for the leaver to fill in (never overwrites)",
        ),
        "handover.opt-freeze": (
            "PDF を archive/handovers/<年度>/ に保存し、出典ファイルのハッシュを記録する (上書きしない)",
            "file the PDF under archive/handovers/<fiscal year>/ with a manifest of its sources",
        ),
        "handover.opt-with-deputy": (
            "副担当の業務のチェックリストも添付する",
            "also attach the checklists of duties held as deputy",
        ),
        "handover.frozen": (
            "{pdf} と {manifest} を作成しました",
            "wrote {pdf} and {manifest}",
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
    parser.add_argument("--draft", action="store_true", help=t("handover.opt-draft", lang))
    parser.add_argument("--freeze", action="store_true", help=t("handover.opt-freeze", lang))
    parser.add_argument(
        "--with-deputy", action="store_true", help=t("handover.opt-with-deputy", lang)
    )
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
    if options.draft:
        return _draft(kb, person, day, out, lang)
    with template_errors():
        html = handover_html(kb, person, day, successor, with_deputy=options.with_deputy)
    if options.freeze:
        return _freeze(kb, person, day, successor, html, out, lang, options.with_deputy)
    return emit(html, kb, options, out, lang, name=person.id)


def _draft(kb: KnowledgeBase, person: Person, day: datetime.date, out: TextIO, lang: str) -> int:
    """Write handovers/ID.yml with every duty and blanks; never overwrite."""
    from hikitsugi.render.handover_draft import draft_path, draft_yaml

    target = kb.root / draft_path(person)
    write_new(target, draft_yaml(kb, person, day))
    out.write(t("printing.written", lang, path=str(target)) + "\n")
    return 0


def _freeze(
    kb: KnowledgeBase,
    person: Person,
    day: datetime.date,
    successor: Person | None,
    html: str,
    out: TextIO,
    lang: str,
    with_deputy: bool,
) -> int:
    """Write the PDF and its manifest under archive/handovers/<fiscal year>/; never overwrite."""
    from hikitsugi.render.print.freeze import frozen_pdf, manifest, manifest_path
    from hikitsugi.render.print.packs import handover_pack
    from hikitsugi.render.print.pdf import pdf_bytes

    pack = handover_pack(kb, person, day, lang, successor, with_deputy)
    data = pdf_bytes(html, kb.root)
    pdf = frozen_pdf(kb, person, day)
    target = manifest_path(pdf)
    if target.exists():
        raise WriteError(target, "exists")
    write_new(pdf, data)
    text = json.dumps(manifest(kb, person, day, data, pack.sources), ensure_ascii=False, indent=2)
    write_new(target, text + "\n")
    out.write(t("handover.frozen", lang, pdf=str(pdf), manifest=str(target)) + "\n")
    return 0
