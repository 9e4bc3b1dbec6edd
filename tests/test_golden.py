"""The golden-file helper itself: bytes decide, a missing file fails, the update switch rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest

import conftest
from conftest import UPDATE_GOLDEN, Golden


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(conftest, "GOLDEN_DIR", tmp_path)
    monkeypatch.delenv(UPDATE_GOLDEN, raising=False)
    return tmp_path


def test_line_ends_count(golden: Golden, folder: Path) -> None:
    (folder / "a.csv").write_bytes("名前,件数\r\n".encode())
    golden("a.csv", "名前,件数\r\n")
    with pytest.raises(AssertionError, match=f"{UPDATE_GOLDEN}=1 scripts/test"):
        golden("a.csv", "名前,件数\n")


def test_a_missing_golden_fails_and_says_how_to_accept(golden: Golden, folder: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match=f"does not exist.*{UPDATE_GOLDEN}=1"):
        golden("audit/none.txt", "")


def test_the_update_switch_writes_the_bytes(
    golden: Golden, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(UPDATE_GOLDEN, "1")
    golden("new/b.csv", "x\r\n")
    assert (folder / "new" / "b.csv").read_bytes() == b"x\r\n"
