"""Git hint: runbooks whose file was committed after their `reviewed_on` (editing is not reviewing).

A hint is an info line, never a finding. One `git log` call covers every file; with no git,
no repository or any git failure there are simply no hints.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hikitsugi.i18n import register, t
from hikitsugi.model import Checklist, KnowledgeBase, Runbook

register(
    {
        "audit.hint.edited": (
            "見直し ({reviewed_on}) の後に {changed_on} に変更されています。変更後の内容を確かめたら reviewed_on を更新してください",
            (
                "changed on {changed_on}, after its review on {reviewed_on}: "
                "once the changed text is checked, update reviewed_on"
            ),
        ),
    }
)


@dataclass(frozen=True)
class GitHint:
    """A runbook or checklist edited (committed) after its last review."""

    id: str
    title: str
    file: str
    line: int
    owner_role: str | None
    reviewed_on: datetime.date
    changed_on: datetime.date

    def message(self, lang: str) -> str:
        """Return the one-line note in *lang*."""
        return t(
            "audit.hint.edited",
            lang,
            reviewed_on=self.reviewed_on.isoformat(),
            changed_on=self.changed_on.isoformat(),
        )


def last_changes(root: Path, since: datetime.date | None = None) -> dict[str, datetime.date]:
    """Return {path relative to root: day of its last commit}; {} when git cannot tell."""
    return {path: days[0] for path, days in change_days(root, since).items()}


def change_days(
    root: Path, since: datetime.date | None = None, until: datetime.date | None = None
) -> dict[str, tuple[datetime.date, ...]]:
    """Return {path: the days it was committed, newest first}; {} when git cannot tell.

    One `git log` over runbooks/ and checklists/; the evidence report lists these days as
    versions, the audit's hint reads only the newest.
    """
    if not (root / ".git").exists() and not _inside_git(root):
        return {}
    command = [
        "git",
        "-c",
        "core.quotepath=off",
        "log",
        "--relative",
        "--no-renames",
        "--format=@%cs",
        "--name-only",
    ]
    if since is not None:
        command.append(f"--since={since.isoformat()}T00:00:00")
    if until is not None:
        command.append(f"--until={until.isoformat()}T23:59:59")
    command += ["--", "runbooks", "checklists"]
    environment = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        run = subprocess.run(
            command, cwd=root, capture_output=True, env=environment, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if run.returncode != 0:
        return {}
    found: dict[str, list[datetime.date]] = {}
    day: datetime.date | None = None
    for line in run.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("@"):
            try:
                day = datetime.date.fromisoformat(line[1:])
            except ValueError:
                day = None
        elif line and day is not None:
            days = found.setdefault(line, [])  # newest first: the first is the last change
            if day not in days:
                days.append(day)
    return {path: tuple(days) for path, days in found.items()}


def edited_after_review(kb: KnowledgeBase, changes: dict[str, datetime.date]) -> list[GitHint]:
    """Return hints for audited items whose file changed after their `reviewed_on` (pure)."""
    hints = []
    for item in _audited(kb):
        changed = changes.get(item.source)
        if item.reviewed_on is not None and changed is not None and changed > item.reviewed_on:
            hints.append(
                GitHint(
                    item.id,
                    item.title,
                    item.source,
                    item.line,
                    item.owner,
                    item.reviewed_on,
                    changed,
                )
            )
    hints.sort(key=lambda h: (h.file, h.line))
    return hints


def git_hints(kb: KnowledgeBase) -> list[GitHint]:
    """Ask git once for the last change of every file; return the edited-after-review hints."""
    items = list(_audited(kb))
    reviewed = [item.reviewed_on for item in items if item.reviewed_on is not None]
    if not reviewed or not (kb.root / ".git").exists() and not _inside_git(kb.root):
        return []
    return edited_after_review(kb, last_changes(kb.root, since=min(reviewed)))


def _inside_git(root: Path) -> bool:
    return any((parent / ".git").exists() for parent in root.resolve().parents)


def _audited(kb: KnowledgeBase) -> Iterable[Runbook | Checklist]:
    yield from (r for r in kb.runbooks.values() if r.status == "active")
    yield from kb.checklists.values()
