"""A template that cannot be used (a KB's override with an error) as a message naming file and line.

A KB's templates/ may override ours file by file, so an undefined variable, a syntax error or a
file that is not UTF-8 is the user's to fix: exit 2 with `file:line`, never an internal error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

import jinja2

from hikitsugi.errors import HikitsugiError
from hikitsugi.i18n import register, t

register(
    {
        "template.failed": (
            "テンプレート {where} を使えません: {reason}",
            "cannot use the template {where}: {reason}",
        ),
        "template.not-utf8": (
            "UTF-8 ではありません ({offset} バイト目)。UTF-8 で保存し直してください",
            "it is not UTF-8 (byte {offset}); save it as UTF-8",
        ),
    }
)


class TemplateFailed(HikitsugiError):
    """A template could not be loaded or rendered; the message says where."""

    def __init__(self, where: str, reason: str, offset: int | None = None) -> None:
        super().__init__("template.failed", where=where, reason=reason, offset=offset)

    @property
    def where(self) -> str:
        """Return `file:line` of the template."""
        return str(self.params["where"])

    def reason(self, lang: str) -> str:
        """Return what is wrong, in *lang* where it is ours to say."""
        if self.params["offset"] is not None:
            return t("template.not-utf8", lang, offset=self.params["offset"])
        return str(self.params["reason"])

    def render(self, lang: str) -> str:
        """Return 「テンプレート …/checklist.html.j2:3 を使えません: 'x' is undefined」."""
        return t("template.failed", lang, where=self.where, reason=self.reason(lang))


@contextmanager
def template_errors() -> Iterator[None]:
    """Turn a template's error inside the block into TemplateFailed."""
    try:
        yield
    except (jinja2.TemplateError, UnicodeDecodeError) as error:
        raise describe(error) from None


def describe(error: jinja2.TemplateError | UnicodeDecodeError) -> TemplateFailed:
    """Return the TemplateFailed for *error*: the template's file and line, and what is wrong."""
    if isinstance(error, UnicodeDecodeError):
        filename = _loaded_file(error.__traceback__) or "templates/"
        line = error.object[: error.start].count(b"\n") + 1
        return TemplateFailed(f"{filename}:{line}", "", offset=error.start + 1)
    if isinstance(error, jinja2.TemplateSyntaxError):
        return TemplateFailed(f"{error.filename or error.name}:{error.lineno}", error.message or "")
    return TemplateFailed(_template_frame(error.__traceback__) or "templates/", str(error))


def _template_frame(traceback: TracebackType | None) -> str | None:
    """Return `file:line` of the innermost template in *traceback* (Jinja puts them there)."""
    found = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return found


def _loaded_file(traceback: TracebackType | None) -> str | None:
    """Return the file Jinja's loader was reading when *traceback* was raised."""
    found = None
    while traceback is not None:
        frame = traceback.tb_frame
        if frame.f_code.co_name == "get_source" and isinstance(frame.f_locals.get("filename"), str):
            found = frame.f_locals["filename"]
        traceback = traceback.tb_next
    return found
