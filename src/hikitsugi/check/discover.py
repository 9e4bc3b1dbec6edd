"""Find and read every file of a knowledge base once, and name that exact content with one key."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hikitsugi import model
from hikitsugi.check.cache import digest
from hikitsugi.check.file_rules import analyse
from hikitsugi.check.load import DEFAULT_MAX_BYTES, LoadError, read_bytes
from hikitsugi.check.problems import Problem
from hikitsugi.check.sources import Source, source_from_entry
from hikitsugi.errors import KnowledgeBaseError
from hikitsugi.i18n import register
from hikitsugi.resolve import build

CONFIG_FILE = "hikitsugi.yml"
ROSTER_FILE = "roster.yml"

register(
    {
        "kb.no-config": (
            (
                "{root} に hikitsugi.yml がありません。新しく始めるには hikitsugi init --organization 名称"
                " (既にあるナレッジベースなら --root でそのフォルダを指定してください)"
            ),
            (
                "{root} has no hikitsugi.yml. To start a new knowledge base: hikitsugi init "
                "--organization NAME (for an existing one, point --root at its folder)"
            ),
        ),
        "load.outside-kb": (
            (
                "ナレッジベースの外 ({target}) を指すシンボリックリンクなので読みません。"
                "ファイルをナレッジベースに置くか、そのフォルダを standards_paths に書いてください"
            ),
            (
                "a symbolic link to {target}, outside the knowledge base: not read. Put the file in "
                "the knowledge base, or list its folder in standards_paths"
            ),
        ),
    }
)


def discover(root: Path, standards_paths: Iterable[str] = ()) -> list[tuple[str, str]]:
    """List (area, path relative to *root*) of every YAML file of the KB; hidden files skipped.

    A folder of `standards_paths` may lie outside the KB (`../shared-standards`); a folder
    named twice, or also reached as `standards/`, is read once.
    """
    found: list[tuple[str, str]] = []
    folders = [("runbooks", "runbooks"), ("checklists", "checklists"), ("standards", "standards")]
    folders += [("handovers", "handovers")]
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


@dataclass
class KbFiles:
    """Every file of the KB as read once, with the key that names this exact content."""

    config_source: Source
    config: model.Config
    roster_raw: bytes | LoadError | None
    found: list[tuple[str, str]]
    raws: list[bytes | LoadError]
    fingerprint: bytes


def read_config(root: Path) -> model.Config:
    """Return the KB's settings alone (defaults where hikitsugi.yml has problems)."""
    return _read_config(root)[2]


def _read_config(root: Path) -> tuple[bytes | LoadError, Source, model.Config]:
    if not (root / CONFIG_FILE).is_file():
        raise KnowledgeBaseError("kb.no-config", root=str(root))
    config_raw = read_raw(root, CONFIG_FILE, DEFAULT_MAX_BYTES)
    config_source = uncached_source("config", CONFIG_FILE, config_raw)
    return config_raw, config_source, _config(config_source)


def read_files(root: Path) -> KbFiles:
    """Read the settings, the roster and every file once; hash them all into one key."""
    config_raw, config_source, config = _read_config(root)
    limit = config.max_file_bytes
    roster_raw = read_raw(root, ROSTER_FILE, limit) if (root / ROSTER_FILE).is_file() else None
    found = discover(root, config.standards_paths)
    inside = _allowed_places(root, config.standards_paths)
    raws = [read_raw(root, relpath, limit, inside) for _, relpath in found]
    key = _fingerprint(
        [(CONFIG_FILE, config_raw), (ROSTER_FILE, roster_raw)]
        + [(r, raw) for (_, r), raw in zip(found, raws)]
    )
    return KbFiles(config_source, config, roster_raw, found, raws, key)


def fingerprint(root: Path) -> bytes:
    """Return the hash of every file's path and content (what CheckResult.fingerprint holds)."""
    return read_files(root).fingerprint


def _allowed_places(root: Path, standards_paths: Iterable[str]) -> tuple[Path, ...]:
    """The real folders a KB file may live in: the KB and the folders of `standards_paths`."""
    return tuple(Path(os.path.realpath(root / folder)) for folder in (".", *standards_paths))


def read_raw(
    root: Path, relpath: str, limit: int, inside: tuple[Path, ...] = ()
) -> bytes | LoadError:
    """Return the bytes of one file, or why it cannot be read.

    With *inside*, a file whose real path (symbolic links followed) lies elsewhere is an error:
    a link in runbooks/ must not publish a file from outside the KB.
    """
    real = Path(os.path.realpath(root / relpath))
    if inside and not any(real.is_relative_to(place) for place in inside):
        return LoadError(relpath, 1, 1, "load.outside-kb", target=str(real))
    try:
        return read_bytes(root / relpath, relpath, limit)
    except LoadError as error:
        return error


def load_error_source(area: str, relpath: str, error: LoadError) -> Source:
    """Return the Source of a file that could not be read: no data, one problem."""
    problem = Problem(relpath, error.line, error.column, "", error.key, error.params)
    return Source(relpath, area, None, None, [problem])


def uncached_source(area: str, relpath: str, raw: bytes | LoadError) -> Source:
    """Load and check one file on its own, without the cache."""
    if isinstance(raw, LoadError):
        return load_error_source(area, relpath, raw)
    return source_from_entry(area, relpath, raw, analyse(area, relpath, raw))


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


def _config(source: Source | None) -> model.Config:
    data = source.data if source and source.data else {}
    if source is None or not source.problems:
        return build.config_from(data)
    organization = data.get("organization")
    return build.config_from(
        {"organization": organization if isinstance(organization, str) else ""}
    )
