"""Options and helpers that several subcommands share."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path

from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t

register(
    {
        "opt.root": (
            "ナレッジベースのフォルダ (既定: カレントフォルダ)",
            "knowledge-base folder (default: current folder)",
        ),
        "opt.format": ("出力形式", "output format"),
        "opt.as-of": (
            "基準日 YYYY-MM-DD (既定: 今日)",
            "the day to report on, YYYY-MM-DD (default: today)",
        ),
        "opt.no-cache": (
            "キャッシュ (.cache/hikitsugi) を使わない",
            "do not use the cache (.cache/hikitsugi)",
        ),
        "usage.bad-date": (
            "日付 '{value}' は YYYY-MM-DD ではないか、存在しない日です",
            "'{value}' is not a date YYYY-MM-DD that exists",
        ),
        "usage.empty-path": (
            "空のパスは使えません (ファイル名かフォルダ名を指定してください)",
            "an empty path cannot be used (give a file or folder name)",
        ),
        "usage.date-out-of-range": (
            "--as-of {value} は扱える範囲 ({earliest}〜{latest}) の外です",
            "--as-of {value} is outside the days hikitsugi handles ({earliest} to {latest})",
        ),
    }
)


# The days hikitsugi reasons about: the schema's dates share this range, and past it the
# fiscal-year and schedule arithmetic would run off the calendar (year 1 or 9999).
EARLIEST_DAY = datetime.date(1900, 1, 1)
LATEST_DAY = datetime.date(2200, 12, 31)


def add_root(parser: argparse.ArgumentParser, lang: str) -> None:
    """Add --root and --no-cache."""
    parser.add_argument("--root", type=Path, default=Path("."), help=t("opt.root", lang))
    parser.add_argument("--no-cache", action="store_true", help=t("opt.no-cache", lang))


def output_path(lang: str) -> Callable[[str], Path]:
    """Return an argparse type for an output path: `-o ""` is an error, not the current folder."""

    def parse(text: str) -> Path:
        if not text.strip():
            raise argparse.ArgumentTypeError(t("usage.empty-path", lang))
        return Path(text)

    return parse


def add_as_of(parser: argparse.ArgumentParser, lang: str) -> None:
    """Add --as-of DATE."""
    parser.add_argument("--as-of", dest="as_of", metavar="DATE", help=t("opt.as-of", lang))


def as_of(text: str | None) -> datetime.date:
    """Return the day of --as-of; only the CLI reads the clock."""
    if text is None:
        return datetime.date.today()
    try:
        if len(text) != 10:
            raise ValueError(text)
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError("usage.bad-date", value=text) from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise UsageError(
            "usage.date-out-of-range",
            value=text,
            earliest=EARLIEST_DAY.isoformat(),
            latest=LATEST_DAY.isoformat(),
        )
    return day
