"""`hikitsugi evidence --fiscal-year YYYY`: the internal-control evidence of a year (HTML, PDF, CSV)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of, output_path
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_atomic

if TYPE_CHECKING:
    from hikitsugi.evidence.report import Evidence
    from hikitsugi.model import KnowledgeBase

FORMATS = ("html", "pdf", "csv")

register(
    {
        "evidence.opt-year": (
            "年度 (開始年の西暦。令和8年度なら 2026)",
            "the fiscal year, by the calendar year it starts in (2026 for 令和8年度)",
        ),
        "evidence.opt-format": ("出力形式 (既定: html)", "output format (default: html)"),
        "evidence.opt-output": (
            "書き出すファイル (pdf と csv では必須。html の既定は標準出力)",
            "file to write (needed for pdf and csv; html goes to standard output by default)",
        ),
        "evidence.opt-no-git": (
            "git の変更履歴を版に加えない",
            "do not add the git log of each file to its versions",
        ),
        "evidence.needs-output": (
            "--format {format} には -o FILE で書き出し先を指定してください",
            "--format {format} needs -o FILE to say where to write",
        ),
        "evidence.written": ("{path} を作成しました", "wrote {path}"),
        "evidence.bad-year": (
            "--fiscal-year は 1900〜2200 の西暦で指定してください: '{value}'",
            "give --fiscal-year as a year from 1900 to 2200: '{value}'",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `evidence`."""
    parser.add_argument(
        "--fiscal-year",
        dest="year",
        required=True,
        metavar="YYYY",
        help=t("evidence.opt-year", lang),
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="html", help=t("evidence.opt-format", lang)
    )
    parser.add_argument(
        "-o",
        "--output",
        type=output_path(lang),
        metavar="FILE",
        help=t("evidence.opt-output", lang),
    )
    parser.add_argument("--no-git", action="store_true", help=t("evidence.opt-no-git", lang))
    add_as_of(parser, lang)
    add_root(parser, lang)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Gather the year's evidence and write it in the asked format."""
    from hikitsugi.commands.loading import load_checked
    from hikitsugi.evidence.report import evidence

    year = _year(options.year)
    if options.format != "html" and options.output is None:
        raise UsageError("evidence.needs-output", format=options.format)
    day = as_of(options.as_of)
    kb = load_checked(options, lang)
    changes = None
    if not options.no_git:
        from hikitsugi.audit.git import change_days

        changes = change_days(kb.root)
    report = evidence(kb, year, day, kb.config.language, changes)
    data = _render(kb, report, options.format)
    if options.output is None:
        out.write(data.decode("utf-8"))
        return 0
    write_atomic(options.output, data)
    out.write(t("evidence.written", lang, path=str(options.output)) + "\n")
    return 0


def _year(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise UsageError("evidence.bad-year", value=text)
    return int(text)


def _render(kb: KnowledgeBase, report: Evidence, format: str) -> bytes:
    """Return the report's bytes: CSV for Excel, HTML, or its PDF."""
    if format == "csv":
        from hikitsugi.evidence.csv_report import evidence_csv

        return evidence_csv(report, kb.config.language)
    from hikitsugi.render.print.evidence import evidence_html
    from hikitsugi.render.template_errors import template_errors

    with template_errors():
        html = evidence_html(kb, report)
    if format == "pdf":
        from hikitsugi.render.print.pdf import pdf_bytes

        return pdf_bytes(html, kb.root)
    return html.encode("utf-8")
