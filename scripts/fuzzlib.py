"""Mutations of knowledge-base files, and running one CLI command on a mutated KB in-process.

Shared by scripts/fuzz (the long campaign) and tests/fuzz (the bounded hypothesis suite).
A finding is an internal error (exit 3), a traceback in the output, or a hang.
"""

from __future__ import annotations

import copy
import io
import os
import random
import re
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hikitsugi import schema
from hikitsugi.cli import run

REPO = Path(__file__).resolve().parent.parent
KB_PARTS = ("hikitsugi.yml", "roster.yml", "runbooks", "standards", "checklists")

SPECIAL = [
    ":",
    ": ",
    "-",
    "- ",
    "?",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&",
    "*",
    "!",
    "|",
    ">",
    "'",
    '"',
    "%",
    "@",
    "`",
    "\t",
    "\n",
    " ",
    "\\",
    "<<: ",
    "---\n",
    "...\n",
]
TAGS = [
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!str ",
    "!!null ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!timestamp ",
    "!!map ",
    "!!seq ",
    "!!python/object/apply:os.system ",
    "!custom ",
    "!<x> ",
]
EDGE_VALUES = [
    "99999999999999999999",
    "-1",
    "0",
    "1e20",
    "1.0e+400",
    ".nan",
    ".inf",
    "0x7fffffff",
    "9999-12-31",
    "0001-01-01",
    "2200-12-31",
    "1900-01-01",
    "2201-01-01",
    "2026-02-30",
    "10000 years",
    "99 years",
    "0 days",
    "999999999",
    "@cli.internal",
    "@type.array",
    "{x}",
    "{0}",
    "%s",
    "null",
    "~",
    "yes",
    "no",
    "on",
    "''",
    '""',
    "[]",
    "{}",
    "x" * 5000,
    "あ" * 3000,
    "javascript:alert(1)",
    "../../etc/passwd",
]
CONTROL = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffe",
    "\r",
    "\r\n",
]
ENCODINGS = ["cp932", "euc_jp", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "latin-1"]


def _sample_values() -> list[str]:
    """Every scalar written in the sample city: ids, dates and words to put in the wrong place."""
    found: set[str] = set()
    for path in sorted(REPO.glob("*.yml")) + sorted(REPO.glob("[rcs]*/**/*.yml")):
        found.update(
            re.findall(r"(?m)^\s*(?:- )?[\w-]+: ([^\s#][^\n#]{0,60})$", path.read_text("utf-8"))
        )
    return sorted(found)


POOL = _sample_values()
FIELDS = sorted(set(schema.iter_fields()))


def _splice(text: str, rng: random.Random, piece: str) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + piece + text[at:]


def _lines(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    choice = rng.randrange(4)
    if choice == 0:
        lines.insert(i, lines[j])
    elif choice == 1 and len(lines) > 1:
        del lines[i]
    elif choice == 2:
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines[i] = " " * rng.choice([1, 2, 4]) + lines[i]
    return "\n".join(lines)


def _value(text: str, rng: random.Random) -> str:
    """Replace the value of one `key: value` line by a value at the edges."""
    found = list(re.finditer(r"(?m)^(\s*(?:- )?[\w-]+: )(.*)$", text))
    if not found:
        return _splice(text, rng, rng.choice(EDGE_VALUES))
    line = rng.choice(found)
    value = rng.choice(EDGE_VALUES) if rng.random() < 0.5 else rng.choice(POOL)
    if rng.random() < 0.3:
        value = rng.choice(TAGS) + value
    return text[: line.start(2)] + value + text[line.end(2) :]


def _field(text: str, rng: random.Random) -> str:
    """Add a known field, with a value from anywhere in the sample city, after some line."""
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    indent = re.match(r"\s*(?:- )?", lines[at])
    prefix = " " * len(indent.group()) if indent else ""
    value = rng.choice(POOL) if rng.random() < 0.7 else rng.choice(EDGE_VALUES)
    if rng.random() < 0.2:
        value = f"[{value}, {rng.choice(POOL)}]"
    lines.insert(at + 1, f"{prefix}{rng.choice(FIELDS)}: {value}")
    return "\n".join(lines)


def _tree(text: str, rng: random.Random) -> str:
    """Change the parsed data and write it out again: valid YAML, wrong or odd content."""
    try:
        return _change_tree(yaml.safe_load(text), rng) or text
    except Exception:  # noqa: BLE001 - PyYAML's own loader fails on some mutations: keep the text
        return text


def _change_tree(data: Any, rng: random.Random) -> str:
    if not isinstance(data, dict | list):
        return ""
    nodes: list[dict[Any, Any] | list[Any]] = []
    pending: list[Any] = [data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict | list):
            nodes.append(node)
            pending.extend(node.values() if isinstance(node, dict) else node)
    node = rng.choice(nodes)
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    if not keys:
        return ""
    key = rng.choice(keys)
    choice = rng.randrange(5)
    if choice == 0:
        del node[key]
    elif choice == 1 and isinstance(node, list):
        node.insert(key, copy.deepcopy(node[key]))
    elif choice == 2:
        node[key] = [] if rng.random() < 0.5 else {}
    elif choice == 3:
        other = rng.choice(nodes)
        node[key] = copy.deepcopy(other)
    else:
        node[key] = rng.choice([*POOL, 0, -1, 31, 32, 10**20, True, None, 1.5])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _nest(text: str, rng: random.Random) -> str:
    depth = rng.choice([10, 63, 65, 200, 2000])
    piece = rng.choice(["[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth])
    return _value(text, rng) if rng.random() < 0.2 else _splice(text, rng, piece)


def _alias(text: str, rng: random.Random) -> str:
    pieces = [
        "&a [*a]",
        "&a {k: *a}",
        "*a",
        "&a x",
        "&a [&b [*a, *b]]",
        "*undefined",
        "&a [1,2,3,4,5,6,7,8,9]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
    ]
    return _splice(text, rng, rng.choice(pieces))


def _wide(text: str, rng: random.Random) -> str:
    old, new = rng.choice([(": ", "："), (" ", "\u3000"), ("- ", "ー "), (":", "："), ("-", "－")])
    spots = [m.start() for m in re.finditer(re.escape(old), text)]
    if not spots:
        return text
    at = rng.choice(spots)
    return text[:at] + new + text[at + len(old) :]


def _delete(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + text[at + rng.randrange(1, 40) :]


TEXT_MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "special": lambda t, r: _splice(t, r, r.choice(SPECIAL)),
    "lines": _lines,
    "tag": lambda t, r: _splice(t, r, r.choice(TAGS)),
    "value": _value,
    "value-again": _value,
    "field": _field,
    "field-again": _field,
    "tree": _tree,
    "tree-again": _tree,
    "tree-third": _tree,
    "nest": _nest,
    "alias": _alias,
    "wide": _wide,
    "control": lambda t, r: _splice(t, r, r.choice(CONTROL)),
    "delete": lambda t, r: _delete(t, r),
}


def mutate(raw: bytes, rng: random.Random, count: int = 0) -> tuple[bytes, list[str]]:
    """Apply 1-4 random mutations to *raw*; return the bytes and the names of what was done."""
    applied = []
    for _ in range(count or rng.randint(1, 4)):
        kind = rng.choice([*TEXT_MUTATIONS, "flip", "flip", "encoding", "truncate"])
        applied.append(kind)
        if kind == "flip" and raw:
            at = rng.randrange(len(raw))
            raw = raw[:at] + bytes([rng.randrange(256)]) + raw[at + 1 :]
        elif kind == "truncate" and raw:
            raw = raw[: rng.randrange(len(raw))]
        elif kind == "encoding":
            raw = raw.decode("utf-8", "replace").encode(rng.choice(ENCODINGS), "replace")
        elif kind in TEXT_MUTATIONS:
            raw = TEXT_MUTATIONS[kind](raw.decode("utf-8", "surrogateescape"), rng).encode(
                "utf-8", "surrogateescape"
            )
    return raw, applied


def copy_sample_kb(target: Path, source: Path = REPO) -> Path:
    """Copy the sample city's YAML (not its site or templates) to *target*."""
    target.mkdir(parents=True, exist_ok=True)
    for part in KB_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part)
        else:
            shutil.copy2(source / part, target / part)
    return target


def kb_files(root: Path) -> list[str]:
    """The YAML files of the KB, relative to *root*."""
    names = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.y*ml"))]
    return [n for n in names if n.split("/")[0] in KB_PARTS]


def commands(root: Path, out: Path) -> list[list[str]]:
    """Every command of the CLI that reads the KB, with arguments taken from the sample city."""
    runbook = "riyo-chosei"
    return [
        ["check"],
        ["check", "--no-cache", "--format", "json"],
        ["audit"],
        ["audit", "--as-of", "2200-12-31"],
        ["rotation"],
        ["rotation", "--as-of", "1900-01-01"],
        ["calendar"],
        ["calendar", "--as-of", "2200-12-31"],
        ["show", runbook],
        ["diff", runbook],
        ["checklist", "nendomatsu-hikitsugi-kakunin", "-o", str(out / "checklist.html")],
        ["checklist", runbook, "-o", str(out / "runbook-checklist.html")],
        ["handover", "--person", "tanaka-hanako", "-o", str(out / "handover.html")],
        ["onboarding", "--role", "gakudo-kakaricho", "-o", str(out / "onboarding.html")],
    ]


class Hang(BaseException):
    """Raised by the alarm: a BaseException, so the CLI's handler of bugs does not catch it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang if the block runs longer than *seconds* (main thread, POSIX)."""

    def give_up(signum: int, frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    """What one command did: its exit code (None: it hung), its output and how long it took."""

    code: int | None
    out: str
    seconds: float

    @property
    def finding(self) -> str:
        """'' when all is well, else 'crash' or 'hang'."""
        if self.code is None:
            return "hang"
        if self.code not in (0, 1, 2) or "Traceback" in self.out:
            return "crash"
        return ""


def run_command(root: Path, argv: list[str], timeout: float = 10.0) -> Outcome:
    """Run one CLI command on the KB at *root* in-process."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    os.environ["HIKITSUGI_DEBUG"] = "1"  # a crash then prints its traceback into *err*
    try:
        with time_limit(timeout):
            code: int | None = run([*argv, "--root", str(root)], out, err)
    except Hang:
        code = None
    finally:
        os.environ.pop("HIKITSUGI_DEBUG", None)
    return Outcome(code, out.getvalue() + err.getvalue(), time.perf_counter() - start)
