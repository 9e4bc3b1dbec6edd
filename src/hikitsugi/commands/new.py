"""`hikitsugi new`: write a valid starter runbook or checklist from a template."""

from __future__ import annotations

import argparse
import datetime
import os
import re
from pathlib import Path
from typing import TextIO

from hikitsugi.commands.common import add_root, output_path
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_new

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# An id becomes a file name (runbooks/ID.yml, pages, PDFs): most file systems stop at 255 bytes,
# and a Windows share's whole path at 260 characters, so an id stays well short of either.
ID_MAX_LENGTH = 100
SCHEMA_DIR = Path("docs") / "schema"

register(
    {
        "new.opt-kind": ("作るもの", "what to create"),
        "new.opt-id": ("識別子 (例: gakudo-intake)", "id (e.g. gakudo-intake)"),
        "new.opt-title": ("名称", "title"),
        "new.opt-owner": (
            "所有ポスト (roster.yml のポスト id)",
            "owner post (a role id of roster.yml)",
        ),
        "new.opt-output": (
            "書き出すファイル (既定: runbooks/ID.yml、checklists/ID.yml)",
            "file to write (default: runbooks/ID.yml, checklists/ID.yml)",
        ),
        "new.bad-id": (
            "'{id}' は識別子として使えません (半角英小文字・数字とハイフン)",
            "'{id}' is not a valid id (lowercase letters, digits, hyphens)",
        ),
        "new.long-id": (
            "識別子が長すぎます ({length} 文字、{most} 文字まで。ファイル名になるため)",
            "the id is too long ({length} characters, at most {most}: it becomes a file name)",
        ),
        "new.exists": (
            "{path} はすでにあります。上書きはしません",
            "{path} already exists: not overwritten",
        ),
        "new.written": ("{path} を作成しました", "wrote {path}"),
        "new.next": (
            "書き換えたら hikitsugi check で確かめ、hikitsugi build でサイトに載せます",
            "edit it, then run hikitsugi check, and hikitsugi build to put it on the site",
        ),
        "new.unknown-owner": (
            "ポスト '{id}' は roster.yml にありません。roster.yml の roles の id を書いてください ({ids})",
            "role '{id}' is not in roster.yml: give the id of one of its roles ({ids})",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `new`."""
    parser.add_argument(
        "kind", choices=("process", "tool", "checklist"), help=t("new.opt-kind", lang)
    )
    parser.add_argument("id", help=t("new.opt-id", lang))
    parser.add_argument("--title", required=True, help=t("new.opt-title", lang))
    parser.add_argument("--owner", help=t("new.opt-owner", lang))
    parser.add_argument("-o", "--output", type=output_path(lang), help=t("new.opt-output", lang))
    add_root(parser, lang)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Render the template and write it, refusing to overwrite."""
    if not ID_PATTERN.match(options.id):
        raise UsageError("new.bad-id", id=options.id)
    if len(options.id) > ID_MAX_LENGTH:
        raise UsageError("new.long-id", length=len(options.id), most=ID_MAX_LENGTH)
    root: Path = options.root
    folder = "checklists" if options.kind == "checklist" else "runbooks"
    target: Path = options.output or root / folder / f"{options.id}.yml"
    if target.exists():
        raise UsageError("new.exists", path=str(target))
    from hikitsugi.render.template_errors import template_errors

    if options.owner is not None:
        _refuse_unknown_owner(root, options.owner, not options.no_cache)
    schema_name = "checklist" if options.kind == "checklist" else "runbook"
    schema_file = root / SCHEMA_DIR / f"{schema_name}.schema.json"
    # Point VS Code only at a schema that is there (hikitsugi init and hikitsugi schema put it).
    schema_path = os.path.relpath(schema_file, target.parent) if schema_file.is_file() else None
    with template_errors():
        text = _starter(root, options, schema_path)
    write_new(target, text.rstrip("\n") + "\n")  # never overwrites, even in a race
    out.write(t("new.written", lang, path=str(target)) + "\n")
    out.write(t("new.next", lang) + "\n")
    return 0


def _refuse_unknown_owner(root: Path, owner: str, use_cache: bool) -> None:
    """Refuse an --owner that is not a role id, with check's hint when it is a post's title."""
    from hikitsugi.check.checker import check
    from hikitsugi.check.cross_rules import role_by_title

    roster = check(root, use_cache=use_cache, build_model=True).kb.roster
    if not roster.roles or owner in roster.roles:
        return  # no readable roster: `check` reports that, not `new`
    titled = role_by_title(owner, roster)
    if titled:
        raise UsageError("check.role-title", title=owner, id=titled)
    raise UsageError("new.unknown-owner", id=owner, ids=", ".join(sorted(roster.roles)))


def _yaml_text(text: str) -> str:
    """Return *text* as one YAML scalar, Japanese kept as it is (メモ帳 shows no \\u escapes)."""
    import yaml

    dumped = yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10**6)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _starter(root: Path, options: argparse.Namespace, schema_path: str | None) -> str:
    """Render the starter file from its template (a KB may override it)."""
    from hikitsugi.render.templates import environment

    return (
        environment(root)
        .get_template(f"new/{options.kind}.yml.j2")
        .render(
            id=options.id,
            title=options.title,
            title_yaml=_yaml_text(options.title),
            owner=options.owner,
            schema_path=Path(schema_path).as_posix() if schema_path else None,
            today=datetime.date.today().isoformat(),
        )
    )
