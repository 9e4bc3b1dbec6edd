"""`hikitsugi run`: record one run of a checklist under records/runs/ (never overwriting)."""

from __future__ import annotations

import argparse
import datetime
from typing import TextIO

from hikitsugi.commands.common import add_root, as_of
from hikitsugi.errors import UsageError
from hikitsugi.i18n import register, t
from hikitsugi.io import write_new
from hikitsugi.model import KnowledgeBase, Run, RunException

register(
    {
        "run.opt-checklist": (
            "実施したチェックリスト (手順書の id か checklists/ のチェックリストの id)",
            "the checklist run (a runbook id or a checklist id)",
        ),
        "run.opt-date": ("実施した日 YYYY-MM-DD", "the day it was run, YYYY-MM-DD"),
        "run.opt-by": ("実施者 (職員の id)", "who ran it (a person id)"),
        "run.opt-checked-by": ("確認者 (職員の id)", "who checked it (a person id)"),
        "run.opt-exception": (
            "書かれたとおりに実施しなかった行: 手順の id (単独のチェックリストは項目の番号)=理由。繰り返し指定できます",
            "a line not done as written: STEP=NOTE (an item number for a standalone checklist); repeatable",
        ),
        "run.unknown-checklist": (
            "チェックリスト '{id}' はありません{hint}",
            "no checklist '{id}'{hint}",
        ),
        "run.bad-exception": (
            "--exception は 手順の id=理由 の形で書いてください: '{value}'",
            "write --exception as STEP=NOTE: '{value}'",
        ),
        "run.future": (
            "実施日 {date} は今日 ({today}) より後です。実施した日を指定してください",
            "{date} is after today ({today}): give the day it was run",
        ),
        "run.invalid": (
            "この実施記録は書けません:\n{problems}",
            "cannot record this run:\n{problems}",
        ),
        "run.written": ("実施記録を書きました: {path}", "wrote the run record: {path}"),
    }
)


def add_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    """Declare the options of `run`."""
    parser.add_argument("checklist", metavar="CHECKLIST", help=t("run.opt-checklist", lang))
    parser.add_argument("--date", required=True, metavar="DATE", help=t("run.opt-date", lang))
    parser.add_argument("--by", required=True, metavar="PERSON", help=t("run.opt-by", lang))
    parser.add_argument(
        "--checked-by", dest="checked_by", metavar="PERSON", help=t("run.opt-checked-by", lang)
    )
    parser.add_argument(
        "--exception",
        dest="exceptions",
        action="append",
        default=[],
        metavar="STEP=NOTE",
        help=t("run.opt-exception", lang),
    )
    add_root(parser, lang)


def run(options: argparse.Namespace, out: TextIO, lang: str) -> int:
    """Validate the run as `check` would, then write it to a new file."""
    from hikitsugi.commands.loading import load_checked
    from hikitsugi.render.print.packs import find_person
    from hikitsugi.render.run_record import run_path, run_yaml

    day = as_of(options.date)
    today = as_of(None)
    if day > today:
        raise UsageError("run.future", date=day.isoformat(), today=today.isoformat())
    kb = load_checked(options, lang)
    _find_checklist(kb, options.checklist, lang)
    performer = find_person(kb, options.by, lang)
    checker = find_person(kb, options.checked_by, lang) if options.checked_by else None
    record = Run(
        checklist=options.checklist,
        date=day,
        performed_by=performer.id,
        source="",
        checked_by=checker.id if checker else None,
        revision=_revision(kb, options.checklist, day),
        exceptions=tuple(_exception(text) for text in options.exceptions),
    )
    target = run_path(kb, record)
    text = run_yaml(kb, record)
    _validate(kb, target.relative_to(kb.root).as_posix(), text, today, lang)
    write_new(target, text)
    out.write(t("run.written", lang, path=str(target)) + "\n")
    return 0


def _find_checklist(kb: KnowledgeBase, wanted: str, lang: str) -> None:
    import difflib

    if wanted in kb.runbooks or wanted in kb.checklists:
        return
    choices = [*kb.runbooks, *kb.checklists]
    close = difflib.get_close_matches(wanted, choices, n=3, cutoff=0.5)
    hint = t("pack.did-you-mean", lang, names=", ".join(close)) if close else ""
    raise UsageError("run.unknown-checklist", id=wanted, hint=hint)


def _revision(kb: KnowledgeBase, checklist: str, day: datetime.date) -> datetime.date | None:
    from hikitsugi.facts.runs import revision_on

    item = kb.runbooks.get(checklist) or kb.checklists.get(checklist)
    return revision_on(item, day) if item is not None else None


def _exception(text: str) -> RunException:
    item, sep, note = text.partition("=")
    if not sep or not item.strip() or not note.strip():
        raise UsageError("run.bad-exception", value=text)
    item = item.strip()
    return RunException(int(item) if item.isdigit() else item, note.strip())


def _validate(kb: KnowledgeBase, relpath: str, text: str, today: datetime.date, lang: str) -> None:
    """Check the text by the rules `check` applies to run files; refuse it when any fails."""
    from hikitsugi.check.file_rules import analyse
    from hikitsugi.check.run_rules import exception_targets, run_rules
    from hikitsugi.check.sources import source_from_entry

    raw = text.encode("utf-8")
    source = source_from_entry("runs", relpath, raw, analyse("runs", relpath, raw))
    lines = exception_targets(
        {i: r.data for i, r in kb.runbooks.items()},
        {i: c.data for i, c in kb.checklists.items()},
    )
    problems, _ = run_rules([source], kb.roster, lines, today)
    problems = source.problems + problems
    if problems:
        listed = "\n".join(p.format(lang) for p in problems)
        raise UsageError("run.invalid", problems=listed)
