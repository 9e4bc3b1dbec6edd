"""The small exception hierarchy that the CLI maps to exit codes."""

from __future__ import annotations

from pathlib import Path

from hikitsugi.i18n import register, t


class HikitsugiError(Exception):
    """A failure the user can fix; printed without a traceback, exit code 2."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        """Return the message in *lang*."""
        return t(self.key, lang, **self.params)


class UsageError(HikitsugiError):
    """The command line asks for something that cannot be done."""


class KnowledgeBaseError(HikitsugiError):
    """The knowledge base cannot be read at all (no hikitsugi.yml, unreadable settings)."""


register(
    {
        "io.write-failed": ("{path} に書き込めません: {reason}", "cannot write {path}: {reason}"),
        "io.reason-folder": ("フォルダを作れません", "cannot create the folder"),
        "io.reason-is-folder": (
            "フォルダです (ファイル名を指定してください)",
            "it is a folder (give a file name)",
        ),
        "io.reason-not-file": ("通常のファイルではありません", "it is not a regular file"),
        "io.reason-not-folder": (
            "フォルダではなくファイルです (フォルダを指定してください)",
            "it is a file, not a folder (give a folder)",
        ),
        "io.reason-exists": ("すでにあります", "it already exists"),
        "io.reason-write": ("書き込みに失敗しました", "the write failed"),
    }
)


class WriteError(HikitsugiError):
    """A file or folder could not be written; whatever was there before is left as it was."""

    def __init__(self, path: Path, reason: str, error: OSError | None = None) -> None:
        detail = (error.strerror or str(error)) if error is not None else ""
        super().__init__("io.write-failed", path=str(path), reason=reason, detail=detail)

    def render(self, lang: str) -> str:
        """Return e.g. 「/proc/x/out.csv に書き込めません: フォルダを作れません (No such file…)」."""
        reason = t(f"io.reason-{self.params['reason']}", lang)
        if self.params["detail"]:
            reason += f" ({self.params['detail']})"
        return t("io.write-failed", lang, path=self.params["path"], reason=reason)
