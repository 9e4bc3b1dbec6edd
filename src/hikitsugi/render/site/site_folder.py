"""The site folder: which folders a build may replace, how it swaps, and what it cleans up.

A build replaces the whole site folder, so it accepts only a folder that is missing, empty, or
carries the marker file that every site hikitsugi builds has (`.hikitsugi-site`). The new site is
made in `.<site>.building-<token>` next to it and swapped in so that a site is at the site path
at every instant: on Linux one renameat2(RENAME_EXCHANGE) call swaps the two folders; where the
file system cannot (Windows, macOS, most network shares) two renames leave a gap of microseconds,
and a build killed in that gap is repaired by the next one (the previous site is put back first).
Folders that killed builds leave next to the site are removed by the next build, but only those
with hikitsugi's own names that carry its marker or are empty, and never one that a build still
running holds (it keeps its marker locked; POSIX only, Windows has no such lock here).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from hikitsugi.errors import HikitsugiError, WriteError
from hikitsugi.i18n import register, t
from hikitsugi.io import new_folder_mode

MARKER = ".hikitsugi-site"
MARKER_TEXT = (
    "hikitsugi-site\n"
    "このフォルダは hikitsugi build が作ったサイトです。次の build で丸ごと置き換わります。\n"
    "This folder is a site built by hikitsugi; the next build replaces it as a whole.\n"
)
BUILDING, OLD = "building", "old"

register(
    {
        "site-folder.refused": (
            "{site} は出力先にできません: {reason}。何も変更していません",
            "{site} cannot be the output folder: {reason}; nothing was changed",
        ),
        "site-folder.reason-kb": (
            "ナレッジベースそのもの、またはそれを含むフォルダです",
            "it is or contains the knowledge base",
        ),
        "site-folder.reason-docs": (
            "サイトの元になる docs/ の中です",
            "it is inside docs/, the site's source",
        ),
        "site-folder.reason-not-folder": (
            (
                "フォルダではありません (ファイルなど)。サイトはフォルダごと置き換えるため、"
                "--site-dir には新しいフォルダ名を指定してください"
            ),
            (
                "it is not a folder (a file or the like); the site replaces a whole folder, "
                "so give --site-dir a new folder name"
            ),
        ),
        "site-folder.reason-not-site": (
            (
                f"空ではなく、hikitsugi が作ったサイトの印 ({MARKER}) もありません "
                "(サイトはフォルダごと置き換えるため、中のものが消えてしまいます)。"
                "前の版の hikitsugi で作ったサイトなら、そのフォルダを消してから作り直すか、"
                "--site-dir で空のフォルダか新しいフォルダ名を指定してください"
            ),
            (
                f"it is not empty and has no {MARKER} marker of a site hikitsugi built "
                "(the site replaces the whole folder, so its contents would be lost). "
                "If an earlier hikitsugi built it, delete the folder and build again, "
                "or point --site-dir at an empty or new folder"
            ),
        ),
    }
)


class UnsafeSiteFolder(HikitsugiError):
    """The site folder's replacement would destroy something that is not a hikitsugi site."""

    def __init__(self, site_dir: Path, reason: str) -> None:
        super().__init__("site-folder.refused", site=str(site_dir), reason=reason)

    def render(self, lang: str) -> str:
        """Return the refusal with its reason, both in *lang*."""
        reason = t(f"site-folder.reason-{self.params['reason']}", lang)
        return t("site-folder.refused", lang, site=self.params["site"], reason=reason)


def refuse_unsafe(root: Path, site_dir: Path) -> None:
    """Raise UnsafeSiteFolder unless *site_dir* is missing, empty or a site hikitsugi built."""
    root, site_dir = root.resolve(), site_dir.resolve()
    docs = root / "docs"
    reason = None
    if site_dir == root or site_dir in root.parents:
        reason = "kb"
    elif site_dir == docs or docs in site_dir.parents:
        reason = "docs"
    elif os.path.lexists(site_dir) and not site_dir.is_dir():
        reason = "not-folder"
    elif site_dir.is_dir() and _has_entries(site_dir) and not has_marker(site_dir):
        reason = "not-site"
    if reason:
        raise UnsafeSiteFolder(site_dir, reason)


def has_marker(folder: Path) -> bool:
    """Tell whether *folder* carries the marker of a site hikitsugi built (a regular file)."""
    marker = folder / MARKER
    try:
        if not stat.S_ISREG(marker.lstat().st_mode):
            return False  # a FIFO or a link named like the marker proves nothing, and may block
        with open(marker, "rb") as stream:
            return stream.read(64).startswith(MARKER_TEXT.split("\n")[0].encode())
    except OSError:
        return False


def _has_entries(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError as error:
        raise WriteError(folder, "write", error) from None


def new_staging(site_dir: Path) -> Path:
    """Make `.<site>.building-<token>` next to *site_dir*, marked from the start."""
    staging = _sibling(site_dir, BUILDING)
    try:
        os.mkdir(staging)
        os.chmod(staging, new_folder_mode())  # the umask's permissions, like any new folder
        # MkDocs empties its output folder but keeps dot files: the marker stays, so a build
        # killed at any point leaves a folder the next build knows as its own.
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    except OSError as error:
        raise WriteError(site_dir, "write", error) from None
    return staging


def _sibling(site_dir: Path, purpose: str) -> Path:
    return site_dir.parent / f".{site_dir.name}.{purpose}-{secrets.token_hex(4)}"


def _leftover_pattern(site_dir: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(site_dir.name)}\.({BUILDING}|{OLD})-[0-9a-f]{{8}}")


def _ours(folder: Path) -> bool:
    """Tell whether *folder* is a real folder (not a link) that hikitsugi marked, or empty."""
    try:
        if not stat.S_ISDIR(folder.lstat().st_mode):
            return False
        if has_marker(folder):
            return not _in_use(folder)
        return not any(folder.iterdir())
    except OSError:
        return False


@contextlib.contextmanager
def held(staging: Path) -> Iterator[None]:
    """Hold *staging*'s marker locked while a build runs, so another build leaves it alone."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    with open(staging / MARKER, "rb") as marker:
        fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)  # just made: nobody else holds it
        yield


def _in_use(folder: Path) -> bool:
    """Tell whether a running build holds *folder*'s marker."""
    if sys.platform == "win32":
        return False
    import fcntl

    with open(folder / MARKER, "rb") as marker:
        try:
            fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(marker, fcntl.LOCK_UN)
    return False


def remove(folder: Path, step: Callable[[str], None] = lambda _: None) -> None:
    """Remove a marked folder, its marker last, so a kill midway leaves it still recognisable."""
    for entry in sorted(folder.iterdir()):
        if entry.name == MARKER:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        step("remove-entry")
    (folder / MARKER).unlink(missing_ok=True)
    folder.rmdir()


def clean_leftovers(site_dir: Path) -> None:
    """Put back a site a kill left aside, then remove what killed builds left next to *site_dir*."""
    pattern = _leftover_pattern(site_dir)
    try:
        found = sorted(p for p in site_dir.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError as error:
        raise WriteError(site_dir, "write", error) from None
    ours = [p for p in found if _ours(p)]
    retired = [p for p in ours if p.name.startswith(f".{site_dir.name}.{OLD}-")]
    try:
        if not os.path.lexists(site_dir) and retired and has_marker(retired[0]):
            os.replace(retired[0], site_dir)  # killed between the two renames: the old site back
            ours.remove(retired[0])
        for folder in ours:
            remove(folder)
    except OSError as error:
        raise WriteError(site_dir, "write", error) from None


def swap(staging: Path, site_dir: Path, step: Callable[[str], None] = lambda _: None) -> None:
    """Put the finished *staging* in place of *site_dir*, leaving a site there at every instant.

    *step* is called after each change on disk (tests stop the process there).
    """
    try:
        if not os.path.lexists(site_dir):
            os.rename(staging, site_dir)
            step("renamed")
            return
        if _exchange(staging, site_dir):
            step("exchanged")  # staging now holds the previous site
            remove(staging, step)
            step("removed")
            return
        retired = _sibling(site_dir, OLD)
        os.rename(site_dir, retired)
        step("retired")  # the gap that only a file system without an exchange has
        try:
            os.rename(staging, site_dir)
        except OSError:
            os.rename(retired, site_dir)  # put the previous site back before reporting
            raise
        step("renamed")
        remove(retired, step)
        step("removed")
    except OSError as error:
        raise WriteError(site_dir, "write", error) from None


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EXDEV}


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False  # a C library older than glibc 2.28, or none to load
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    paths = os.fsencode(first), os.fsencode(second)
    if renameat2(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))
