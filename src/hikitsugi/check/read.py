"""Read one file of the knowledge base from disk: regular files only, never past the size limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hikitsugi import schema
from hikitsugi.check.load import LoadError
from hikitsugi.i18n import I18nRef, ref, register

DEFAULT_MAX_BYTES: int = schema.defaults("config")["max_file_bytes"]

register(
    {
        "load.too-large": (
            (
                "ファイルが大きすぎます ({size} バイト、上限 {limit} バイト。"
                "上限は hikitsugi.yml の max_file_bytes で変えられます)"
            ),
            (
                "file is too large ({size} bytes, limit {limit}; "
                "set max_file_bytes in hikitsugi.yml to change it)"
            ),
        ),
        "load.unreadable": ("ファイルを読めません: {reason}", "cannot read the file: {reason}"),
        "load.kind-folder": ("フォルダ", "a folder"),
        "load.kind-fifo": ("名前付きパイプ (FIFO)", "a named pipe (FIFO)"),
        "load.kind-socket": ("ソケット", "a socket"),
        "load.kind-device": ("デバイス", "a device"),
        "load.kind-other": ("特殊なファイル", "a special file"),
        "load.not-regular": (
            "通常のファイルではありません ({kind})。手順書などは普通のファイルとして置いてください",
            "not a regular file ({kind}): keep runbooks and settings as plain files",
        ),
    }
)


def read_bytes(path: Path, relpath: str, limit: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read at most *limit* bytes of *path*; a larger file is an error."""
    try:  # look before opening: opening a device or a FIFO can block or have effects
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise LoadError(relpath, 1, 1, "load.not-regular", kind=not_regular_kind(mode))
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise LoadError(relpath, 1, 1, "load.unreadable", reason=error.strerror) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise LoadError(relpath, 1, 1, "load.not-regular", kind=not_regular_kind(mode))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        raise LoadError(relpath, 1, 1, "load.unreadable", reason=error.strerror) from None
    finally:
        os.close(descriptor)
    if len(raw) > limit:
        size = max(path.stat().st_size, len(raw))
        raise LoadError(relpath, 1, 1, "load.too-large", size=size, limit=limit)
    return raw


def not_regular_kind(mode: int) -> I18nRef:
    """Name what a path is when it is not a regular file (a FIFO, a socket, a device, a folder)."""
    for test, kind in (
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "device"),
        (stat.S_ISBLK, "device"),
    ):
        if test(mode):
            return ref(f"load.kind-{kind}")
    return ref("load.kind-other")
