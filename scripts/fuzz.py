"""A mutational campaign over the sample city: scripts/fuzz [--inputs N] [--seconds S] [--seed K].

Each input is one of the sample city's files with a few mutations (byte flips, YAML-special
characters, lines duplicated or deleted, tags, values at the edges, deep nesting, full-width
spaces and colons, control characters, other encodings), and one CLI command run on the KB
in-process with a time limit. Crashes (exit 3 or a traceback) and hangs are minimised and saved.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from fuzzlib import Outcome, commands, copy_sample_kb, kb_files, mutate, run_command


def main() -> int:
    options = _options()
    rng = random.Random(options.seed)
    work = Path(tempfile.mkdtemp(prefix="hikitsugi-fuzz-"))
    saved = Path(options.out) if options.out else work / "findings"
    saved.mkdir(parents=True, exist_ok=True)
    root = copy_sample_kb(work / "kb")
    files = kb_files(root)
    originals = {name: (root / name).read_bytes() for name in files}
    argvs = commands(root, work / "out")
    (work / "out").mkdir()
    deadline = time.monotonic() + options.seconds if options.seconds else None
    findings: Counter[str] = Counter()
    codes: Counter[int | None] = Counter()
    slowest = (0.0, "", [""])
    runs = 0
    started = time.monotonic()
    while runs < options.inputs and (deadline is None or time.monotonic() < deadline):
        name = rng.choice(files)
        raw, applied = mutate(originals[name], rng)
        argv = argvs[runs % len(argvs)]
        other = rng.choice(files) if rng.random() < 0.2 else name  # sometimes two files at once
        other_raw = raw
        if other != name:
            other_raw, _ = mutate(originals[other], rng)
            (root / other).write_bytes(other_raw)
            applied.append(f"and {other}")
        (root / name).write_bytes(raw)
        outcome = run_command(root, argv, options.timeout)
        runs += 1
        codes[outcome.code] += 1
        if outcome.seconds > slowest[0]:
            slowest = (outcome.seconds, name, argv)
        if outcome.finding:
            findings[outcome.finding] += 1
            small = _minimise(root, name, raw, argv, outcome, options.timeout)
            _save(
                saved,
                sum(findings.values()),
                {other: other_raw, name: small},
                argv,
                outcome,
                applied,
            )
        (root / name).write_bytes(originals[name])
        (root / other).write_bytes(originals[other])
        if options.verbose and runs % 500 == 0:
            print(
                f"  {runs} inputs, {dict(findings)} ({time.monotonic() - started:.0f} s)",
                flush=True,
            )
    _summary(runs, findings, codes, slowest, saved, time.monotonic() - started)
    if options.out or not findings:
        shutil.rmtree(work)
    else:  # the findings stay in the temporary folder
        shutil.rmtree(root)
        shutil.rmtree(work / "out")
    return 1 if findings else 0


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=2000, help="inputs to run (default 2000)")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds before a hang")
    parser.add_argument("--out", help="folder for minimised findings (default: a temp folder)")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress every 500 inputs")
    return parser.parse_args()


def _minimise(
    root: Path, name: str, raw: bytes, argv: list[str], first: Outcome, timeout: float
) -> bytes:
    """Shrink *raw* while the command still fails the same way: lines first, then bytes."""
    budget = time.monotonic() + 60

    def still_fails(candidate: bytes) -> bool:
        if time.monotonic() > budget:
            return False
        (root / name).write_bytes(candidate)
        return run_command(root, argv, timeout).finding == first.finding

    for unit in (b"\n", None):
        chunks = raw.split(b"\n") if unit else [bytes([b]) for b in raw]
        joiner = b"\n" if unit else b""
        size = max(1, len(chunks) // 2)
        while size >= 1:
            start = 0
            while start < len(chunks):
                candidate = chunks[:start] + chunks[start + size :]
                if candidate and still_fails(joiner.join(candidate)):
                    chunks = candidate
                else:
                    start += size
            size //= 2
        raw = joiner.join(chunks)
        if len(raw) > 4000:  # byte by byte would take too long; the lines are small enough
            break
    return raw


def _save(
    folder: Path,
    number: int,
    mutated: dict[str, bytes],
    argv: list[str],
    outcome: Outcome,
    applied: list[str],
) -> None:
    case = folder / f"{number:03d}-{outcome.finding}-{argv[0]}"
    for name, raw in mutated.items():
        (case / name).parent.mkdir(parents=True, exist_ok=True)
        (case / name).write_bytes(raw)
    names = " and ".join(mutated)
    (case / "command.txt").write_text(
        "hikitsugi "
        + " ".join(argv)
        + f"  (on the sample city with {names} replaced)\n"
        + f"mutations: {', '.join(applied)}\n\n"
        + outcome.out[-4000:],
        encoding="utf-8",
    )


def _summary(
    runs: int,
    findings: Counter[str],
    codes: Counter[int | None],
    slowest: tuple[float, str, list[str]],
    saved: Path,
    seconds: float,
) -> None:
    seconds_each, name, argv = slowest
    print(f"inputs run:    {runs} in {seconds:.0f} s")
    print(f"crashes:       {findings['crash']} (exit 3 or a traceback)")
    print(f"hangs:         {findings['hang']}")
    print(f"slowest input: {seconds_each:.2f} s (hikitsugi {' '.join(argv)}, mutated {name})")
    shown = ", ".join(f"{code}: {count}" for code, count in sorted(codes.items(), key=str))
    print(f"exit codes:    {shown}")
    if findings:
        print(f"minimised inputs: {saved}")


if __name__ == "__main__":
    sys.exit(main())
