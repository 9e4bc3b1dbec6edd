"""`hikitsugi serve`: check the KB, build its site and serve it with live reload."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from hikitsugi.check.checker import check
from hikitsugi.commands import build as _build  # noqa: F401 - its messages (checking, building)
from hikitsugi.commands.check import print_text
from hikitsugi.commands.common import add_as_of, add_root, as_of
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t

DEFAULT_ADDRESS = "127.0.0.1:8000"

register(
    {
        "opt.dev-addr": (
            "サイトを見せるアドレスとポート (既定: 127.0.0.1:8000。このパソコンからだけ見られます)",
            "the address and port to serve on (default: 127.0.0.1:8000, this computer only)",
        ),
        "serve.bad-address": (
            "-a には ホスト:ポート を書いてください (例: 127.0.0.1:8000)。'{value}' は読めません",
            "-a takes HOST:PORT (e.g. 127.0.0.1:8000), not '{value}'",
        ),
        "serve.check-failed-start": (
            "エラーがあるためサイトを作れません。上のエラーを直してから、もう一度 hikitsugi serve を実行してください",
            "the site cannot be built because of the errors above: fix them, then run hikitsugi serve again",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `serve`."""
    add_root(parser, lang)
    parser.add_argument(
        "-a",
        "--dev-addr",
        default=DEFAULT_ADDRESS,
        metavar="HOST:PORT",
        help=t("opt.dev-addr", lang),
    )
    add_as_of(parser, lang)


def address(text: str) -> tuple[str, int]:
    """Split HOST:PORT (an IPv6 host in brackets); raise UsageError for anything else."""
    host, _, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError("serve.bad-address", value=text)
    return host, int(port)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Check, build, serve until Ctrl+C; return 1 when the KB has errors at the start."""
    from hikitsugi.render.site.serve import serve

    host, port = address(options.dev_addr)
    day = as_of(options.as_of)
    root: Path = options.root
    out.write(t("build.checking", lang, root=root) + "\n")
    result = check(root, use_cache=not options.no_cache)
    print_text(result, out, lang)  # warnings too: serving is where a city writes
    if result.errors:
        out.write(t("serve.check-failed-start", lang) + "\n")
        return 1
    out.write(t("build.building", lang, runbooks=len(result.kb.runbooks), day=day) + "\n")
    out.flush()

    def report(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    serve(result, host, port, day, report)
    return 0
