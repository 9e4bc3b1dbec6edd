"""`hikitsugi calendar`: the year's schedule as a table, and as an .ics file for Outlook / Google."""

from __future__ import annotations

import argparse
import datetime
from typing import TextIO

from hikitsugi.check.checker import check
from hikitsugi.commands.common import add_as_of, add_root, as_of, output_path
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_atomic

MOST_MONTHS = 120  # ten years: enough for any plan, and the table stays printable

register(
    {
        "calendar.opt-ics": (
            "iCalendar (.ics) ファイルの書き出し先",
            "write an iCalendar (.ics) file here",
        ),
        "calendar.opt-role": (
            "このポストが所有・代理する手順書だけ",
            "only runbooks this post owns or deputises",
        ),
        "calendar.opt-months": (
            "基準日から N か月 (省略時は基準日を含む年度)",
            "N months from the day (default: the fiscal year containing it)",
        ),
        "calendar.unknown-role": (
            "ポスト '{role}' は roster.yml にありません (あるもの: {known})",
            "role '{role}' is not in roster.yml (known: {known})",
        ),
        "calendar.skipped": (
            "※ 誤りのある {files} ファイルは含まれていません (hikitsugi check で確認してください)",
            "※ {files} file(s) with errors are left out (see hikitsugi check)",
        ),
        "calendar.bad-months": (
            "--months は 1 から {most} までの整数です ({value})",
            "--months must be a whole number from 1 to {most} ({value})",
        ),
        "calendar.written": (
            "{path} を書き出しました ({events} 件の予定)",
            "wrote {path} ({events} events)",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `calendar`."""
    add_root(parser, lang)
    add_as_of(parser, lang)
    parser.add_argument(
        "--ics", type=output_path(lang), metavar="FILE", help=t("calendar.opt-ics", lang)
    )
    parser.add_argument("--role", metavar="ROLE", help=t("calendar.opt-role", lang))
    parser.add_argument("--months", type=int, metavar="N", help=t("calendar.opt-months", lang))


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Print the table; with --ics, also write the file (atomically)."""
    from hikitsugi.calendar.ics import ics_for_all, ics_for_role
    from hikitsugi.calendar.table import calendar_text
    from hikitsugi.facts.schedule import period

    day = as_of(options.as_of)
    if options.months is not None and not 1 <= options.months <= MOST_MONTHS:
        raise UsageError("calendar.bad-months", most=MOST_MONTHS, value=options.months)
    result = check(options.root, use_cache=not options.no_cache)
    kb = result.kb
    role = options.role
    if role is not None and role not in kb.roster.roles:
        raise UsageError(
            "calendar.unknown-role", role=role, known=", ".join(kb.roster.roles) or "-"
        )
    start, end = period(day, kb.config.fiscal_year_start, options.months)
    out.write(calendar_text(kb, start, end, lang, role))
    if result.skipped:
        out.write(t("calendar.skipped", lang, files=len(result.skipped)) + "\n")
    if options.ics is not None:
        stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        if role is None:
            data = ics_for_all(kb, start, end, stamp=stamp, lang=lang)
        else:
            data = ics_for_role(kb, role, start, end, stamp=stamp, lang=lang)
        write_atomic(options.ics, data)
        out.write(
            t("calendar.written", lang, path=str(options.ics), events=data.count(b"BEGIN:VEVENT"))
            + "\n"
        )
    return 0
