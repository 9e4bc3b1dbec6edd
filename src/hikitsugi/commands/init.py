"""`hikitsugi init`: start a knowledge base that checks and builds, in one step."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TextIO

from hikitsugi.commands.common import output_path
from hikitsugi.i18n import register, t

register(
    {
        "init.opt-folder": (
            "作るフォルダ (既定: カレントフォルダ)",
            "the folder to create it in (default: current folder)",
        ),
        "init.opt-organization": (
            "組織名 (サイトと印刷物に出ます。例: 〇〇市 子ども家庭課)",
            "the organization's name (shown on the site and printouts)",
        ),
        "init.opt-language": ("サイトとメッセージの言語", "language of the site and messages"),
        "init.written": ("作成: {path}", "created: {path}"),
        "init.kept": ("既にあるのでそのまま: {path}", "already there, left as it is: {path}"),
        "init.next": (
            (
                "ナレッジベースを {folder} に作りました。次に:\n"
                "  1. roster.yml に係のポストと職員を、runbooks/ に手順書を書きます "
                "(メモ帳なら UTF-8 で保存。書き方は docs/index.md と docs/format.md)\n"
                "  2. hikitsugi check{root}   で確かめます\n"
                "  3. hikitsugi build{root}   でサイトを作り、site/index.html をダブルクリックして開きます"
            ),
            (
                "created the knowledge base in {folder}. Next:\n"
                "  1. write your posts and staff in roster.yml, your runbooks in runbooks/ "
                "(see docs/index.md and docs/format.md)\n"
                "  2. hikitsugi check{root}   to check them\n"
                "  3. hikitsugi build{root}   to build the site, then open site/index.html"
            ),
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `init`."""
    parser.add_argument(
        "folder",
        nargs="?",
        type=output_path(lang),
        default=Path("."),
        help=t("init.opt-folder", lang),
    )
    parser.add_argument("--organization", required=True, help=t("init.opt-organization", lang))
    parser.add_argument(
        "--language", choices=("ja", "en"), default="ja", help=t("init.opt-language", lang)
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Write the starter files; say what was made and what to do next."""
    from hikitsugi.starter import create

    folder: Path = options.folder
    lang = options.language if lang == "ja" and options.language == "en" else lang
    done = create(folder, options.organization, options.language, datetime.date.today())
    for item in done:
        key = "init.written" if item.written else "init.kept"
        out.write(t(key, lang, path=(folder / item.path).as_posix()) + "\n")
    root = "" if folder == Path(".") else f" --root {folder}"
    out.write(t("init.next", lang, folder=str(folder), root=root) + "\n")
    return 0
