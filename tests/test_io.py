"""The one atomic writer, and every command that writes a file failing the same clear way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from hikitsugi.errors import WriteError
from hikitsugi.io import write_atomic, write_new

UNWRITABLE = Path("/proc/hikitsugi-test/out")  # /proc refuses new folders, even to root


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


def test_writes_bytes_and_text_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.csv"
    write_atomic(target, "一,二\r\n")
    assert target.read_bytes() == "一,二\r\n".encode()  # line ends as given
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert list(target.parent.iterdir()) == [target]  # no temporary file left


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path, umask_027: None) -> None:
    target = tmp_path / "out.html"
    write_atomic(target, "x")
    assert target.stat().st_mode & 0o777 == 0o640  # 0o666 & ~0o027, not mkstemp's 0o600


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    target.write_text("old")
    target.chmod(0o604)
    write_atomic(target, "new")
    assert (target.read_text(), target.stat().st_mode & 0o777) == ("new", 0o604)


def test_a_folder_that_cannot_be_made_is_a_clear_error() -> None:
    with pytest.raises(WriteError) as caught:
        write_atomic(UNWRITABLE / "out.csv", "x")
    assert caught.value.exit_code == 2
    assert caught.value.render("ja") == (
        f"{UNWRITABLE / 'out.csv'} に書き込めません: "
        "フォルダを作れません (No such file or directory)"
    )
    assert caught.value.render("en").startswith(f"cannot write {UNWRITABLE / 'out.csv'}: ")


def test_a_folder_or_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as folder:
        write_atomic(tmp_path, "x")
    assert "フォルダです" in folder.value.render("ja")
    with pytest.raises(WriteError) as device:
        write_atomic(Path("/dev/null"), "x")
    assert "通常のファイルではありません" in device.value.render("ja")


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_previous_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous")

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(f"hikitsugi.io.os.{failing}", fail)
    with pytest.raises(WriteError) as caught:
        write_atomic(target, "new")
    assert "書き込みに失敗しました (No space left on device)" in caught.value.render("ja")
    assert target.read_text() == "previous"
    assert list(tmp_path.iterdir()) == [target]


def test_write_new_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "new" / "a.yml"
    write_new(target, "one\n")
    with pytest.raises(WriteError) as caught:
        write_new(target, "two\n")
    assert "すでにあります" in caught.value.render("ja")
    assert target.read_text() == "one\n"


SAMPLE = ("--root", str(REPO), "--no-cache")
PRINT_KB = ("--root", str(REPO / "tests" / "fixtures" / "print" / "kb"), "--no-cache")
WRITERS = {
    "audit": (("audit", *SAMPLE, "--no-git", "-o"), "out.csv"),
    "checklist": (("checklist", "uketsuke-kaicho-mae-tenken", *SAMPLE, "-o"), "c.html"),
    "handover": (
        ("handover", "--person", "tanaka-hanako", "--as-of", "2027-02-01", *SAMPLE, "-o"),
        "h.html",
    ),
    "onboarding": (("onboarding", "--role", "nyusho-shusa", *SAMPLE, "-o"), "o.html"),
    "schema": (("schema", "-o"), "schema"),
    "calendar": (("calendar", *SAMPLE, "--ics"), "a.ics"),
    "build": (("build", *SAMPLE, "--site-dir"), "site"),
}


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_every_writing_command_names_an_unwritable_output(cli: Any, command: str) -> None:
    args, name = WRITERS[command]
    target = UNWRITABLE / name
    code, _, err = cli(*args, str(target))
    assert code == 2, err
    assert f"{target} に書き込めません: フォルダを作れません" in err
    assert "内部エラー" not in err


@pytest.mark.parametrize("command", ["audit", "checklist", "handover", "onboarding", "calendar"])
def test_every_file_output_refuses_a_folder(cli: Any, tmp_path: Path, command: str) -> None:
    args, _ = WRITERS[command]
    code, _, err = cli(*args, str(tmp_path))
    assert code == 2, err
    assert f"{tmp_path} に書き込めません: フォルダです" in err
    assert list(tmp_path.iterdir()) == []


def test_build_refuses_a_file_as_the_site_folder(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("not a site")
    code, _, err = cli("build", *SAMPLE, "--site-dir", str(target))
    assert code == 2, err
    assert "フォルダではありません (ファイルなど)" in err and "何も変更していません" in err
    assert target.read_text() == "not a site"


def test_the_site_folder_follows_the_umask(cli: Any, tmp_path: Path, umask_027: None) -> None:
    site = tmp_path / "site"
    code, _, err = cli("build", *SAMPLE, "--site-dir", str(site))
    assert (code, err) == (0, "")
    assert site.stat().st_mode & 0o777 == 0o750  # 0o777 & ~0o027, not mkdtemp's 0o700
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left
