"""A content-hash cache of per-file results, so an unchanged KB is checked in a blink.

An entry is keyed by the file's path and the hash of its bytes, under a header that
names the tool version, the schema and the size limit: any edit, rename or deletion,
or a new version of the tool, misses the cache. It holds only what a file says on its
own (data, positions, problems); everything that spans files is computed every run.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

from hikitsugi import __version__, schema
from hikitsugi.errors import WriteError
from hikitsugi.io import write_atomic

CACHE_DIR = Path(".cache") / "hikitsugi"
CACHE_ENV = "HIKITSUGI_CACHE_DIR"
FORMAT = 5  # 5: file rules warn about links and images (check/url_rules.py)


def cache_folder(root: Path) -> Path:
    """Return the folder of the KB's caches: <root>/.cache/hikitsugi, or under $HIKITSUGI_CACHE_DIR.

    With the variable set nothing is written inside the KB (a read-only share, the test suite);
    each KB gets its own folder there, named after its absolute path.
    """
    base = os.environ.get(CACHE_ENV)
    if not base:
        return root / CACHE_DIR
    name = digest(str(root.resolve()).encode("utf-8")).hex()
    return Path(base) / "hikitsugi" / f"kb-{name}"


def digest(raw: bytes) -> bytes:
    """Return the content hash of one file."""
    return hashlib.blake2b(raw, digest_size=16).digest()


def _fingerprint(extra: str) -> str:
    texts = "".join(schema.text(name) for name in schema.FILES)
    return f"{FORMAT}:{__version__}:{digest(texts.encode()).hex()}:{extra}"


class FileCache:
    """Per-file results keyed by (relative path, content hash)."""

    def __init__(self, root: Path, enabled: bool = True, extra: str = "") -> None:
        self.path = cache_folder(root) / "files.marshal"
        self.enabled = enabled
        self.header = _fingerprint(extra)
        self.old: dict[str, tuple[bytes, Any]] = {}
        self.new: dict[str, tuple[bytes, Any]] = {}
        self.changed = False
        if enabled:
            self._read()

    def _read(self) -> None:
        try:
            stored = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.header:
            self.old = stored[1]

    def get(self, relpath: str, key: bytes) -> Any | None:
        """Return the stored entry for this path and content, or None."""
        found = self.old.get(relpath)
        if found is not None and found[0] == key:
            self.new[relpath] = found
            return found[1]
        return None

    def put(self, relpath: str, key: bytes, entry: Any) -> None:
        """Remember an entry (made only of marshal-able plain values)."""
        self.new[relpath] = (key, entry)
        self.changed = True

    def save(self) -> None:
        """Write the entries seen this run, atomically; files not seen are dropped."""
        if not self.enabled or (not self.changed and self.new.keys() == self.old.keys()):
            return
        with contextlib.suppress(WriteError):  # a cache that cannot be written only costs time
            write_atomic(self.path, marshal.dumps((self.header, self.new)), durable=False)


class ResultCache:
    """The whole answer of the last run, keyed by the hash of every file's path and content."""

    def __init__(self, root: Path, enabled: bool = True, extra: str = "") -> None:
        self.path = cache_folder(root) / "result.marshal"
        self.enabled = enabled
        self.header = _fingerprint(extra)

    def get(self, fingerprint: bytes) -> Any | None:
        """Return the stored answer for exactly these files, or None."""
        if not self.enabled:
            return None
        try:
            header, stored_fingerprint, payload = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if header == self.header and stored_fingerprint == fingerprint:
            return payload
        return None

    def put(self, fingerprint: bytes, payload: Any) -> None:
        """Store the answer atomically; failures only cost time."""
        if not self.enabled:
            return
        data = marshal.dumps((self.header, fingerprint, payload))
        with contextlib.suppress(WriteError):
            write_atomic(self.path, data, durable=False)
