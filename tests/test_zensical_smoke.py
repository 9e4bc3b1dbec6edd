"""Engine hedge: the generated pages also build with Zensical, where it is installed.

Skipped unless `zensical` is on PATH or ZENSICAL names its executable (it is not a dependency).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

ZENSICAL = os.environ.get("ZENSICAL") or shutil.which("zensical")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not ZENSICAL or not Path(ZENSICAL).exists(), reason="zensical is not installed"
    ),
]


def test_every_runbook_page_builds_with_zensical() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "zensical_smoke.py"), "--zensical", str(ZENSICAL)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "runbook pages missing in zensical: []" in done.stdout
    assert "loads from outside: []" in done.stdout
