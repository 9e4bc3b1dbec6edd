"""Shared fixtures: the repository root (the sample city), a CLI runner, golden files.

The suite writes nothing into the repository: caches go to a temporary folder
(HIKITSUGI_CACHE_DIR, inherited by subprocesses too), and a guard fails the run
when a file under the repository was created or changed anyway.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from hikitsugi.check.cache import CACHE_ENV
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
UPDATE_GOLDEN = "HIKITSUGI_UPDATE_GOLDEN"
# What running tools leaves behind by design; anything else new or changed is the suite's doing.
SCRATCH = (".venv/", "__pycache__/", ".ruff_cache/", ".mypy_cache/", ".pytest_cache/", ".egg-info/")

_cache_folder: str | None = None
_saved_cache_env: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Send every cache (check, audit, compiled templates) to a temporary folder, before collection."""
    global _cache_folder, _saved_cache_env
    _saved_cache_env = os.environ.get(CACHE_ENV)
    _cache_folder = tempfile.mkdtemp(prefix="hikitsugi-test-cache-")
    os.environ[CACHE_ENV] = _cache_folder
    # Hypothesis keeps its own folder (.hypothesis/ in the working directory) even with database=None
    set_hypothesis_home_dir(os.path.join(_cache_folder, "hypothesis"))


def pytest_unconfigure(config: pytest.Config) -> None:
    if _cache_folder is not None:
        shutil.rmtree(_cache_folder, ignore_errors=True)
    if _saved_cache_env is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = _saved_cache_env


def _fingerprint(path: Path) -> str:
    """Content of a file, or of every file in a folder, as one hash ('' when gone)."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    digest = hashlib.blake2b(digest_size=16)
    for file in files:
        if file.is_file():
            digest.update(file.relative_to(path.parent).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def repository_state() -> dict[str, str] | None:
    """Each path `git status --ignored` lists (status and content hash), or None outside git."""
    try:
        listing = subprocess.run(
            ["git", "status", "--porcelain", "--ignored", "-z"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    state = {}
    for entry in listing.split("\0"):
        status, path = entry[:2], entry[3:]
        if not path or any(part in f"/{path}" for part in SCRATCH):
            continue
        if os.environ.get(UPDATE_GOLDEN) == "1" and path.startswith("tests/golden/"):
            continue
        state[path] = f"{status} {_fingerprint(REPO / path)}"
    return state


@pytest.fixture(scope="session", autouse=True)
def _repository_untouched() -> Iterator[None]:
    """Fail the run when the tests created or changed a file under the repository."""
    before = repository_state()
    yield
    after = repository_state()
    if before is None or after is None or after == before:
        return
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    pytest.fail(
        "the tests created or changed files in the repository (write to tmp_path instead; "
        f"caches go to ${CACHE_ENV}): " + ", ".join(changed),
        pytrace=False,
    )


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


Golden = Callable[[str, str], None]


@pytest.fixture
def golden() -> Golden:
    """Compare text with tests/golden/NAME byte for byte; HIKITSUGI_UPDATE_GOLDEN=1 rewrites it.

    Bytes, not text mode: CSV and .ics goldens keep their CRLF line ends.
    """

    def compare(name: str, actual: str) -> None:
        path = GOLDEN_DIR / name
        data = actual.encode("utf-8")
        if os.environ.get(UPDATE_GOLDEN) == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        accept = (
            f"if the new output is right, accept it with {UPDATE_GOLDEN}=1 scripts/test "
            f"(then review `git diff tests/golden/{name}`)"
        )
        if not path.is_file():
            pytest.fail(f"tests/golden/{name} does not exist: {accept}", pytrace=False)
        expected = path.read_bytes()
        # Compare as str so pytest shows a diff; the bytes decide, so line ends count.
        assert actual == expected.decode("utf-8") and data == expected, (
            f"output differs from tests/golden/{name}: {accept}"
        )

    return compare
