"""Find and read every file of a knowledge base once, and name that exact content with one key."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hikitsugi import model
from hikitsugi.check.cache import digest
from hikitsugi.check.file_rules import analyse
from hikitsugi.check.load import LoadError
from hikitsugi.check.problems import Problem
from hikitsugi.check.read import DEFAULT_MAX_BYTES, read_bytes
from hikitsugi.check.sources import Source, source_from_entry
from hikitsugi.errors import KnowledgeBaseError
from hikitsugi.i18n import register
from hikitsugi.resolve import build

CONFIG_FILE = "hikitsugi.yml"
ROSTER_FILE = "roster.yml"

register(
    {
        "discover.unreadable-folder": (
            "フォルダの中を読めません: {reason} (読み取りの権限を確かめてください)",
            "cannot list the folder: {reason} (check its read permission)",
        ),
        "discover.bad-name": (
            (
                "ファイル名が UTF-8 ではありません (Windows の Shift_JIS の名前のようです)。読みません。"
                "ファイル名を UTF-8 で付け直してください (例: convmv -f cp932 -t utf8 --notest)"
            ),
            (
                "the file name is not UTF-8 (a Shift_JIS name from Windows?): not read. "
                "Rename the file in UTF-8 (e.g. convmv -f cp932 -t utf8 --notest)"
            ),
        ),
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


def discover(
    root: Path, standards_paths: Iterable[str] = (), unreadable: dict[str, LoadError] | None = None
) -> list[tuple[str, str]]:
    """List (area, path relative to *root*) of every YAML file of the KB; hidden files skipped.

    A folder of `standards_paths` must lie inside the KB (one that leaves it is reported by the
    checker and not read); a folder named twice, or also reached as `standards/`, is read once.
    A folder that cannot be listed, and a file whose name is not valid text, go into
    *unreadable* (relative path → why) instead of being skipped in silence.
    """
    unreadable = {} if unreadable is None else unreadable
    found: list[tuple[str, str]] = []
    folders = [("runbooks", "runbooks"), ("checklists", "checklists"), ("standards", "standards")]
    folders += [("handovers", "handovers"), ("runs", "records/runs")]
    folders += [
        ("standards", path) for path in standards_paths if standards_path_inside(root, path)
    ]
    read: set[str] = set()
    for area, folder in folders:
        base = root / folder
        key = os.path.normcase(os.path.realpath(base))
        if key in read:
            continue
        read.add(key)
        found += [(area, name) for name in sorted(_yaml_files(root, base, unreadable))]
    return found


def _yaml_files(root: Path, base: Path, unreadable: dict[str, LoadError]) -> list[str]:
    """List the YAML files under *base* (relative to *root*); record what cannot be read."""

    def refuse(error: OSError) -> None:
        if error.filename is not None and os.path.isdir(error.filename):  # a folder, not gone
            where = _relative(root, str(error.filename))
            unreadable[where] = LoadError(
                where, 1, 1, "discover.unreadable-folder", reason=error.strerror or str(error)
            )

    names: list[str] = []
    for directory, subdirectories, files in os.walk(base, onerror=refuse):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(".")]
        relative = _relative(root, directory)
        for name in files:
            if not name.endswith((".yml", ".yaml")) or name.startswith("."):
                continue
            relpath = f"{relative}/{name}"
            if _not_text(relpath):
                shown = printable_path(relpath)
                unreadable[shown] = LoadError(shown, 1, 1, "discover.bad-name")
                continue
            names.append(relpath)
    return names


def standards_path_inside(root: Path, folder: str) -> bool:
    """Tell whether a folder of `standards_paths` stays inside the KB (no `/…`, no `../` out)."""
    if os.path.isabs(folder):
        return False
    kb = os.path.realpath(root)
    target = os.path.realpath(root / folder)
    return target == kb or target.startswith(kb.rstrip(os.sep) + os.sep)


def printable_path(path: str) -> str:
    r"""Show a path whose bytes are not UTF-8 (a Shift_JIS name from a zip) as \x escapes."""
    return "/".join(
        part
        if not _not_text(part)
        else part.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
        for part in path.split("/")
    )


def _not_text(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _relative(root: Path, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/")


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
    if not os.path.lexists(root / CONFIG_FILE):
        raise KnowledgeBaseError("kb.no-config", root=str(root))
    config_raw = read_raw(root, CONFIG_FILE, DEFAULT_MAX_BYTES)
    config_source = uncached_source("config", CONFIG_FILE, config_raw)
    return config_raw, config_source, _config(config_source)


def read_files(root: Path) -> KbFiles:
    """Read the settings, the roster and every file once; hash them all into one key."""
    config_raw, config_source, config = _read_config(root)
    limit = config.max_file_bytes
    roster_exists = os.path.lexists(root / ROSTER_FILE)
    roster_raw = read_raw(root, ROSTER_FILE, limit) if roster_exists else None
    unreadable: dict[str, LoadError] = {}
    found = discover(root, config.standards_paths, unreadable)
    inside = _allowed_places(root, config.standards_paths)
    folders: dict[str, str] = {}  # real path of each folder, looked up once per read
    raws: list[bytes | LoadError] = [
        read_raw(root, relpath, limit, inside, folders) for _, relpath in found
    ]
    for relpath, error in sorted(unreadable.items()):
        found.append((_area_of(relpath), relpath))
        raws.append(error)
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
    root: Path,
    relpath: str,
    limit: int,
    inside: tuple[Path, ...] = (),
    folders: dict[str, str] | None = None,
) -> bytes | LoadError:
    """Return the bytes of one file, or why it cannot be read.

    With *inside*, a file whose real path (symbolic links followed) lies elsewhere is an error:
    a link in runbooks/ must not publish a file from outside the KB. *folders* memoises the real
    path of each folder for one read of the KB (realpath stats every part of a path).
    """
    path = root / relpath
    if inside:
        real = _real_path(path, {} if folders is None else folders)
        if not any(_within(real, str(place)) for place in inside):
            return LoadError(relpath, 1, 1, "load.outside-kb", target=real)
    try:
        return read_bytes(path, relpath, limit)
    except LoadError as error:
        return error


def _real_path(path: Path, folders: dict[str, str]) -> str:
    """os.path.realpath of *path*, the folder part looked up once (a file link is followed anew)."""
    if os.path.islink(path):
        return os.path.realpath(path)
    folder = str(path.parent)
    if folder not in folders:
        folders[folder] = os.path.realpath(folder)
    return os.path.join(folders[folder], path.name)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def load_error_source(area: str, relpath: str, error: LoadError) -> Source:
    """Return the Source of a file that could not be read: no data, one problem."""
    problem = Problem(relpath, error.line, error.column, "", error.key, error.params)
    return Source(relpath, area, None, None, [problem])


def uncached_source(area: str, relpath: str, raw: bytes | LoadError) -> Source:
    """Load and check one file on its own, without the cache."""
    if isinstance(raw, LoadError):
        return load_error_source(area, relpath, raw)
    return source_from_entry(area, relpath, raw, analyse(area, relpath, raw))


def _area_of(relpath: str) -> str:
    if relpath.startswith("records/runs/"):
        return "runs"
    first = relpath.split("/", 1)[0]
    return first if first in ("runbooks", "checklists", "handovers") else "standards"


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
