"""The README's two commands, run as a new user runs them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@pytest.mark.slow
def test_scripts_serve_checks_builds_and_serves_the_sample_city(tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [str(REPO / "scripts" / "serve"), "-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "CI": "true"},
    )
    try:
        page = None
        deadline = time.monotonic() + 240
        while page is None and time.monotonic() < deadline and process.poll() is None:
            time.sleep(1)
            page = fetch(f"http://127.0.0.1:{port}/runbooks/ikkatsu-uketsuke.html")
        output = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert page is not None, output[-3000:]
        assert "翌年度利用の一斉受付" in page
        assert "問題はありません" in output  # the check step ran first
        assert "サンプル市" in (fetch(f"http://127.0.0.1:{port}/") or "")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in ci
    for script in ("serve", "test", "bench", "fuzz"):
        path = REPO / "scripts" / script
        assert os.access(path, os.X_OK), path
        assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0


def test_readme_fast_lane_names_the_declared_markers_and_the_house_rules_run_first() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'scripts/test -m "not browser and not slow"' in readme
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    markers = {line.split(":")[0] for line in config["tool"]["pytest"]["ini_options"]["markers"]}
    assert markers == {"browser", "slow"}
    script = (REPO / "scripts" / "test").read_text(encoding="utf-8")
    steps = ('ruff" check', 'ruff" format --check', 'mypy"', 'python" -m pytest')
    order = [script.index(f"$VENV/bin/{step}") for step in steps]
    assert order == sorted(order)
