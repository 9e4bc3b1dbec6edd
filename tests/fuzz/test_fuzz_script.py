"""scripts/fuzz runs, reports its figures, and saves a minimised input for a finding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def fuzz(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "fuzz.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_a_short_campaign_over_every_command_finds_nothing(tmp_path: Path) -> None:
    result = fuzz("--inputs", "14", "--seed", "7", "--out", str(tmp_path / "found"))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("inputs run:    14 in ")
    assert lines[1:3] == ["crashes:       0 (exit 3 or a traceback)", "hangs:         0"]
    assert lines[3].startswith("slowest input: ")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not any((tmp_path / "found").iterdir())


def test_a_finding_is_minimised_to_what_still_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    from fuzzlib import Outcome

    import fuzz

    def fake(root: Path, argv: list[str], timeout: float = 10) -> Outcome:
        crashed = b"BOOM" in (root / "runbooks" / "x.yml").read_bytes()
        return Outcome(3 if crashed else 1, "", 0.0)

    monkeypatch.setattr(fuzz, "run_command", fake)
    (tmp_path / "runbooks").mkdir()
    raw = b"id: x\ntitle: t\nsteps: [BOOM]\nowner: a\n"
    small = fuzz._minimise(tmp_path, "runbooks/x.yml", raw, ["check"], Outcome(3, "", 0), 1)
    assert small == b"BOOM"
