"""Structural checks of a whole knowledge base: schema, ids, references, extends."""

from __future__ import annotations

import calendar
import datetime
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hikitsugi import model
from hikitsugi.check.cache import FileCache, ResultCache, digest
from hikitsugi.check.load import DEFAULT_MAX_BYTES, Document, LoadError, NodePath, parse, read_bytes
from hikitsugi.check.problems import ERROR, INFO, Problem, format_path
from hikitsugi.check.schema_messages import schema_problems
from hikitsugi.errors import KnowledgeBaseError
from hikitsugi.i18n import register
from hikitsugi.resolve import build
from hikitsugi.resolve.merge import DocumentLocator, Locator

CONFIG_FILE = "hikitsugi.yml"
ROSTER_FILE = "roster.yml"
CHECKLIST_LIMIT = 15  # WHO checklist guidance: short enough to use at a pause point

register(
    {
        "kb.no-config": (
            "{root} にナレッジベースの設定ファイル hikitsugi.yml がありません (--root でフォルダを指定してください)",
            "{root} has no hikitsugi.yml: not a knowledge base (point --root at one)",
        ),
        "check.no-roster": ("roster.yml がありません", "roster.yml is missing"),
        "check.duplicate-id": (
            "id '{id}' は {other} でも使われています",
            "id '{id}' is already used by {other}",
        ),
        "check.duplicate-step": (
            "手順の id '{id}' がこの手順書の中で重複しています (最初は {first_line} 行目)",
            "step id '{id}' is used twice in this runbook (first at line {first_line})",
        ),
        "check.duplicate-role": ("ポスト '{id}' が重複しています", "role '{id}' is declared twice"),
        "check.duplicate-person": (
            "職員 '{id}' が重複しています",
            "person '{id}' is declared twice",
        ),
        "check.unknown-role": (
            "ポスト '{id}' は roster.yml にありません",
            "role '{id}' is not in roster.yml",
        ),
        "check.role-title": (
            "'{title}' はポスト名です。roster.yml のポストの id '{id}' を書いてください",
            "'{title}' is a post's title: write its id '{id}' from roster.yml",
        ),
        "check.unknown-runbook": ("手順書 '{id}' はありません", "no runbook has id '{id}'"),
        "check.unknown-standard": ("標準手順書 '{id}' はありません", "no standard has id '{id}'"),
        "check.extends-not-standard": (
            "'{id}' は standards/ の標準手順書ではないため extends できません",
            "'{id}' is not a standard (under standards/), so it cannot be extended",
        ),
        "check.extends-cycle": (
            "extends が循環しています: {cycle}",
            "extends forms a cycle: {cycle}",
        ),
        "check.standards-path-empty": (
            (
                "標準手順書のフォルダ '{folder}' がないか、YAML ファイルがありません"
                " (git のサブモジュールなら git submodule update --init を実行してください)"
            ),
            (
                "the standards folder '{folder}' is missing or holds no YAML file"
                " (for a git submodule, run git submodule update --init)"
            ),
        ),
        "check.standard-failed": (
            "標準手順書 '{id}' ({file}) に誤りがあるため、この手順書は検査せずに読み飛ばしました",
            "standard '{id}' ({file}) has errors, so this runbook was skipped unchecked",
        ),
        "check.until-before-from": (
            "until ({until}) が from ({start}) より前です",
            "until ({until}) is before from ({start})",
        ),
        "check.no-such-month-day": (
            "'{value}' という月日はありません",
            "'{value}' is not a day of the year",
        ),
        "check.local-only": (
            "{field} は extends で標準手順書を元にする手順書でだけ使えます",
            "{field} is only for a runbook that extends a standard",
        ),
        "check.long-checklist": (
            "チェックリストが {count} 行あります。15 行程度に収めると使いやすくなります (分割を検討)",
            "the checklist has {count} lines: about 15 keeps it usable (consider splitting it)",
        ),
        "check.skipped": (
            "{file} は誤りがあるため読み飛ばしました",
            "{file} was skipped: it has errors",
        ),
    }
)


@dataclass
class CheckResult:
    """Everything `check` found, and the knowledge base built from the files that passed."""

    kb: model.KnowledgeBase
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files: int = 0
    fingerprint: bytes = (
        b""  # hash of every file's path and content: the key of any cache of this answer
    )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Source:
    """One file of the KB after loading: data, where it lives, what is wrong with it alone."""

    relpath: str
    area: str  # config | roster | runbooks | standards | checklists
    data: dict[str, Any] | None
    document: Document | None
    problems: list[Problem]
    line: int = 1  # where the id is written

    @property
    def locator(self) -> Locator:
        assert self.document is not None
        return DocumentLocator(self.document)


class _LazyPositions(dict):  # type: ignore[type-arg]
    """Positions of a cached file, found again by parsing it only when an error needs one."""

    def __init__(self, raw: bytes, relpath: str) -> None:
        super().__init__()
        self.raw: bytes | None = raw
        self.relpath = relpath

    def get(self, key: Any, default: Any = None) -> Any:
        if self.raw is not None:
            self.update(parse(self.raw, self.relpath).positions)
            self.raw = None
        return super().get(key, default)


def _file_schema(area: str) -> str:
    return {"config": "config", "roster": "roster", "checklists": "checklist"}.get(area, "runbook")


def _analyse(area: str, relpath: str, raw: bytes) -> tuple[Any, ...]:
    """Load and check one file on its own; return a marshal-able cache entry."""
    try:
        document = parse(raw, relpath)
    except LoadError as error:
        problem = Problem(relpath, error.line, error.column, "", error.key, error.params)
        return (None, [problem.to_plain()], 1)
    locator = DocumentLocator(document)
    problems = schema_problems(_file_schema(area), document.data, locator.locate)
    problems += _file_rules(area, document)
    line = document.positions.get(("id",), (1, 1))[0]
    return (document.data, [p.to_plain() for p in problems], line)


def _problem(
    locator: Locator, path: NodePath, key: str, severity: str = ERROR, **params: Any
) -> Problem:
    file, line, column = locator.locate(path)
    return Problem(file, line, column, format_path(path), key, params, severity)


def _file_rules(area: str, document: Document) -> list[Problem]:
    """Rules that need only this file: unique step ids, real days, date order."""
    data, locator = document.data, DocumentLocator(document)
    problems: list[Problem] = []
    if area in ("runbooks", "standards"):
        seen: dict[str, int] = {}
        for index, step in enumerate(_list(data.get("steps"))):
            if not isinstance(step, dict):
                continue
            step_id = step.get("id")
            if isinstance(step_id, str) and step_id in seen:
                first = document.locate(("steps", seen[step_id]))[0]
                problems.append(
                    _problem(
                        locator,
                        ("steps", index, "id"),
                        "check.duplicate-step",
                        id=step_id,
                        first_line=first,
                    )
                )
            elif isinstance(step_id, str):
                seen[step_id] = index
            if "extends" not in data:
                for key in ("after", "remove"):
                    if key in step:
                        problems.append(
                            _problem(locator, ("steps", index, key), "check.local-only", field=key)
                        )
        for index, entry in enumerate(_list(data.get("schedule"))):
            for key in ("from", "until"):
                value = entry.get(key) if isinstance(entry, dict) else None
                if isinstance(value, str) and not _real_month_day(value):
                    problems.append(
                        _problem(
                            locator,
                            ("schedule", index, key),
                            "check.no-such-month-day",
                            value=value,
                        )
                    )
    if area == "roster":
        problems += _roster_rules(data, locator)
    return problems


def _real_month_day(text: str) -> bool:
    try:
        month, day = (int(part) for part in text.split("-"))
        return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]
    except ValueError:
        return True  # the schema already reports a malformed value


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _roster_rules(data: dict[str, Any], locator: Locator) -> list[Problem]:
    problems: list[Problem] = []
    for area, key in (("roles", "check.duplicate-role"), ("people", "check.duplicate-person")):
        seen: set[str] = set()
        for index, item in enumerate(_list(data.get(area))):
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str):
                if item_id in seen:
                    problems.append(_problem(locator, (area, index, "id"), key, id=item_id))
                seen.add(item_id)
    for p_index, person in enumerate(_list(data.get("people"))):
        assignments = person.get("assignments") if isinstance(person, dict) else None
        for a_index, assignment in enumerate(_list(assignments)):
            if not isinstance(assignment, dict):
                continue
            start, until = assignment.get("from"), assignment.get("until")
            if isinstance(start, str) and isinstance(until, str) and until < start:
                path = ("people", p_index, "assignments", a_index, "until")
                problems.append(
                    _problem(locator, path, "check.until-before-from", until=until, start=start)
                )
    return problems


def discover(root: Path, standards_paths: Iterable[str] = ()) -> list[tuple[str, str]]:
    """List (area, path relative to *root*) of every YAML file of the KB; hidden files skipped.

    A folder of `standards_paths` may lie outside the KB (`../shared-standards`); a folder
    named twice, or also reached as `standards/`, is read once.
    """
    found: list[tuple[str, str]] = []
    folders = [("runbooks", "runbooks"), ("checklists", "checklists"), ("standards", "standards")]
    folders += [("standards", path) for path in standards_paths]
    read: set[str] = set()
    for area, folder in folders:
        base = root / folder
        key = os.path.normcase(os.path.realpath(base))
        if key in read:
            continue
        read.add(key)
        names: list[str] = []
        for directory, subdirectories, files in os.walk(base):
            subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
            relative = os.path.relpath(directory, root).replace(os.sep, "/")
            names += [
                f"{relative}/{name}"
                for name in files
                if name.endswith((".yml", ".yaml")) and not name.startswith(".")
            ]
        found += [(area, name) for name in sorted(names)]
    return found


def _standards_path_problems(
    root: Path, config: model.Config, source: _Source | None
) -> list[Problem]:
    """Name a folder of standards_paths that is missing or empty (an uninitialised submodule)."""
    if source is None or source.document is None:
        return []
    problems = []
    for index, folder in enumerate(config.standards_paths):
        base = root / folder
        if not base.is_dir() or not any(p.suffix in (".yml", ".yaml") for p in base.rglob("*")):
            problems.append(
                _problem(
                    source.locator,
                    ("standards_paths", index),
                    "check.standards-path-empty",
                    folder=folder,
                )
            )
    return problems


def check(
    root: Path, *, use_cache: bool = True, build_model: bool = True, outline: bool = False
) -> CheckResult:
    """Check the KB at *root*; collect every problem; build the model from what passed.

    With build_model=False (plain `hikitsugi check`) an unchanged KB is answered from
    the result cache and the returned kb holds only the settings. With outline=True the
    runbooks carry only their header fields (what the audit reads), not steps or sections.
    """
    return _Checker(root, use_cache, build_model, outline).run()


@dataclass
class _Files:
    """Every file of the KB as read once, with the key that names this exact content."""

    config_source: _Source
    config: model.Config
    roster_raw: bytes | LoadError | None
    found: list[tuple[str, str]]
    raws: list[bytes | LoadError]
    fingerprint: bytes


def fingerprint(root: Path) -> bytes:
    """Return the hash of every file's path and content (what CheckResult.fingerprint holds)."""
    return _Checker(root, use_cache=False, build_model=False).read().fingerprint


def _fingerprint(files: list[tuple[str, bytes | LoadError | None]]) -> bytes:
    """Hash every file's path and content (or read error) into one key."""
    parts = []
    for relpath, raw in files:
        if isinstance(raw, bytes):
            body = digest(raw)
        else:
            body = repr((raw.key, raw.params)).encode() if raw is not None else b"-"
        parts.append(relpath.encode() + b"\0" + body)
    return digest(b"\n".join(parts))


class _Checker:
    def __init__(
        self, root: Path, use_cache: bool, build_model: bool, outline: bool = False
    ) -> None:
        self.outline = outline
        self.root = root
        self.use_cache = use_cache
        self.build_model = build_model
        self.problems: list[Problem] = []

    def read(self) -> _Files:
        """Read the settings, the roster and every file once; hash them all into one key."""
        if not (self.root / CONFIG_FILE).is_file():
            raise KnowledgeBaseError("kb.no-config", root=str(self.root))
        config_raw = self._read(CONFIG_FILE, DEFAULT_MAX_BYTES)
        config_source = self._source("config", CONFIG_FILE, config_raw, None)
        config = _config(config_source)
        limit = config.max_file_bytes
        roster_raw = self._read(ROSTER_FILE, limit) if (self.root / ROSTER_FILE).is_file() else None
        found = discover(self.root, config.standards_paths)
        raws = [self._read(relpath, limit) for _, relpath in found]
        key = _fingerprint(
            [(CONFIG_FILE, config_raw), (ROSTER_FILE, roster_raw)]
            + [(r, raw) for (_, r), raw in zip(found, raws)]
        )
        return _Files(config_source, config, roster_raw, found, raws, key)

    def run(self) -> CheckResult:
        files_read = self.read()
        config_source, config, roster_raw = (
            files_read.config_source,
            files_read.config,
            files_read.roster_raw,
        )
        found, raws, fingerprint = files_read.found, files_read.raws, files_read.fingerprint
        roster_source = (
            self._source("roster", ROSTER_FILE, roster_raw, None)
            if roster_raw is not None
            else None
        )
        extra = f"{config.max_file_bytes}"
        results = ResultCache(self.root, self.use_cache, extra)
        if not self.build_model:
            stored = results.get(fingerprint)
            if stored is not None:
                plain, skipped, files = stored
                kb = model.KnowledgeBase(self.root, config, model.Roster())
                return CheckResult(
                    kb,
                    [Problem.from_plain(tuple(p)) for p in plain],
                    list(skipped),
                    files,
                    fingerprint,
                )
        cache = FileCache(self.root, self.use_cache, extra)
        sources = [
            self._source(area, relpath, raw, cache) for (area, relpath), raw in zip(found, raws)
        ]
        cache.save()
        roster = _roster(roster_source)
        for source in (config_source, roster_source, *sources):
            if source is not None:
                self.problems += source.problems
        if roster_source is None:
            self.problems.append(Problem(ROSTER_FILE, 1, 1, "", "check.no-roster"))
        self.problems += _standards_path_problems(self.root, config, config_source)
        kb, skipped = self._cross_check(config, roster, roster_source, sources)
        self.problems.sort(key=lambda p: (p.file, p.line, p.column, p.key))
        files = len(sources) + 1 + (roster_source is not None)
        results.put(fingerprint, ([p.to_plain() for p in self.problems], skipped, files))
        return CheckResult(kb, self.problems, skipped, files, fingerprint)

    def _read(self, relpath: str, limit: int) -> bytes | LoadError:
        try:
            return read_bytes(self.root / relpath, relpath, limit)
        except LoadError as error:
            return error

    def _source(
        self, area: str, relpath: str, raw: bytes | LoadError, cache: FileCache | None
    ) -> _Source:
        if isinstance(raw, LoadError):
            problem = Problem(relpath, raw.line, raw.column, "", raw.key, raw.params)
            return _Source(relpath, area, None, None, [problem])
        if cache is None:
            return _source(area, relpath, raw, _analyse(area, relpath, raw))
        key = digest(raw)
        entry = cache.get(relpath, key)
        if entry is None:
            entry = _analyse(area, relpath, raw)
            cache.put(relpath, key, entry)
        return _source(area, relpath, raw, entry)

    def _cross_check(
        self,
        config: model.Config,
        roster: model.Roster | None,
        roster_source: _Source | None,
        sources: list[_Source],
    ) -> tuple[model.KnowledgeBase, list[str]]:
        from hikitsugi.check.cross_rules import cross_check

        result = cross_check(self.root, config, roster, sources, self.build_model, self.outline)
        self.problems += result.problems
        return result.kb, result.skipped


def _source(area: str, relpath: str, raw: bytes, entry: tuple[Any, ...]) -> _Source:
    data, plain_problems, line = entry
    problems = [Problem.from_plain(tuple(p)) for p in plain_problems]
    document = Document(relpath, data, _LazyPositions(raw, relpath)) if data is not None else None
    return _Source(relpath, area, data, document, problems, line)


def _config(source: _Source | None) -> model.Config:
    data = source.data if source and source.data else {}
    if source is None or not source.problems:
        return build.config_from(data)
    organization = data.get("organization")
    return build.config_from(
        {"organization": organization if isinstance(organization, str) else ""}
    )


def _roster(source: _Source | None) -> model.Roster | None:
    """Build the roster; None when it has errors (role references are then not checked)."""
    if source is None or source.data is None or any(p.severity == ERROR for p in source.problems):
        return None
    return build.roster_from(source.data)


def has_errors(problems: Iterable[Problem]) -> bool:
    """Say whether any problem is an error."""
    return any(p.severity == ERROR for p in problems)


__all__ = ["ERROR", "INFO", "CheckResult", "Mapping", "check", "datetime", "discover", "has_errors"]
