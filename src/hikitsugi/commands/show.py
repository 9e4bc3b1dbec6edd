"""`hikitsugi show ID`: print a runbook as it reads after any `extends` merge."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from hikitsugi.check.checker import check
from hikitsugi.commands.common import add_root
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t
from hikitsugi.model import KnowledgeBase

register(
    {
        "show.opt-id": (
            "手順書・標準手順書・チェックリストの id",
            "id of a runbook, standard or checklist",
        ),
        "show.unknown": (
            "'{id}' という手順書はありません",
            "no runbook, standard or checklist has id '{id}'",
        ),
        "show.unknown-skipped": (
            (
                "'{id}' という手順書はありません。誤りのため読み飛ばしたファイルがあります"
                " (hikitsugi check で確認してください): {files}"
            ),
            (
                "no runbook has id '{id}'; some files were skipped for errors"
                " (run hikitsugi check): {files}"
            ),
        ),
        "show.resolved-from": (
            "# {id}: 標準手順書 {standard} ({standard_source}) に {source} の違いを重ねた結果",
            "# {id}: standard {standard} ({standard_source}) with {source} applied",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `show`."""
    parser.add_argument("id", help=t("show.opt-id", lang))
    add_root(parser, lang)
    parser.add_argument(
        "--format", choices=("yaml", "json"), default="yaml", help=t("opt.format", lang)
    )


def find(kb: KnowledgeBase, item_id: str, skipped: list[str]) -> Any:
    """Return the runbook, standard or checklist *item_id*, or raise UsageError."""
    found = kb.runbooks.get(item_id) or kb.standards.get(item_id) or kb.checklists.get(item_id)
    if found is not None:
        return found
    if skipped:
        raise UsageError("show.unknown-skipped", id=item_id, files=", ".join(skipped))
    raise UsageError("show.unknown", id=item_id)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Print the resolved data as YAML (Japanese kept readable) or JSON."""
    import yaml

    from hikitsugi.resolve.diff import ordered

    result = check(options.root, use_cache=not options.no_cache)
    item = find(result.kb, options.id, result.skipped)
    data = ordered(item.data)
    if options.format == "json":
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    standard = result.kb.standards.get(getattr(item, "extends", None) or "")
    if standard is not None and not getattr(item, "is_standard", False):
        header = t(
            "show.resolved-from",
            lang,
            id=item.id,
            standard=standard.id,
            standard_source=standard.source,
            source=item.source,
        )
        out.write(header + "\n")
    out.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
    return 0
