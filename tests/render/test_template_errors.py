"""A KB's broken template override: a message with its file and line, exit 2, never exit 3."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES

PRINT_KB = FIXTURES / "print" / "kb"
CASES = {
    "undefined": (b"<p>\n{{ nothing_here }}\n", ":2 を使えません: 'nothing_here' is undefined"),
    "not-utf8": (
        b"<p>\nb\xff\xfe\n",
        ":2 を使えません: UTF-8 ではありません (6 バイト目)。UTF-8 で保存し直してください",
    ),
    "syntax": (b"\n\n{% if %}\n", ":3 を使えません: Expected an expression"),
}


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(PRINT_KB, root)
    (root / "templates" / "print").mkdir(parents=True)
    return root


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("template", ["checklist.html.j2", "_sheet.html.j2"])
def test_a_broken_print_template_names_its_file_and_line(
    cli: Any, kb: Path, case: str, template: str
) -> None:
    content, message = CASES[case]
    path = kb / "templates" / "print" / template
    path.write_bytes(content)
    code, out, err = cli("checklist", "gakudo-opening-day", "--root", str(kb), "--no-cache")
    assert code == 2, err
    assert err.startswith(f"hikitsugi: テンプレート {path}{message}"), err
    assert out == ""


def test_a_broken_starter_template_names_its_file_and_line(cli: Any, kb: Path) -> None:
    (kb / "templates" / "new").mkdir()
    path = kb / "templates" / "new" / "process.yml.j2"
    path.write_text("id: {{ id }}\ntitle: {{ missing }}\n", encoding="utf-8")
    code, _, err = cli("new", "process", "intake", "--title", "x", "--root", str(kb))
    assert code == 2, err
    assert err == f"hikitsugi: テンプレート {path}:2 を使えません: 'missing' is undefined\n"
    assert not (kb / "runbooks" / "intake.yml").exists()


@pytest.mark.slow  # builds the site with MkDocs
@pytest.mark.parametrize("case", ["undefined", "not-utf8"])
def test_a_broken_site_template_stops_the_build_with_its_file_and_line(
    cli: Any, tmp_path: Path, case: str
) -> None:
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "site" / "kb", root)
    (root / "templates" / "site").mkdir(parents=True)
    path = root / "templates" / "site" / "runbook.html.j2"
    path.write_bytes(CASES[case][0])
    site = tmp_path / "site"
    code, _, err = cli(
        "build", "--root", str(root), "--site-dir", str(site), "--as-of", "2026-11-27"
    )
    assert code == 2, err
    assert f"{path}:2" in err and "内部エラー" not in err
    assert not site.exists()
