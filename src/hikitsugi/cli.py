"""The command line: parse options, call one library function, map errors to exit codes."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import stat
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from hikitsugi import __version__, argparse_ja
from hikitsugi.commands import COMMANDS
from hikitsugi.errors import HikitsugiError
from hikitsugi.i18n import DEFAULT_LANGUAGE, LANGUAGES, register, t

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

register(
    {
        "cli.description": (
            "hikitsugi (引継ぎ): 業務手順書 (YAML) の検査・サイト・印刷物・監査",
            "hikitsugi: check, publish, print and audit operating runbooks kept as YAML",
        ),
        "cli.internal": (
            (
                "hikitsugi の内部エラーです ({error})。入力の誤りではありません。"
                "実行したコマンドとこのメッセージを添えて、README の「問題の報告」の手順で報告してください"
                " (HIKITSUGI_DEBUG=1 を付けて実行すると詳細が表示されます)"
            ),
            (
                "internal error in hikitsugi ({error}); this is not a fault in your input. "
                "Please report it as README's 'Reporting problems' says, with the command and this "
                "message (run with HIKITSUGI_DEBUG=1 for details)"
            ),
        ),
        "cli.interrupted": ("中断しました", "interrupted"),
        "cli.version": ("バージョンを表示して終了する", "show the version and exit"),
    }
)


def guess_language(argv: Sequence[str]) -> str:
    """Pick the message language before options are parsed: HIKITSUGI_LANG, else the KB's."""
    chosen = os.environ.get("HIKITSUGI_LANG", "")
    if chosen in LANGUAGES:
        return chosen
    root = Path(".")
    for index, arg in enumerate(argv):
        if arg == "--root" and index + 1 < len(argv):
            root = Path(argv[index + 1])
        elif arg.startswith("--root="):
            root = Path(arg.split("=", 1)[1])
    try:
        if not stat.S_ISREG(os.stat(root / "hikitsugi.yml").st_mode):
            return DEFAULT_LANGUAGE  # a FIFO would block here for ever; check reports it
        with open(root / "hikitsugi.yml", encoding="utf-8-sig") as stream:
            for line in stream.read(65536).splitlines():
                if line.startswith("language:"):
                    value = line.split(":", 1)[1].split("#")[0].strip().strip("'\"")
                    return value if value in LANGUAGES else DEFAULT_LANGUAGE
    except (OSError, UnicodeDecodeError):
        pass
    return DEFAULT_LANGUAGE


def build_parser(lang: str, argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """Build the argument parser; only the command named in *argv* loads its module and options."""
    parser = argparse.ArgumentParser(prog="hikitsugi", description=t("cli.description", lang))
    parser.add_argument(
        "--version",
        action="version",
        version=f"hikitsugi {__version__}",
        help=t("cli.version", lang),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    for name, module_name in COMMANDS:
        help_text = t(f"{name}.help", lang)
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(sub, lang)
            sub.set_defaults(module=module)
    return parser


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Parse *argv* and run the command; return the exit code."""
    lang = guess_language(argv)
    argparse_ja.use(lang)
    parser = build_parser(lang, argv)
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse already printed usage or help
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    try:
        return int(options.module.run(options, out, lang))
    except HikitsugiError as error:
        err.write(f"hikitsugi: {error.render(lang)}\n")
        return error.exit_code
    except KeyboardInterrupt:
        err.write(f"hikitsugi: {t('cli.interrupted', lang)}\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the one place that turns bugs into a report
        if os.environ.get("HIKITSUGI_DEBUG"):
            traceback.print_exc(file=err)
        err.write(f"hikitsugi: {t('cli.internal', lang, error=type(error).__name__)}\n")
        return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in CP932 has no ✓ or ⚠: print a ? rather than crash mid-report.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    sys.exit(run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr))
