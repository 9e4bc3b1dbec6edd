"""Big inputs stay fast on paper: a long text is cut and a long sheet stops, each with a note."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from hikitsugi.check.checker import check
from hikitsugi.render.print.sheets import MAX_LINES, MAX_TEXT, sheet

DAY = datetime.date(2027, 2, 1)
LONG = ("あいうえおABCDEFGHIJ0123456789" * 1500)[:30000]  # 30 KB of CJK and ASCII, no space
HEAD = """id: {id}
title: 大きな手順書
kind: process
summary: 大きな入力
owner: gakudo-kakaricho
reviewed_on: 2026-05-01
steps:
"""


def big_kb(root: Path, steps: int) -> Path:
    """The print fixture plus `big-steps` (*steps* steps) and `big-line` (one 30 KB check)."""
    shutil.copytree(FIXTURES / "print" / "kb", root)
    lines = [HEAD.format(id="big-steps")]
    lines += [
        f"  - {{id: s{n}, title: 手順{n}, zone: lgwan, check: 確認{n}}}\n" for n in range(steps)
    ]
    (root / "runbooks" / "big-steps.yml").write_text("".join(lines), encoding="utf-8")
    line = HEAD.format(id="big-line") + f"  - {{id: one, title: 長い確認, check: {LONG}}}\n"
    (root / "runbooks" / "big-line.yml").write_text(line, encoding="utf-8")
    return root


def test_a_long_check_line_is_cut_with_a_note(tmp_path: Path) -> None:
    kb = check(big_kb(tmp_path / "kb", 3), use_cache=False).kb
    printed = sheet(kb, kb.runbooks["big-line"], DAY, "ja")
    (line,) = printed.groups[0].lines
    assert line.text == LONG[:MAX_TEXT] + "…(以下省略、全文は手順書サイト)"
    assert printed.cut_note == ""  # one line: nothing left out of the sheet


def test_a_sheet_stops_after_its_line_limit_with_a_note(tmp_path: Path) -> None:
    kb = check(big_kb(tmp_path / "kb", MAX_LINES + 50), use_cache=False).kb
    printed = sheet(kb, kb.runbooks["big-steps"], DAY, "ja")
    assert printed.count == MAX_LINES
    assert printed.groups[-1].lines[0].text == f"確認{MAX_LINES - 1}"
    assert printed.cut_note == (
        f"※ 長すぎるため、全 {MAX_LINES + 50} 行のうち {MAX_LINES} 行までを印刷しました。"
        "残りは手順書サイト (runbooks/big-steps.html) を見てください"
    )
    whole = sheet(kb, kb.runbooks["big-line"], DAY, "en")
    assert whole.count == 1 and whole.cut_note == ""


@pytest.mark.slow  # makes two PDFs; their speed is measured by scripts/bench_print.py
def test_the_pdfs_of_a_10000_step_runbook_and_a_30kb_line_are_made(
    cli: Any, tmp_path: Path
) -> None:
    root = big_kb(tmp_path / "kb", 10_000)
    for item in ("big-steps", "big-line"):
        target = tmp_path / f"{item}.pdf"
        code, _, err = cli("checklist", item, "--pdf", "-o", str(target), "--root", str(root))
        assert (code, err) == (0, "")
        assert target.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
            ).stdout.replace("\n", "")
            assert ("以下省略" if item == "big-line" else "行までを印刷しました") in text
