"""Shared fixtures: the repository root (the sample city) and a CLI runner."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from hikitsugi.cli import run

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's chromium; Playwright drives it via executable_path
# Headless as root, and no background traffic: this machine (like an LGWAN PC) reaches nothing outside.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
FIXTURES = TESTS / "fixtures"
GOLDEN_DIR = TESTS / "golden"


@pytest.fixture
def repo() -> Path:
    return REPO


CliResult = tuple[int, str, str]


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""

    def invoke(*args: str) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        code = run(list(args), out, err)
        return code, out.getvalue(), err.getvalue()

    return invoke
