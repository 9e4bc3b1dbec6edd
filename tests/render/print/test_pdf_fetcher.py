"""The PDF reads only the package's own files and the KB's: a template override cannot pull in more."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from hikitsugi.render.print.pdf import local_only_fetcher

KB_DIR = FIXTURES / "print" / "kb"


def test_the_fetcher_reads_the_kb_and_refuses_everything_else(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.css").write_text("p {}", encoding="utf-8")
    (kb / "link.css").symlink_to("/etc/passwd")
    fetcher = local_only_fetcher((kb,))
    for url in (
        "file:///etc/passwd",
        (kb / "link.css").as_uri(),  # a symlink out of the KB
        (kb / ".." / "kb" / ".." / "outside.css").as_uri(),
        "file://server/share/x.css",
        "https://example.org/a.css",
    ):
        with pytest.raises(ValueError, match="disallowed"):
            fetcher(url)
    response = fetcher((kb / "a.css").as_uri())
    try:
        assert response.read() == b"p {}"
    finally:
        response.close()


@pytest.mark.slow  # makes a PDF
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_a_template_override_cannot_print_a_file_outside_the_kb(
    tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR, root)
    outside = tmp_path / "outside.css"
    outside.write_text('body::before { content: "OUTSIDE-READ"; }', encoding="utf-8")
    (root / "inside.css").write_text('body::after { content: "INSIDE-READ"; }', encoding="utf-8")
    (root / "templates" / "print").mkdir(parents=True)
    (root / "templates" / "print" / "print.css").write_text(
        f'@import url("{outside.as_uri()}");\n@import url("file:///etc/passwd");\n'
        f'@import url("{(root / "inside.css").as_uri()}");\n',
        encoding="utf-8",
    )
    pdf = tmp_path / "c.pdf"
    code, out, err = cli(
        "checklist", "gakudo-intake", "--root", str(root), "--as-of", "2027-02-01",
        "--pdf", "-o", str(pdf),
    )  # fmt: skip
    assert code == 0, out + err
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "INSIDE-READ" in text  # the KB's own file is read, so the test can see a read
    assert "OUTSIDE-READ" not in text and "root:" not in text
