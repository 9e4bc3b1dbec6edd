"""Output paths users get wrong: each is a clear message and exit 2, and nothing is replaced."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO

SAMPLE = ("--root", str(REPO), "--no-cache")
FILE_OUTPUTS = {
    "audit": ("audit", *SAMPLE, "--no-git", "-o"),
    "checklist": ("checklist", "uketsuke-kaicho-mae-tenken", *SAMPLE, "-o"),
    "onboarding": ("onboarding", "--role", "nyusho-shusa", *SAMPLE, "-o"),
    "calendar": ("calendar", *SAMPLE, "--ics"),
}
EMPTY_PATH = "空のパスは使えません (ファイル名かフォルダ名を指定してください)"


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


@pytest.mark.parametrize(
    "args",
    [
        *FILE_OUTPUTS.values(),
        ("schema", "-o"),
        ("build", *SAMPLE, "--site-dir"),
        ("new", "process", "x", "--title", "x", "-o"),
    ],
    ids=[*FILE_OUTPUTS, "schema", "build", "new"],
)
def test_an_empty_output_path_is_a_usage_error(
    cli: Any, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, out, _ = cli(*args, "")
    printed = capsys.readouterr().err  # argparse prints its usage errors itself
    assert code == 2, printed
    assert EMPTY_PATH in printed and out == ""


@pytest.mark.parametrize("command", sorted(FILE_OUTPUTS))
@pytest.mark.parametrize("node", ["fifo", "/dev/null"])
def test_a_device_or_fifo_is_refused_and_kept(
    cli: Any, tmp_path: Path, command: str, node: str
) -> None:
    if node == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        target = Path(node)
    kind = stat.S_IFMT(target.stat().st_mode)
    code, _, err = cli(*FILE_OUTPUTS[command], str(target))
    assert code == 2, err
    assert f"{target} に書き込めません: 通常のファイルではありません" in err
    assert stat.S_IFMT(target.stat().st_mode) == kind  # still the node, never a regular file
    assert [p.name for p in tmp_path.iterdir()] == (["pipe"] if node == "fifo" else [])


def test_schema_onto_an_existing_file_is_refused(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_text("{}", encoding="utf-8")
    code, _, err = cli("schema", "-o", str(target))
    assert code == 2, err
    assert err == (
        f"hikitsugi: {target} に書き込めません: フォルダではなくファイルです (フォルダを指定してください)\n"
    )
    assert target.read_text(encoding="utf-8") == "{}" and len(list(tmp_path.iterdir())) == 1


def test_new_refuses_an_id_too_long_for_a_file_name(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "runbooks").mkdir()
    code, _, err = cli("new", "process", "a" * 300, "--title", "x", "--root", str(tmp_path))
    assert code == 2, err
    assert err == "hikitsugi: 識別子が長すぎます (300 文字、100 文字まで。ファイル名になるため)\n"
    assert list((tmp_path / "runbooks").iterdir()) == []
    assert cli("new", "process", "a" * 100, "--title", "x", "--root", str(tmp_path))[0] == 0


def permission_denied(*args: Any, **kwargs: Any) -> Any:
    raise PermissionError(13, "Permission denied")


def test_new_in_a_read_only_folder_is_a_clear_error(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The suite runs as root, which writes anywhere: the OS call is made to refuse instead.
    (tmp_path / "runbooks").mkdir()
    monkeypatch.setattr("hikitsugi.io.open", permission_denied, raising=False)
    code, _, err = cli("new", "process", "intake", "--title", "x", "--root", str(tmp_path))
    assert code == 2, err
    target = tmp_path / "runbooks" / "intake.yml"
    assert (
        err == f"hikitsugi: {target} に書き込めません: 書き込みに失敗しました (Permission denied)\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("command", [("check",), ("audit", "--no-git", "--as-of", "2026-11-27")])
def test_a_cache_that_cannot_be_written_only_costs_time(
    cli: Any, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.setattr("hikitsugi.io.tempfile.mkstemp", permission_denied)
    code, _, err = cli(*command, "--root", str(REPO))
    assert code in (0, 1) and err == ""


@pytest.mark.parametrize("command", ["audit", "calendar"])
def test_new_output_files_follow_the_umask(
    cli: Any, tmp_path: Path, umask_027: None, command: str
) -> None:
    target = tmp_path / "out"
    code, _, err = cli(*FILE_OUTPUTS[command], str(target))
    assert code in (0, 1) and err == ""
    assert target.stat().st_mode & 0o777 == 0o640  # 0o666 & ~0o027
