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
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2", "xml.j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
