"""`hikitsugi init`: from an empty folder to a KB that checks clean and builds, never overwriting."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, CliResult
from hikitsugi import schema
from hikitsugi.check.checker import check


def test_init_makes_a_kb_that_checks_clean(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    kb = tmp_path / "kb"
    code, out, err = cli("init", str(kb), "--organization", "テスト市 子ども家庭課")
    assert (code, err) == (0, "")
    assert f"作成: {kb.as_posix()}/hikitsugi.yml" in out.splitlines()
    assert f"hikitsugi check --root {kb}   で確かめます" in out
    assert check(kb, use_cache=False).problems == []
    assert 'organization: "テスト市 子ども家庭課"' in (kb / "hikitsugi.yml").read_text("utf-8")
    for name in schema.FILES:  # where every `$schema` comment points
        assert (kb / "docs" / "schema" / name).read_text("utf-8") == schema.text(name)
    assert "site/" in (kb / ".gitignore").read_text("utf-8")
    assert "entry: hikitsugi check" in (kb / ".pre-commit-config.yaml").read_text("utf-8")
    index = (kb / "docs" / "index.md").read_text("utf-8")
    assert all(word in index for word in ("メモ帳", "UTF-8", "hikitsugi check", "site\\index.html"))
    # `new` points its $schema at the schema init wrote
    assert cli("new", "tool", "x", "--title", "道具", "--owner", "tanto", "--root", str(kb))[0] == 0
    runbook = (kb / "runbooks" / "x.yml").read_text("utf-8")
    assert runbook.startswith("# yaml-language-server: $schema=../docs/schema/runbook.schema.json")
    assert check(kb, use_cache=False).errors == []


def test_the_format_reference_travels_with_the_package(tmp_path: Path) -> None:
    packaged = REPO / "src" / "hikitsugi" / "docs" / "format.md"
    assert packaged.read_text("utf-8") == (REPO / "docs" / "format.md").read_text("utf-8"), (
        "copy docs/format.md to src/hikitsugi/docs/format.md"
    )


def test_init_refuses_a_folder_with_files_that_is_not_a_kb(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    (tmp_path / "memo.txt").write_text("x", encoding="utf-8")
    code, out, err = cli("init", str(tmp_path), "--organization", "x")
    assert code == 2 and out == ""
    assert err == (
        f"hikitsugi: {tmp_path} には既にファイルがあり、ナレッジベース (hikitsugi.yml のあるフォルダ) でも"
        "ありません。新しい空のフォルダを指定してください (例: hikitsugi init 新しいフォルダ名 --organization 名称)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.txt"]


def test_init_in_a_kb_adds_only_what_is_missing_and_overwrites_nothing(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    kb = tmp_path / "kb"
    assert cli("init", str(kb), "--organization", "x")[0] == 0
    (kb / ".gitignore").write_text("mine\n", encoding="utf-8")
    (kb / "docs" / "format.md").unlink()
    code, out, _ = cli("init", str(kb), "--organization", "y")
    assert code == 0
    assert (kb / ".gitignore").read_text("utf-8") == "mine\n"
    assert f"既にあるのでそのまま: {kb.as_posix()}/.gitignore" in out
    assert f"作成: {kb.as_posix()}/docs/format.md" in out
    assert 'organization: "x"' in (kb / "hikitsugi.yml").read_text("utf-8")


def test_check_in_an_empty_folder_says_how_to_start(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    code, out, err = cli("check", "--root", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(
        f"hikitsugi: {tmp_path} に hikitsugi.yml がありません。新しく始めるには hikitsugi init --organization 名称"
    )


def test_the_pre_commit_hook_of_this_repository_runs_check() -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hooks == [
        {
            "id": "hikitsugi-check",
            "name": "hikitsugi check",
            "description": "ナレッジベースの形式を検査する (hikitsugi check)",
            "entry": "hikitsugi check",
            "language": "python",
            "pass_filenames": False,
            "files": r"\.(yml|yaml)$",
        }
    ]


# Every kind of output, under a Windows console's code page (CP932 has no ✓, ⚠ …).
CP932_RUNS = [
    ("init", "{kb}", "--organization", "テスト市 ～ 〜 ✓ ⚠"),
    ("check", "--root", "{kb}"),
    ("check", "--root", "{kb}/nothing-here"),
    ("new", "process", "y", "--title", "受付 ～ ✓", "--root", "{kb}"),
    ("new", "process", "z", "--title", "t", "--owner", "担当者", "--root", "{kb}"),
    ("audit", "--root", "{kb}", "--as-of", "2030-01-01"),
    ("rotation", "--root", "{kb}"),
    ("calendar", "--root", "{kb}"),
    ("show", "rei-tetsuzuki", "--root", "{kb}"),
    ("onboarding", "--role", "tanto", "--root", "{kb}", "-o", "{kb}/o.html"),
    ("schema", "-o", "{kb}/s"),
    ("--help",),
    ("init", "--help"),
]


@pytest.mark.slow  # one Python process per command
def test_every_command_prints_under_cp932_without_crashing(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    env = {**os.environ, "PYTHONIOENCODING": "cp932", "HIKITSUGI_LANG": "ja"}
    for args in CP932_RUNS:
        argv = [arg.format(kb=kb) for arg in args]
        done = subprocess.run(
            [sys.executable, "-m", "hikitsugi", *argv],
            env=env,
            capture_output=True,
            check=False,
        )
        assert done.returncode in (0, 1, 2), (argv, done.stderr.decode("cp932", "replace"))
        both = (done.stdout + done.stderr).decode("cp932")  # what the console shows
        assert "Traceback" not in both and "UnicodeEncodeError" not in both, argv
        assert both.strip(), argv
