"""Problem: one thing wrong in the knowledge base, with the place it is written."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hikitsugi import vocabulary
from hikitsugi.check.load import NodePath
from hikitsugi.i18n import t

ERROR = "error"
WARNING = "warning"  # shown, but the KB still builds
INFO = "info"


def format_path(path: NodePath) -> str:
    """Render ('steps', 2, 'zone') as steps[2].zone."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_LINE_BREAKS = {"\r\n": "\\n", "\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029\x85\x0b\x0c]")


def one_line(text: str) -> str:
    r"""Write line breaks as \n (and the like) so that one problem stays one line of output."""
    return _LINE_BREAK.sub(
        lambda found: _LINE_BREAKS.get(found.group(), repr(found.group())[1:-1]), text
    )


@dataclass(frozen=True)
class Problem:
    """A structural fault (error) or a note (info) at file:line:column."""

    file: str
    line: int
    column: int
    path: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: str = ERROR

    def message(self, lang: str) -> str:
        """Return the message in *lang*, on one line whatever the user's text holds."""
        return one_line(t(self.key, lang, **self.params))

    def format(self, lang: str) -> str:
        """Return `file:line:column: path: message`."""
        where = f"{self.file}:{self.line}:{self.column}: "
        note = (
            ""
            if self.severity == ERROR
            else f"({vocabulary.word('severity', self.severity, lang)}) "
        )
        path = f"{self.path}: " if self.path else ""
        return one_line(f"{where}{note}{path}{self.message(lang)}")  # keys and names are text too

    def as_json(self, lang: str) -> dict[str, Any]:
        """Return the JSON shape {file, line, column, path, message, severity}."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message(lang),
            "severity": self.severity,
        }

    def to_plain(self) -> tuple[Any, ...]:
        """Return a marshal-able tuple (for the cache)."""
        return (
            self.file,
            self.line,
            self.column,
            self.path,
            self.key,
            dict(self.params),
            self.severity,
        )

    @classmethod
    def from_plain(cls, plain: tuple[Any, ...]) -> Problem:
        """Rebuild a Problem from to_plain()."""
        return cls(*plain)
