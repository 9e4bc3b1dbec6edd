"""`hikitsugi inventory`: the 業務棚卸表 (one row per runbook) as CSV, xlsx or Markdown."""

from __future__ import annotations

import argparse
from typing import TextIO

from hikitsugi.commands.common import add_root, output_path
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_atomic

FORMATS = ("csv", "xlsx", "markdown")
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx", ".md": "markdown"}

register(
    {
        "inventory.opt-format": (
            "出力形式 (既定: -o の拡張子 .csv・.xlsx・.md から。なければ markdown)",
            "output format (default: from the suffix of -o, .csv, .xlsx or .md; else markdown)",
        ),
        "inventory.opt-output": (
            "出力先のファイル (既定: 標準出力)",
            "write to this file (default: standard output)",
        ),
        "inventory.xlsx-needs-file": (
            "xlsx は -o でファイルを指定してください (例: -o 業務棚卸表.xlsx)",
            "xlsx needs a file: give -o (e.g. -o inventory.xlsx)",
        ),
        "inventory.skipped": (
            "※ 誤りのある {files} ファイルは含まれていません (hikitsugi check で確認してください)",
            "※ {files} file(s) with errors are left out (see hikitsugi check)",
        ),
        "inventory.written": (
            "{path} を書き出しました ({rows} 件の手順書)",
            "wrote {path} ({rows} runbooks)",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `inventory`."""
    add_root(parser, lang)
    parser.add_argument("--format", choices=FORMATS, help=t("inventory.opt-format", lang))
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=output_path(lang),
        help=t("inventory.opt-output", lang),
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Write the inventory to -o, or print it."""
    from hikitsugi.check.checker import check
    from hikitsugi.inventory.formats import csv_bytes, markdown_text, xlsx_bytes
    from hikitsugi.inventory.table import inventory

    chosen = options.format
    if chosen is None:
        suffix = options.output.suffix.lower() if options.output is not None else ""
        chosen = SUFFIXES.get(suffix, "markdown")
    if chosen == "xlsx" and options.output is None:
        raise UsageError("inventory.xlsx-needs-file")
    result = check(options.root, use_cache=not options.no_cache)
    table = inventory(result.kb, lang)
    data: bytes | str
    if chosen == "csv":
        data = csv_bytes(table)
    elif chosen == "xlsx":
        data = xlsx_bytes(table)
    else:
        data = markdown_text(table)
    if options.output is None:
        _print(data, out)
    else:
        write_atomic(options.output, data)
        out.write(
            t("inventory.written", lang, path=str(options.output), rows=len(table.rows)) + "\n"
        )
    if result.skipped:
        out.write(t("inventory.skipped", lang, files=len(result.skipped)) + "\n")
    return 0


def _print(data: bytes | str, out: TextIO) -> None:
    """Print text; CSV bytes go out untranslated when *out* is a real file (CRLF kept)."""
    if isinstance(data, str):
        out.write(data)
        return
    binary = getattr(out, "buffer", None)
    if binary is not None:
        out.flush()
        binary.write(data)
        binary.flush()
    else:
        out.write(data.decode("utf-8"))
