"""One file of the knowledge base after loading, and how to point at a place in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hikitsugi.check.load import Document, NodePath, parse
from hikitsugi.check.problems import ERROR, Problem, format_path
from hikitsugi.resolve.merge import DocumentLocator, Locator


@dataclass
class Source:
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


class LazyPositions(dict):  # type: ignore[type-arg]
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


def source_from_entry(area: str, relpath: str, raw: bytes, entry: tuple[Any, ...]) -> Source:
    """Rebuild a Source from its (maybe cached) entry; positions are parsed again only if needed."""
    data, plain_problems, line = entry
    problems = [Problem.from_plain(tuple(p)) for p in plain_problems]
    document = Document(relpath, data, LazyPositions(raw, relpath)) if data is not None else None
    return Source(relpath, area, data, document, problems, line)


def problem_at(
    locator: Locator, path: NodePath, key: str, severity: str = ERROR, **params: Any
) -> Problem:
    """Return the problem *key* at *path* of the file that *locator* reads."""
    file, line, column = locator.locate(path)
    return Problem(file, line, column, format_path(path), key, params, severity)


def as_list(value: Any) -> list[Any]:
    """Return *value* if it is a list, else [] (the schema reports the wrong shape)."""
    return value if isinstance(value, list) else []
