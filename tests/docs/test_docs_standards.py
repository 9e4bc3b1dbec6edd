"""docs/standards.md and docs/calendar.md: their hikitsugi commands run, their outputs are real."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO

DOCS = {
    name: (REPO / "docs" / name).read_text(encoding="utf-8")
    for name in ("standards.md", "calendar.md")
}


def commands(text: str) -> list[str]:
    """Return the `$ hikitsugi ...` lines of the console blocks."""
    return [
        line[2:].split("#")[0].strip()
        for line in text.splitlines()
        if line.startswith("$ hikitsugi ")
    ]


def blocks(text: str, kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", text, flags=re.DOTALL)


COMMANDS = [(name, command) for name, text in DOCS.items() for command in commands(text)]


@pytest.mark.parametrize(("name", "command"), COMMANDS)
def test_documented_command_runs_on_the_sample_city(
    name: str, command: str, cli: Any, tmp_path: Path
) -> None:
    args = shlex.split(command)[1:]
    if ">" in args:
        args = args[: args.index(">")]
    if "--ics" in args:
        index = args.index("--ics") + 1
        args[index] = str(tmp_path / args[index])
    code, out, err = cli(*args, "--root", str(REPO), "--no-cache")
    assert (code, err) == (0, ""), f"{name}: {command}"
    assert out


def test_documented_diff_lines_are_real(cli: Any) -> None:
    _, out, _ = cli("diff", "riyo-chosei", "--root", str(REPO), "--no-cache")
    (block,) = [b for b in blocks(DOCS["standards.md"], "text") if b.startswith("riyo-chosei")]
    for line in block.splitlines():
        if line.strip() and line.strip() != "…":
            assert line in out.splitlines()


def test_documented_check_output_is_the_fixtures(cli: Any) -> None:
    root = FIXTURES / "standards" / "bad" / "locations"
    _, out, _ = cli("check", "--root", str(root), "--no-cache")
    assert out in blocks(DOCS["standards.md"], "text")


def test_documented_calendar_lines_are_real(cli: Any) -> None:
    _, sample, _ = cli(
        "calendar",
        "--as-of",
        "2026-11-27",
        "--role",
        "nyusho-shusa",
        "--root",
        str(REPO),
        "--no-cache",
    )
    _, fixture, _ = cli(
        "calendar", "--as-of", "2026-11-27", "--root", str(FIXTURES / "calendar"), "--no-cache"
    )
    first, holiday = blocks(DOCS["calendar.md"], "text")
    assert sample.startswith(first)
    assert all(line in fixture.splitlines() for line in holiday.splitlines())
