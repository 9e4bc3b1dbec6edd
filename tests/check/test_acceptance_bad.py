"""Acceptance: each folder in fixtures/bad/ is a KB with one kind of defect and its exact report."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, CliResult

BAD = FIXTURES / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))


def make_kb(case: str, target: Path) -> Path:
    """Copy the shared base KB, then the case's own files over it."""
    shutil.copytree(BAD / "_base", target)
    shutil.copytree(BAD / case, target, dirs_exist_ok=True)
    (target / "expected.txt").unlink()
    return target


@pytest.mark.parametrize("case", CASES)
def test_bad_case_reports_exactly_the_expected_lines(
    case: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb(case, tmp_path / case)
    code, out, err = cli("check", "--root", str(root), "--no-cache")
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert out.splitlines()[:-1] == expected
    assert code == 1, err
    assert "Traceback" not in out + err


def test_every_case_has_an_expected_report() -> None:
    assert len(CASES) >= 18
    for case in CASES:
        assert (BAD / case / "expected.txt").read_text(encoding="utf-8").strip(), case


def test_python_tag_is_never_executed(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    marker = Path("/tmp/hikitsugi-pwned")
    marker.unlink(missing_ok=True)
    root = make_kb("python-tag", tmp_path / "kb")
    cli("check", "--root", str(root), "--no-cache")
    assert not marker.exists()
