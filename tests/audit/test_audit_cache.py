"""The audit snapshot: a warm run answers exactly as a cold one, and any change misses it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from hikitsugi.audit import cache as audit_cache
from hikitsugi.check.cache import cache_folder

FIXTURES = FIXTURES / "audit"
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HIKITSUGI_LANG", "ja")
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", root)
    return root


def run(cli: Cli, root: Path, *options: str) -> tuple[int, str]:
    code, out, _ = cli("audit", "--root", str(root), "--as-of", "2026-11-27", "--no-git", *options)
    return code, out


@pytest.mark.parametrize("form", ["text", "json", "csv", "markdown"])
def test_warm_run_answers_exactly_as_a_cold_one(cli: Cli, kb: Path, form: str) -> None:
    cold = run(cli, kb, "--format", form, "--no-cache")
    first = run(cli, kb, "--format", form)  # writes the snapshot
    assert (cache_folder(kb) / audit_cache.SNAPSHOT).is_file()
    warm = run(cli, kb, "--format", form)
    assert cold == first == warm


def test_partly_valid_kb_keeps_its_skips_and_check_errors(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIKITSUGI_LANG", "ja")
    root = tmp_path / "partial"
    shutil.copytree(FIXTURES / "partial", root)
    cold = run(cli, root, "--no-cache")
    run(cli, root)
    assert run(cli, root) == cold


def test_the_snapshot_is_used_when_nothing_changed(
    kb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit_cache.checked(kb)

    def no_check(*args: object, **kwargs: object) -> None:
        raise AssertionError("check ran although nothing changed")

    monkeypatch.setattr(audit_cache, "check", no_check)
    result = audit_cache.checked(kb)
    assert result.ok and "local-intake" in result.kb.runbooks
    assert result.kb.runbooks["local-intake"].steps == ()  # light: for the audit only


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "runbooks" / "never.yml").write_text(
            (root / "runbooks" / "never.yml").read_text(encoding="utf-8")
            + "reviewed_on: 2026-11-01\n",
            encoding="utf-8",
        ),
        lambda root: (root / "roster.yml").write_text(
            (root / "roster.yml")
            .read_text(encoding="utf-8")
            .replace("until: 2026-11-26", "until: 2026-12-26"),
            encoding="utf-8",
        ),
        lambda root: (root / "hikitsugi.yml").write_text(
            (root / "hikitsugi.yml")
            .read_text(encoding="utf-8")
            .replace("due_soon_days: 30", "due_soon_days: 31"),
            encoding="utf-8",
        ),
        lambda root: (root / "runbooks" / "no-deputy.yml").unlink(),
        lambda root: shutil.copy(
            root / "runbooks" / "never.yml", root / "runbooks" / "never-2.yml"
        ),
    ],
    ids=["edit-runbook", "edit-roster", "edit-settings", "delete", "add-duplicate"],
)
def test_any_change_misses_the_snapshot(
    cli: Cli, kb: Path, change: Callable[[Path], object]
) -> None:
    before = run(cli, kb)
    run(cli, kb)
    change(kb)
    after = run(cli, kb)
    assert after == run(cli, kb, "--no-cache")
    assert after != before


def test_a_damaged_snapshot_is_ignored(cli: Cli, kb: Path) -> None:
    cold = run(cli, kb, "--no-cache")
    run(cli, kb)
    (cache_folder(kb) / audit_cache.SNAPSHOT).write_bytes(b"not marshal")
    assert run(cli, kb) == cold
