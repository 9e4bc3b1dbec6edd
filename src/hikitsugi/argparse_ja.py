"""argparse's own words (usage, errors) in Japanese, since staff read the CLI in Japanese."""

from __future__ import annotations

import argparse
from collections.abc import Callable

JAPANESE = {
    "usage: ": "使い方: ",
    "options": "オプション",
    "positional arguments": "引数",
    "show this help message and exit": "このヘルプを表示して終了する",
    "show program's version number and exit": "バージョンを表示して終了する",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r は選べません (%(choices)s から選んでください)",
    "unrecognized arguments: %s": "知らない引数です: %s",
    "expected one argument": "値が 1 つ必要です",
    "expected at least one argument": "値が 1 つ以上必要です",
    "expected at most one argument": "値は 1 つまでです",
    "invalid %(type)s value: %(value)r": "%(value)r は値として使えません",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s があいまいです (%(matches)s のどれか)",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "one of the arguments %s is required": "%s のどれかが必要です",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "%(parser_name)r というコマンドはありません (%(choices)s)",
}

_original: Callable[[str], str] = argparse._  # type: ignore[attr-defined]


def use(lang: str) -> None:
    """Make argparse speak *lang* (ja or en) from now on."""
    if lang == "ja":
        argparse._ = lambda text: JAPANESE.get(text, _original(text))  # type: ignore[attr-defined]
    else:
        argparse._ = _original  # type: ignore[attr-defined]
