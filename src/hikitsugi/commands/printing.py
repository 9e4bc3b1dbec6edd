"""Options and output shared by `checklist`, `handover` and `onboarding`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from hikitsugi.commands.common import output_path
from hikitsugi.i18n import register, t
from hikitsugi.io import write_atomic
from hikitsugi.model import KnowledgeBase

register(
    {
        "printing.opt-pdf": (
            "PDF を書き出す (-o がなければカレントフォルダの ID.pdf)",
            "write a PDF (without -o: ID.pdf in the current folder)",
        ),
        "printing.opt-output": (
            "書き出すファイル (既定: HTML を標準出力へ)",
            "file to write (default: HTML to standard output)",
        ),
        "printing.written": ("{path} を作成しました", "wrote {path}"),
    }
)


def add_output(parser: argparse.ArgumentParser, lang: str) -> None:
    """Add --pdf and -o/--output."""
    parser.add_argument("--pdf", action="store_true", help=t("printing.opt-pdf", lang))
    parser.add_argument(
        "-o",
        "--output",
        type=output_path(lang),
        metavar="FILE",
        help=t("printing.opt-output", lang),
    )


def check_output(options: argparse.Namespace) -> None:
    """Say nothing is wrong with the output options (kept for the commands' shape: --pdf alone is fine)."""


def default_pdf(name: str) -> Path:
    """Where `--pdf` without -o writes: NAME.pdf in the current folder (PDF bytes never go to a terminal)."""
    return Path(f"{name}.pdf")


def emit(
    html: str,
    kb: KnowledgeBase,
    options: argparse.Namespace,
    out: TextIO,
    lang: str,
    name: str = "document",
) -> int:
    """Write *html* (or its PDF) to -o atomically, or the HTML to *out*; return 0.

    *name* (the id printed) names the PDF written when -o is not given.
    """
    if options.output is None and options.pdf:
        options.output = default_pdf(name)
    if options.output is None:
        out.write(html)
        return 0
    if options.pdf:
        from hikitsugi.render.print.pdf import pdf_bytes

        data = pdf_bytes(html, kb.root)
    else:
        data = html.encode("utf-8")
    write_atomic(options.output, data)
    out.write(t("printing.written", lang, path=str(options.output)) + "\n")
    return 0
