"""Load a knowledge base for the commands that print from it: refuse one with errors."""

from __future__ import annotations

import argparse

from hikitsugi.check.checker import check
from hikitsugi.errors import KnowledgeBaseError
from hikitsugi.i18n import register
from hikitsugi.model import KnowledgeBase

register(
    {
        "printing.kb-has-errors": (
            (
                "ナレッジベースに {count} 件のエラーがあるため作成できません。"
                "hikitsugi check で確かめて直してください (最初のエラー: {first})"
            ),
            (
                "the knowledge base has {count} error(s), so nothing was made: "
                "run hikitsugi check and fix them (first: {first})"
            ),
        ),
    }
)


def load_checked(options: argparse.Namespace, lang: str) -> KnowledgeBase:
    """Return the KB at --root; raise when `check` finds errors (a pack must be complete)."""
    result = check(options.root, use_cache=not getattr(options, "no_cache", False))
    if result.errors:
        first = result.errors[0].format(lang)
        raise KnowledgeBaseError("printing.kb-has-errors", count=len(result.errors), first=first)
    return result.kb
