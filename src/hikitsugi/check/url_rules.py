"""The URL policy (render/urls.py) as a check: say where a link or image will show as text."""

from __future__ import annotations

import re
from typing import Any

from hikitsugi.check.load import Document
from hikitsugi.check.problems import WARNING, Problem, format_path
from hikitsugi.check.sources import as_list
from hikitsugi.i18n import register
from hikitsugi.render import urls

register(
    {
        "check.outside-image": (
            (
                "画像 '{url}' はサイトに表示されず文字になります。画像はナレッジベースの images/ に置き、"
                "![説明](images/ファイル名.png) と書いてください (png, jpg, gif, webp)"
            ),
            (
                "image '{url}' will show as text, not as an image: keep images in the KB's images/ "
                "folder and write ![alt](images/name.png) (png, jpg, gif, webp)"
            ),
        ),
        "check.unsafe-link": (
            (
                "リンク '{url}' はリンクにならず文字になります。使えるのは http:、https:、mailto:、tel: "
                "とサイト内の相対リンクです"
            ),
            (
                "link '{url}' will show as text, not as a link: only http:, https:, mailto:, tel: "
                "and relative links inside the site are allowed"
            ),
        ),
    }
)

MARKDOWN_FIELDS = ("detail",)  # the step fields the site renders as Markdown
_URL = r"\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)"  # one level of parentheses, as in alert(1)
_IMAGE = re.compile(r"!\[[^\]]*\]" + _URL)
_LINK = re.compile(r"(?<!!)\[[^\]]*\]" + _URL)


def url_rules(document: Document) -> list[Problem]:
    """Warn at each image from outside the KB's images/ and each link the policy turns to text."""
    problems: list[Problem] = []
    data = document.data
    for index, step in enumerate(as_list(data.get("steps"))):
        for key in MARKDOWN_FIELDS:
            text = step.get(key) if isinstance(step, dict) else None
            if isinstance(text, str):
                problems += _markdown_urls(document, ("steps", index, key), text)
    for index, basis in enumerate(as_list(data.get("legal_basis"))):
        url = basis.get("url") if isinstance(basis, dict) else None
        if isinstance(url, str) and not urls.safe_link(url):
            path = ("legal_basis", index, "url")
            problems.append(_warning(document, path, 0, "check.unsafe-link", url))
    return problems


def _markdown_urls(document: Document, path: tuple[Any, ...], text: str) -> list[Problem]:
    problems = []
    for found in _IMAGE.finditer(text):
        if urls.image_path(found.group(1)) is None:
            line = text.count("\n", 0, found.start())
            problems.append(_warning(document, path, line, "check.outside-image", found.group(1)))
    for found in _LINK.finditer(text):
        if not urls.safe_link(found.group(1)):
            line = text.count("\n", 0, found.start())
            problems.append(_warning(document, path, line, "check.unsafe-link", found.group(1)))
    return problems


def _warning(
    document: Document, path: tuple[Any, ...], line_in_text: int, key: str, url: str
) -> Problem:
    """A warning at the line of the text where *url* is written (a block scalar starts a line later)."""
    line, column = document.locate(path)
    value: Any = document.data
    for part in path:
        value = value[part]
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        line, column = line + 1 + line_in_text, 1
    return Problem(document.relpath, line, column, format_path(path), key, {"url": url}, WARNING)
