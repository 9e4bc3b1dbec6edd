"""`hikitsugi audit`: findings on stale, ownerless and rotation-risk content, for coordinators.

Exit codes: 0 when nothing is at or above --fail-on; 1 otherwise (check errors in content files
count as errors: those files are skipped, the rest is audited); 2 for usage errors, or when
hikitsugi.yml or roster.yml has errors (nothing can be audited reliably without them).
"""

from __future__ import annotations

import argparse
import io
from typing import TYPE_CHECKING, TextIO

from hikitsugi.commands.common import add_as_of, add_root, as_of, output_path
from hikitsugi.errors import KnowledgeBaseError, UsageError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_atomic

if TYPE_CHECKING:
    from hikitsugi.audit.view import AuditView

FORMATS = ("text", "json", "csv", "markdown")
FAIL_ON = {"error": 2, "warning": 1, "never": 99}
BASE_FILES = ("hikitsugi.yml", "roster.yml")

register(
    {
        "audit.opt-format": ("出力形式 (既定: text)", "output format (default: text)"),
        "audit.opt-fail-on": (
            "この重要度以上の指摘があれば終了コード 1 (既定: error)",
            "exit 1 when a finding is at or above this severity (default: error)",
        ),
        "audit.opt-owner": (
            "このポスト (ロール id) が所有するものだけ",
            "only what this post (role id) owns",
        ),
        "audit.opt-due-within": (
            "期限切れと DAYS 日以内に見直し期限が来るものだけを所有ポスト別に (通知用)",
            "only what is stale or falls due within DAYS, by owner post (for a notifier)",
        ),
        "audit.opt-no-git": (
            "git による「見直し後の編集」の参考表示をしない",
            "do not ask git for edited-after-review notes",
        ),
        "audit.opt-output": (
            "出力先のファイル (既定: 標準出力)",
            "write to this file (default: standard output)",
        ),
        "audit.unknown-owner": (
            "ポスト '{role}' は roster.yml にありません",
            "role '{role}' is not in roster.yml",
        ),
        "audit.bad-days": (
            "0 以上の整数 (日数) を指定してください: '{value}'",
            "give a whole number of days ≥ 0: '{value}'",
        ),
        "audit.kb-unusable": (
            "hikitsugi.yml か roster.yml に誤りがあるため監査できません:\n{problems}",
            "cannot audit: hikitsugi.yml or roster.yml has errors:\n{problems}",
        ),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `audit`."""
    add_root(parser, lang)
    add_as_of(parser, lang)
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help=t("audit.opt-format", lang)
    )
    parser.add_argument(
        "--fail-on", choices=tuple(FAIL_ON), default="error", help=t("audit.opt-fail-on", lang)
    )
    parser.add_argument("--owner", metavar="ROLE", help=t("audit.opt-owner", lang))

    def days(text: str) -> int:
        if not text.isdigit():
            raise argparse.ArgumentTypeError(t("audit.bad-days", lang, value=text))
        return int(text)

    parser.add_argument(
        "--due-within", metavar="DAYS", type=days, help=t("audit.opt-due-within", lang)
    )
    parser.add_argument("--no-git", action="store_true", help=t("audit.opt-no-git", lang))
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=output_path(lang), help=t("audit.opt-output", lang)
    )


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Check, audit what passed, print in the chosen format, return the exit code."""
    from hikitsugi.audit import rules as audit
    from hikitsugi.audit.cache import checked
    from hikitsugi.audit.git import git_hints
    from hikitsugi.audit.view import AuditView
    from hikitsugi.check.problems import ERROR

    day = as_of(options.as_of)
    result = checked(options.root, use_cache=not options.no_cache)
    errors = [p for p in result.problems if p.severity == ERROR]
    base = [p for p in errors if p.file in BASE_FILES]
    if base:
        raise KnowledgeBaseError(
            "audit.kb-unusable", problems="\n".join(p.format(lang) for p in base)
        )
    kb = result.kb
    if options.owner is not None:
        if options.owner not in kb.roster.roles:
            raise UsageError("audit.unknown-owner", role=options.owner)
        kb = audit.for_owner(kb, options.owner)
    if options.due_within is not None:
        report = audit.falling_due(kb, day, options.due_within)
    else:
        report = audit.audit(kb, day)
    view = AuditView(
        report=report,
        kb=kb,
        skipped=tuple(result.skipped),
        check_errors=tuple(errors),
        hints=tuple(git_hints(kb)) if not options.no_git and options.due_within is None else (),
        due_within=options.due_within,
        filters={"owner": options.owner},
    )
    _emit(view, options, out, lang)
    return 1 if view.worst() >= FAIL_ON[options.fail_on] else 0


def _emit(view: AuditView, options: argparse.Namespace, out: TextIO, lang: str) -> None:
    from hikitsugi.audit import report_data as audit_data
    from hikitsugi.audit import report_text as audit_text

    writers = {
        "text": audit_text.write_text,
        "markdown": audit_text.write_markdown,
        "json": audit_data.write_json,
        "csv": audit_data.write_csv,
    }
    writer = writers[options.format]
    if options.output is None:
        writer(view, out, lang)
        return
    buffer = io.StringIO()
    writer(view, buffer, lang)
    write_atomic(options.output, buffer.getvalue())
