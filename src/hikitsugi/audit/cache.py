"""What the audit reads, kept between runs: an unchanged KB is audited without re-checking it.

`check` builds the whole model (every step, contact, account) from the per-file cache; the audit
reads only owners, reviews, statuses and references. This snapshot keeps just that, with the
check problems and skipped files, under a key made of every file's path and content hash, the
tool version and the schema: any edit, new or deleted file, or new tool misses it. The snapshot
rebuilds a *light* KnowledgeBase (no steps; outline data only) through resolve/build, the same
builder `check` uses, and is meant for the audit only.
"""

from __future__ import annotations

import contextlib
import marshal
from pathlib import Path
from typing import Any

from hikitsugi import __version__, model, schema
from hikitsugi.check.cache import cache_folder, digest
from hikitsugi.check.checker import CONFIG_FILE, CheckResult, check, fingerprint
from hikitsugi.check.problems import Problem
from hikitsugi.errors import WriteError
from hikitsugi.io import write_atomic
from hikitsugi.resolve import build

FORMAT = 3  # 3: plain data rebuilt by resolve/build
SNAPSHOT = "audit.marshal"


def _header() -> str:
    texts = "".join(schema.text(name) for name in schema.FILES)
    return f"{FORMAT}:{__version__}:{digest(texts.encode()).hex()}"


def checked(root: Path, use_cache: bool = True) -> CheckResult:
    """Return check(root), or its audit-relevant part from the snapshot when nothing changed."""
    if not use_cache or not (root / CONFIG_FILE).is_file():
        return check(root, use_cache=use_cache, outline=True)
    path = cache_folder(root) / SNAPSHOT
    stored = _read(path)
    if stored is not None and stored[0] == fingerprint(root):
        return _rebuild(root, stored[1])
    result = check(root, use_cache=True, outline=True)
    _write(path, (_header(), result.fingerprint, snapshot(result)))
    return result


def _read(path: Path) -> tuple[bytes, dict[str, Any]] | None:
    try:
        header, *rest = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return (rest[0], rest[1]) if header == _header() and len(rest) == 2 else None


def _write(path: Path, value: Any) -> None:
    """Write atomically; a snapshot that cannot be written only costs time."""
    with contextlib.suppress(WriteError):
        write_atomic(path, marshal.dumps(value), durable=False)


def snapshot(result: CheckResult) -> dict[str, Any]:
    """Return the marshal-able part of *result* that the audit reads, as the files' plain data."""
    kb = result.kb
    return {
        "config": build.config_data(kb.config),
        "roster": build.roster_data(kb.roster),
        "runbooks": [
            (r.source, r.line, build.outline_data(r.data, build.RUNBOOK_OUTLINE_KEYS))
            for r in kb.runbooks.values()
        ],
        "checklists": [
            (c.source, c.line, build.outline_data(c.data, build.CHECKLIST_OUTLINE_KEYS))
            for c in kb.checklists.values()
        ],
        "handovers": [(h.source, dict(_plain_note(h))) for h in kb.handovers.values()],
        "runs": [(r.source, build.run_data(r)) for r in kb.runs],
        "problems": [p.to_plain() for p in result.problems],
        "skipped": list(result.skipped),
        "files": result.files,
    }


def _rebuild(root: Path, payload: dict[str, Any]) -> CheckResult:
    """Rebuild a light CheckResult (for the audit only) from a snapshot, by the model's builder."""
    runbooks = [
        build.runbook_from(data, source, line, outline=True)
        for source, line, data in payload["runbooks"]
    ]
    checklists = [
        build.checklist_from(data, source, line) for source, line, data in payload["checklists"]
    ]
    kb = model.KnowledgeBase(
        root,
        build.config_from(payload["config"]),
        build.roster_from(payload["roster"]),
        {r.id: r for r in runbooks},
        {c.id: c for c in checklists},
        handovers={
            data["person"]: build.handover_from(data, source)
            for source, data in payload.get("handovers", [])
        },
        runs=tuple(build.run_from(data, source) for source, data in payload.get("runs", [])),
    )
    problems = [Problem.from_plain(tuple(p)) for p in payload["problems"]]
    return CheckResult(kb, problems, list(payload["skipped"]), payload["files"])


def _plain_note(note: model.HandoverNote) -> dict[str, Any]:
    """What the audit reads of a handover note: who wrote it (its words are not needed)."""
    return {"person": note.person}
