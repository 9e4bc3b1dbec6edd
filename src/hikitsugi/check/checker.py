"""Check a whole knowledge base: every file on its own (cached), then what spans files."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from hikitsugi import model
from hikitsugi.check.cache import FileCache, ResultCache, digest
from hikitsugi.check.cross_rules import cross_check
from hikitsugi.check.discover import (
    CONFIG_FILE,
    ROSTER_FILE,
    discover,
    fingerprint,
    read_files,
    standards_path_inside,
    uncached_source,
)
from hikitsugi.check.file_rules import analyse
from hikitsugi.check.load import LoadError
from hikitsugi.check.problems import ERROR, Problem
from hikitsugi.check.sources import Source, problem_at, source_from_entry
from hikitsugi.i18n import register
from hikitsugi.resolve import build

__all__ = ["CONFIG_FILE", "CheckResult", "check", "discover", "fingerprint"]

register(
    {
        "check.no-roster": ("roster.yml がありません", "roster.yml is missing"),
        "check.standards-path-outside": (
            (
                "標準手順書のフォルダ '{folder}' はナレッジベースの外です。読みません"
                " (ナレッジベースの中のフォルダを、hikitsugi.yml からの相対パスで書いてください)"
            ),
            (
                "the standards folder '{folder}' is outside the knowledge base: not read"
                " (name a folder inside it, relative to hikitsugi.yml)"
            ),
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


def check(
    root: Path,
    *,
    use_cache: bool = True,
    build_model: bool = True,
    outline: bool = False,
    today: datetime.date | None = None,
) -> CheckResult:
    """Check the KB at *root*; collect every problem; build the model from what passed.

    *today* (passed by the CLI; never read from the clock here) is the day no run record
    may be after; without it run dates are not compared with any day.

    With build_model=False (plain `hikitsugi check`) an unchanged KB is answered from
    the result cache and the returned kb holds only the settings. With outline=True the
    runbooks carry only their header fields (what the audit reads), not steps or sections.
    """
    return _Checker(root, use_cache, build_model, outline, today).run()


class _Checker:
    def __init__(
        self,
        root: Path,
        use_cache: bool,
        build_model: bool,
        outline: bool,
        today: datetime.date | None = None,
    ) -> None:
        self.today = today
        self.outline = outline
        self.root = root
        self.use_cache = use_cache
        self.build_model = build_model
        self.problems: list[Problem] = []

    def run(self) -> CheckResult:
        files = read_files(self.root)
        config_source, config = files.config_source, files.config
        extra = f"{config.max_file_bytes}"
        # the answer depends on the day too (a run dated after it): key the result by it
        results = ResultCache(self.root, self.use_cache, f"{extra}:{self.today}")
        if not self.build_model:
            stored = results.get(files.fingerprint)
            if stored is not None:
                plain, skipped, count = stored
                kb = model.KnowledgeBase(self.root, config, model.Roster())
                problems = [Problem.from_plain(tuple(p)) for p in plain]
                return CheckResult(kb, problems, list(skipped), count, files.fingerprint)
        roster_source = (
            uncached_source("roster", ROSTER_FILE, files.roster_raw)
            if files.roster_raw is not None
            else None
        )
        cache = FileCache(self.root, self.use_cache, extra)
        sources = [
            self._source(area, relpath, raw, cache)
            for (area, relpath), raw in zip(files.found, files.raws)
        ]
        cache.save()
        for source in (config_source, roster_source, *sources):
            if source is not None:
                self.problems += source.problems
        if roster_source is None:
            self.problems.append(Problem(ROSTER_FILE, 1, 1, "", "check.no-roster"))
        self.problems += _standards_path_problems(self.root, config, config_source)
        kb, skipped = self._cross_check(config, _roster(roster_source), sources)
        self.problems.sort(key=lambda p: (p.file, p.line, p.column, p.key))
        count = len(sources) + 1 + (roster_source is not None)
        results.put(files.fingerprint, ([p.to_plain() for p in self.problems], skipped, count))
        return CheckResult(kb, self.problems, skipped, count, files.fingerprint)

    def _source(self, area: str, relpath: str, raw: bytes | LoadError, cache: FileCache) -> Source:
        if isinstance(raw, LoadError):
            return uncached_source(area, relpath, raw)
        key = digest(raw)
        entry = cache.get(relpath, key)
        if entry is None:
            entry = analyse(area, relpath, raw)
            cache.put(relpath, key, entry)
        return source_from_entry(area, relpath, raw, entry)

    def _cross_check(
        self,
        config: model.Config,
        roster: model.Roster | None,
        sources: list[Source],
    ) -> tuple[model.KnowledgeBase, list[str]]:
        result = cross_check(
            self.root, config, roster, sources, self.build_model, self.outline, self.today
        )
        self.problems += result.problems
        return result.kb, result.skipped


def _standards_path_problems(
    root: Path, config: model.Config, source: Source | None
) -> list[Problem]:
    """Name a folder of standards_paths that is missing or empty (an uninitialised submodule)."""
    if source is None or source.document is None:
        return []
    problems = []
    for index, folder in enumerate(config.standards_paths):
        base = root / folder
        if not standards_path_inside(root, folder):
            problems.append(
                problem_at(
                    source.locator,
                    ("standards_paths", index),
                    "check.standards-path-outside",
                    folder=folder,
                )
            )
        elif not base.is_dir() or not any(p.suffix in (".yml", ".yaml") for p in base.rglob("*")):
            problems.append(
                problem_at(
                    source.locator,
                    ("standards_paths", index),
                    "check.standards-path-empty",
                    folder=folder,
                )
            )
    return problems


def _roster(source: Source | None) -> model.Roster | None:
    """Build the roster; None when it has errors (role references are then not checked)."""
    if source is None or source.data is None or any(p.severity == ERROR for p in source.problems):
        return None
    return build.roster_from(source.data)
