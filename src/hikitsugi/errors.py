"""The small exception hierarchy that the CLI maps to exit codes."""

from __future__ import annotations

from hikitsugi.i18n import t


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
