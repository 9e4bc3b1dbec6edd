"""Find the titles of other runbooks named in a text, so a step can link to them.

A title is found only whole and longest first (「学童システム」 inside 「学童システム操作」 is not
「学童システム」 when the longer title exists). Matching looks up the first two characters of each
position in an index, so a KB of thousands of runbooks costs no more than a few.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

MIN_LENGTH = 3  # shorter titles would link ordinary words


@dataclass
class TitleIndex:
    """The titles to look for, each with the page it links to."""

    targets: dict[str, str]  # title -> page (render/paths.py source path)
    _by_start: dict[str, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for title in sorted(self.targets, key=len, reverse=True):
            if len(title) >= MIN_LENGTH:
                self._by_start.setdefault(title[:2], []).append(title)

    def find(self, text: str, skip: Iterable[str] = ()) -> list[tuple[int, int, str]]:
        """Return (start, end, title) of each title in *text*, left to right, never overlapping."""
        if not self._by_start:
            return []
        excluded = set(skip)
        found = []
        at = 0
        while at < len(text) - 1:
            match = next(
                (
                    title
                    for title in self._by_start.get(text[at : at + 2], ())
                    if title not in excluded and text.startswith(title, at)
                ),
                None,
            )
            if match is None:
                at += 1
                continue
            found.append((at, at + len(match), match))
            at += len(match)
        return found
