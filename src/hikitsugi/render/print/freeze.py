"""Frozen copies of a handover pack: the PDF, and a manifest of what it was made from.

The manifest records the SHA-256 of the PDF and of every source file, the git commit, the as-of
day and the tool version; `verify` compares them with the files as they are now.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hikitsugi import __version__
from hikitsugi.facts import fiscal
from hikitsugi.model import KnowledgeBase, Person

MANIFEST_SUFFIX = ".manifest.json"


def sha256(path: Path) -> str | None:
    """Return the SHA-256 of a file, or None when it is missing."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def git_commit(root: Path) -> str | None:
    """Return the commit the KB is at (git rev-parse HEAD), or None without git or a repository."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def frozen_pdf(kb: KnowledgeBase, person: Person, day: datetime.date) -> Path:
    """Return archive/handovers/<fiscal year>/<person>-<day>.pdf under the KB root."""
    year = fiscal.start(day, kb.config.fiscal_year_start).year
    return kb.root / "archive" / "handovers" / str(year) / f"{person.id}-{day.isoformat()}.pdf"


def manifest_path(pdf: Path) -> Path:
    """Return the manifest beside *pdf*."""
    return pdf.with_name(pdf.stem + MANIFEST_SUFFIX)


def manifest(
    kb: KnowledgeBase, person: Person, day: datetime.date, pdf: bytes, sources: tuple[str, ...]
) -> dict[str, Any]:
    """Return the manifest of a frozen pack made on *day* from the KB's *sources*."""
    return {
        "document": "handover",
        "person": person.id,
        "as_of": day.isoformat(),
        "tool_version": __version__,
        "git_commit": git_commit(kb.root),
        "pdf": {"sha256": hashlib.sha256(pdf).hexdigest()},
        "sources": {name: sha256(kb.root / name) for name in sources},
    }


@dataclass(frozen=True)
class Verification:
    """What changed since a copy was frozen: each file named (the PDF by its own name)."""

    changed: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def unchanged(self) -> bool:
        return not self.changed and not self.missing


def verify(pdf: Path, root: Path) -> Verification:
    """Compare a frozen PDF and its sources (relative to *root*) with their manifest."""
    data = json.loads(manifest_path(pdf).read_text(encoding="utf-8"))
    changed: list[str] = []
    missing: list[str] = []
    expected = {pdf.name: (pdf, data["pdf"]["sha256"])}
    expected.update({name: (root / name, digest) for name, digest in data["sources"].items()})
    for name, (path, digest) in expected.items():
        now = sha256(path)
        if now is None:
            missing.append(name)
        elif now != digest:
            changed.append(name)
    return Verification(tuple(changed), tuple(missing))
