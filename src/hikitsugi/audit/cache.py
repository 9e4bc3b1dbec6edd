"""What the audit reads, kept between runs: an unchanged KB is audited without re-checking it.

`check` builds the whole model (every step, contact, account) from the per-file cache; the audit
reads only owners, reviews, statuses and references. This snapshot keeps just that, with the
check problems and skipped files, under a key made of every file's path and content hash, the
tool version and the schema: any edit, new or deleted file, or new tool misses it. The snapshot
rebuilds a *light* KnowledgeBase (no steps, no data) that is meant for the audit only.
"""

from __future__ import annotations

import datetime
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

from hikitsugi import __version__, model, schema
from hikitsugi.check.cache import cache_folder, digest
from hikitsugi.check.checker import CONFIG_FILE, CheckResult, check, fingerprint
from hikitsugi.check.problems import Problem

FORMAT = 2
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".audit-")
        with os.fdopen(handle, "wb") as stream:
            marshal.dump(value, stream)
        os.replace(temporary, path)
    except OSError:
        pass


def _day(value: datetime.date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _undate(value: int | None) -> datetime.date | None:
    return datetime.date.fromordinal(value) if value is not None else None


def _duration(value: model.Duration | None) -> tuple[int, str] | None:
    return (value.count, value.unit) if value is not None else None


def _unduration(value: tuple[int, str] | None) -> model.Duration | None:
    return model.Duration(*value) if value is not None else None


def snapshot(result: CheckResult) -> dict[str, Any]:
    """Return the marshal-able part of *result* that the audit reads."""
    kb = result.kb
    config = kb.config
    return {
        "config": (
            config.organization,
            config.language,
            _duration(config.review_every),
            config.due_soon_days,
            config.handover_window_days,
            config.fiscal_year_start,
            config.max_file_bytes,
            list(config.standards_paths),
        ),
        "roles": [(r.id, r.title, r.section) for r in kb.roster.roles.values()],
        "people": [
            (p.id, p.name, [(a.role, _day(a.start), _day(a.until)) for a in p.assignments])
            for p in kb.roster.people
        ],
        "runbooks": [
            (
                r.id,
                r.title,
                r.kind,
                r.summary,
                r.source,
                r.line,
                r.status,
                r.owner,
                list(r.deputies),
                _day(r.reviewed_on),
                _duration(r.review_every),
                list(r.uses),
                list(r.related),
            )
            for r in kb.runbooks.values()
        ],
        "checklists": [
            (
                c.id,
                c.title,
                c.source,
                c.line,
                c.owner,
                c.mode,
                _day(c.reviewed_on),
                _duration(c.review_every),
            )
            for c in kb.checklists.values()
        ],
        "problems": [p.to_plain() for p in result.problems],
        "skipped": list(result.skipped),
        "files": result.files,
    }


def _rebuild(root: Path, payload: dict[str, Any]) -> CheckResult:
    """Rebuild a light CheckResult (for the audit only) from a snapshot."""
    name, lang, every, soon, window, fy, size, paths = payload["config"]
    config = model.Config(
        organization=name,
        language=lang,
        review_every=_unduration(every) or model.Duration(12, "month"),
        due_soon_days=soon,
        handover_window_days=window,
        fiscal_year_start=fy,
        max_file_bytes=size,
        standards_paths=tuple(paths),
    )
    roles = {i: model.Role(i, title, section) for i, title, section in payload["roles"]}
    people = tuple(
        model.Person(
            i,
            person_name,
            tuple(
                model.Assignment(role, _undate(start), _undate(until))  # type: ignore[arg-type]
                for role, start, until in assignments
            ),
        )
        for i, person_name, assignments in payload["people"]
    )
    runbooks = {
        r[0]: model.Runbook(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            status=r[6],
            owner=r[7],
            deputies=tuple(r[8]),
            reviewed_on=_undate(r[9]),
            review_every=_unduration(r[10]),
            uses=tuple(r[11]),
            related=tuple(r[12]),
        )
        for r in payload["runbooks"]
    }
    checklists = {
        c[0]: model.Checklist(
            c[0],
            c[1],
            (),
            c[2],
            c[3],
            owner=c[4],
            mode=c[5],
            reviewed_on=_undate(c[6]),
            review_every=_unduration(c[7]),
        )
        for c in payload["checklists"]
    }
    kb = model.KnowledgeBase(root, config, model.Roster(roles, people), runbooks, checklists)
    problems = [Problem.from_plain(tuple(p)) for p in payload["problems"]]
    return CheckResult(kb, problems, list(payload["skipped"]), payload["files"])
