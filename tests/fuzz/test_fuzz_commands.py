"""Property tests: every command on a mutated sample city exits 0, 1 or 2, without a traceback."""

from __future__ import annotations

import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from fuzzlib import commands, copy_sample_kb, kb_files, mutate, run_command

SAMPLES = kb_files(REPO)
COMMANDS = commands(Path("OUT"), Path("OUT"))


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the sample city; each example mutates one file and puts it back."""
    root = copy_sample_kb(tmp_path_factory.mktemp("fuzz") / "kb")
    (root.parent / "OUT").mkdir()
    yield root


def run_mutated(root: Path, argv: list[str], name: str, seed: int, timeout: float = 20) -> None:
    original = (root / name).read_bytes()
    raw, applied = mutate(original, random.Random(seed))
    (root / name).write_bytes(raw)
    try:
        argv = [str(root.parent / "OUT" / Path(a).name) if a.startswith("OUT") else a for a in argv]
        outcome = run_command(root, argv, timeout)
    finally:
        (root / name).write_bytes(original)
    assert not outcome.finding, f"{outcome.finding} {applied} on {name}:\n{outcome.out[-3000:]}"


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a[:2]) for a in COMMANDS])
def test_every_command_survives_mutated_files(kb: Path, argv: list[str]) -> None:
    @settings(max_examples=4, deadline=None, database=None)
    @given(name=st.sampled_from(SAMPLES), seed=st.integers(0, 2**32))
    def mutated(name: str, seed: int) -> None:
        run_mutated(kb, argv, name, seed)

    mutated()


@pytest.mark.slow
def test_build_survives_mutated_files(tmp_path: Path) -> None:
    root = copy_sample_kb(tmp_path / "kb")
    for extra in ("mkdocs.yml", "templates"):
        if (REPO / extra).is_dir():
            shutil.copytree(REPO / extra, root / extra)
        elif (REPO / extra).is_file():
            shutil.copy2(REPO / extra, root / extra)
    (root.parent / "OUT").mkdir()

    @settings(max_examples=3, deadline=None, database=None)
    @given(name=st.sampled_from(SAMPLES), seed=st.integers(0, 2**32))
    def mutated(name: str, seed: int) -> None:
        site = tmp_path / f"site-{seed}"
        run_mutated(root, ["build", "--site-dir", str(site)], name, seed, timeout=120)

    mutated()
