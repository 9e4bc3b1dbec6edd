"""Bench `hikitsugi check` cold and warm against the parse floor (the C loader alone)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import generate_kb

FLOOR = """
import sys, yaml, pathlib
for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.yml')):
    yaml.load(path.read_bytes().decode('utf-8'), Loader=yaml.CSafeLoader)
"""


def timed(command: list[str], repeat: int = 3) -> float:
    """Best wall time of *command* over *repeat* runs (whole processes, like a user)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        if done.returncode not in (0, 1):  # 1 = problems found; anything else voids the figure
            raise SystemExit(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}"
            )
        best = min(best, time.perf_counter() - start)
    return best


def bench(n: int, workdir: Path) -> None:
    root = workdir / f"kb-{n}"
    generate_kb(root, n)
    size = sum(p.stat().st_size for p in root.rglob("*.yml")) / n
    python = sys.executable
    check = [python, "-m", "hikitsugi", "check", "--root", str(root)]
    floor = cold = warm = float("inf")
    # Interleaved rounds: a shared machine speeds up and slows down, and each ratio should
    # compare runs made under the same conditions.
    for _ in range(3):
        floor = min(floor, timed([python, "-c", FLOOR, str(root)], repeat=1))
        shutil.rmtree(root / ".cache", ignore_errors=True)
        cold = min(cold, timed(check, repeat=1))  # leaves the cache filled
        warm = min(warm, timed(check, repeat=1))
    print(
        f"check N={n:>6} ({size / 1024:.1f} KB/runbook): parse floor {floor:6.2f} s | "
        f"cold {cold:6.2f} s = {cold / floor:4.2f} x floor (target <= 1.3) | "
        f"warm {warm:6.2f} s = {warm / floor:4.2f} x floor (target <= 0.2)"
    )


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    with tempfile.TemporaryDirectory(prefix="hikitsugi-bench-") as tmp:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        for n in sizes:
            bench(n, Path(tmp))


if __name__ == "__main__":
    main()
