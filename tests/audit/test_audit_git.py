"""Git hint: files committed after their reviewed_on are noted (not findings); no git, no notes."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from hikitsugi.audit.git import edited_after_review, git_hints, last_changes
from hikitsugi.check.checker import check

FIXTURE = FIXTURES / "audit" / "kb"
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def commit(root: Path, day: str, *paths: str) -> None:
    """Commit *paths* with committer and author date *day*."""
    stamp = f"{day}T12:00:00+09:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    subprocess.run(["git", "add", "--", *paths], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", day], cwd=root, check=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git checkout of the fixture KB whose KB lies in a subfolder, committed on 2026-01-10."""
    root = tmp_path / "repo"
    kb = root / "city"
    shutil.copytree(FIXTURE, kb)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit(root, "2026-01-10", ".")
    return kb


@needs_git
def test_last_changes_gives_the_newest_commit_day_per_file(repo: Path) -> None:
    path = repo / "runbooks" / "healthy.yml"
    path.write_text(path.read_text(encoding="utf-8") + "tags: [edited]\n", encoding="utf-8")
    commit(repo.parent, "2026-07-01", "city/runbooks/healthy.yml")
    changes = last_changes(repo)
    assert changes["runbooks/healthy.yml"] == datetime.date(2026, 7, 1)
    assert changes["runbooks/gakudo/due-today.yml"] == datetime.date(2026, 1, 10)
    assert "roster.yml" not in changes


@needs_git
def test_hints_mark_files_changed_after_review_only(repo: Path) -> None:
    path = repo / "runbooks" / "healthy.yml"  # reviewed 2026-06-01
    path.write_text(path.read_text(encoding="utf-8") + "tags: [edited]\n", encoding="utf-8")
    commit(repo.parent, "2026-07-01", "city/runbooks/healthy.yml")
    kb = check(repo, use_cache=False).kb
    hints = git_hints(kb)
    # committed 2026-01-10, after reviews of 2025: due-today, stale-by-one, month-end, due-soon-edge, not-due-yet
    assert {h.id for h in hints} == {
        "healthy",
        "due-today",
        "stale-by-one",
        "month-end",
        "due-soon-edge",
        "not-due-yet",
        "cl-stale",
    }
    healthy = next(h for h in hints if h.id == "healthy")
    assert (healthy.reviewed_on, healthy.changed_on) == (
        datetime.date(2026, 6, 1),
        datetime.date(2026, 7, 1),
    )
    assert "2026-07-01" in healthy.message("ja")


@needs_git
def test_hints_show_in_text_and_json_but_are_not_findings(
    repo: Path, cli: Callable[..., tuple[int, str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIKITSUGI_LANG", "ja")
    options = (
        "audit",
        "--root",
        str(repo),
        "--as-of",
        "2026-11-27",
        "--no-cache",
        "--owner",
        "tanto",
    )
    code, out, _ = cli(*options)
    assert (
        code == 0 and "参考: 見直しの後に編集されたもの" not in out
    )  # tanto's runbook was reviewed after the commit
    code, out, _ = cli(*options[:-2], "--format", "json", "--fail-on", "never")
    import json

    data = json.loads(out)
    assert {n["id"] for n in data["notes"]} >= {"due-today"}
    assert all(n["kind"] == "edited-after-review" for n in data["notes"])


def test_same_day_commit_is_not_after_review() -> None:
    kb = check(FIXTURE, use_cache=False).kb
    changes = {
        "runbooks/healthy.yml": datetime.date(2026, 6, 1),
        "runbooks/never.yml": datetime.date(2026, 6, 2),
    }
    assert edited_after_review(kb, changes) == []  # same day; never reviewed: no hint


def test_no_git_repository_gives_no_hints(tmp_path: Path) -> None:
    kb_root = tmp_path / "kb"
    shutil.copytree(FIXTURE, kb_root)
    if any((parent / ".git").exists() for parent in kb_root.resolve().parents):
        pytest.skip("tmp_path lies inside a git checkout")
    assert git_hints(check(kb_root, use_cache=False).kb) == []
    assert last_changes(kb_root) == {}
