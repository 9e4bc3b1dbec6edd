"""The wheel built from this repository carries everything a city needs, and works on its own.

No network: the wheel is built with this virtualenv's setuptools (--no-build-isolation), and
installed with --no-index --no-deps into a fresh virtualenv outside the repository. Its
dependencies come from this virtualenv through a .pth line (the offline wheelhouse of
scripts/wheelhouse needs an index to fill, which CI has but a test must not need); the
`import hikitsugi` check below proves the package itself comes from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow  # builds a wheel, a virtualenv and a site

NEEDED = (
    "hikitsugi/docs/format.md",
    "hikitsugi/schema/runbook.schema.json",
    "hikitsugi/templates/init/hikitsugi.yml.j2",
    "hikitsugi/templates/new/process.yml.j2",
    "hikitsugi/templates/site/runbook.html.j2",
    "hikitsugi/templates/print/print.css",
    "hikitsugi/assets/site/hikitsugi.js",
    "hikitsugi/assets/theme/404.html",
)


def _run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


def test_the_wheel_installed_outside_the_repository_starts_and_builds_a_city(
    tmp_path: Path,
) -> None:
    source = tmp_path / "source"  # a copy, so that building writes nothing into the repository
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(
        REPO / "src",
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    wheels = tmp_path / "wheels"
    pip = (sys.executable, "-m", "pip")
    _run(*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--wheel-dir", wheels, source, cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("hikitsugi-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [name for name in NEEDED if name not in names] == []

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    _run(*pip, "--python", python, "install", "--quiet", "--no-index", "--no-deps", wheel,
         cwd=tmp_path)  # fmt: skip
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                        cwd=tmp_path).strip())  # fmt: skip
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    where = _run(python, "-c", "import hikitsugi; print(hikitsugi.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv)

    hikitsugi = python.parent / "hikitsugi"
    city = tmp_path / "city"
    out = _run(hikitsugi, "init", city, "--organization", "テスト市", cwd=tmp_path)
    assert "docs/format.md" in out
    _run(hikitsugi, "check", cwd=city)
    out = _run(hikitsugi, "build", cwd=city)
    assert "サイトを site に作りました" in out and "mkdocs:" not in out
    assert (city / "site" / "index.html").is_file()
    assert (city / "site" / "format.html").is_file()
