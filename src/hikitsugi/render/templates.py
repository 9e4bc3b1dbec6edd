"""The Jinja2 environment: a KB's templates/ override the built-in ones file by file."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

BUILTIN = Path(__file__).resolve().parent.parent / "templates"


@cache
def environment(root: Path | None = None) -> jinja2.Environment:
    """Return the environment for the KB at *root* (its templates/ first, then ours)."""
    folders = []
    if root is not None and (root / "templates").is_dir():
        folders.append(str(root / "templates"))
    folders.append(str(BUILTIN))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        bytecode_cache=_bytecode_cache(root),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2", "xml.j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _bytecode_cache(root: Path | None) -> jinja2.BytecodeCache | None:
    """Compiled templates under the KB's .cache/ (keyed by source), so a rebuild skips compiling."""
    if root is None:
        return None
    folder = root / ".cache" / "hikitsugi" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only KB only costs compile time
    return jinja2.FileSystemBytecodeCache(str(folder))
