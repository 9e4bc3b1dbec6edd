"""The commands shown in docs/print.md and docs/rotation.md really work on the sample city."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import REPO

DOCS = [REPO / "docs" / "print.md", REPO / "docs" / "rotation.md"]


def commands(kind: str) -> list[tuple[str, list[str]]]:
    """Return (doc name, lines) of the ```KIND blocks of the docs."""
    found = []
    for doc in DOCS:
        for block in re.findall(
            rf"```{kind}\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL
        ):
            found.append((doc.name, block.splitlines()))
    return found


SH_LINES = [
    (name, line)
    for name, lines in commands("sh")
    for line in lines
    if line.startswith("hikitsugi ")
]


@pytest.mark.parametrize(("doc", "line"), SH_LINES, ids=[line for _, line in SH_LINES])
def test_sh_examples_run(doc, line, cli, tmp_path):
    args = shlex.split(line.split(" > ")[0])[1:]
    if "--pdf" in args:  # PDF output is tested in test_print_pdf.py; check the options parse
        args.remove("--pdf")
    if "-o" in args:
        index = args.index("-o") + 1
        args[index] = str(tmp_path / Path(args[index]).with_suffix(".html").name)
    code, _, err = cli(*args, "--root", str(REPO))
    assert code == 0, f"{doc}: {line}: {err}"


def test_console_examples_print_what_the_docs_say(cli):
    for doc, lines in commands("console"):
        for command, expected in zip(lines[::2], lines[1::2]):
            assert command.startswith("$ hikitsugi ")
            code, _, err = cli(*shlex.split(command[2:])[1:], "--root", str(REPO))
            assert err.strip() == expected, f"{doc}: {command}"
            assert code in (1, 2)
