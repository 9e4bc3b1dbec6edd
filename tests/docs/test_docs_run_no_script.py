"""Our own docs pages show HTML in code only: MkDocs passes raw HTML in docs/ through as it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
RAW_HTML = re.compile(
    r"<\s*(script|img|svg|iframe|object|embed|style)\b|\bon[a-z]+\s*=", re.IGNORECASE
)


@pytest.mark.parametrize("page", sorted((REPO / "docs").glob("*.md")), ids=lambda p: p.name)
def test_docs_page_has_no_raw_html_outside_code(page: Path) -> None:
    text = CODE.sub("", page.read_text(encoding="utf-8"))
    assert RAW_HTML.findall(text) == []
