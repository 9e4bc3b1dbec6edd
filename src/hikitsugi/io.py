"""The one way hikitsugi writes a file: whole or not at all, with a clear message when it cannot.

Every output (-o files, schema files, the .ics, caches) goes through write_atomic: a temporary
file in the target's folder, flushed to disk, then os.replace, so a reader sees the old file or
the new one, never half of one. A new file gets the permissions the umask gives (0o666 & ~umask,
as any editor's file would); a replaced file keeps its own.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from hikitsugi.errors import WriteError


def make_folder(folder: Path, target: Path | None = None) -> None:
    """Create *folder* and its parents, or raise WriteError naming *target* (default: *folder*)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if os.path.lexists(folder) and not folder.is_dir():
            raise WriteError(folder, "not-folder") from None  # e.g. `schema -o` onto a file
        raise WriteError(target or folder, "folder", error) from None


def _umask() -> int:
    umask = os.umask(0o022)  # reading the umask means setting it: put it straight back
    os.umask(umask)
    return umask


def new_file_mode() -> int:
    """Return the permissions a new file gets under the current umask."""
    return 0o666 & ~_umask()


def new_folder_mode() -> int:
    """Return the permissions a new folder gets under the current umask (mkdtemp makes 0700)."""
    return 0o777 & ~_umask()


def _mode_for(target: Path) -> int:
    """Return the mode to give *target*'s new content; refuse anything but a regular file."""
    try:
        status = target.stat()
    except FileNotFoundError:
        return new_file_mode()
    except OSError as error:
        raise WriteError(target, "write", error) from None
    if stat.S_ISDIR(status.st_mode):
        raise WriteError(target, "is-folder")
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(target, "not-file")
    return stat.S_IMODE(status.st_mode)


def write_atomic(target: Path, data: bytes | str, *, durable: bool = True) -> None:
    """Write *data* (str as UTF-8, line ends as given) to *target*, whole or not at all.

    *durable* flushes the file to disk before the rename; caches pass False, since losing one
    in a power cut only costs time. Raises WriteError; the previous file is then untouched.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    make_folder(target.parent, target)
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise WriteError(target, "write", error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)  # mkstemp makes 0600
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise WriteError(target, "write", error) from None
        raise


def write_new(target: Path, data: str | bytes) -> None:
    """Create *target* with *data* (text as UTF-8), refusing to replace anything, even in a race."""
    make_folder(target.parent, target)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        stream = open(target, "xb")  # noqa: SIM115 - closed below
    except FileExistsError:
        raise WriteError(target, "exists") from None
    except OSError as error:
        raise WriteError(target, "write", error) from None
    try:
        with stream:
            stream.write(data)
    except OSError as error:
        target.unlink(missing_ok=True)  # half a starter file is worse than none
        raise WriteError(target, "write", error) from None
