"""The site's MkDocs configuration when the KB has no mkdocs.yml, and MkDocs' errors in Japanese.

A new city needs no mkdocs.yml: the embedded configuration holds every setting that keeps the
site working on an LGWAN PC and over file:// (no web fonts, no CDN scripts, file URLs, the
hikitsugi plugin and its search instead of Material's). A city's own mkdocs.yml is checked for
the same settings by config_code.offline_entries.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from hikitsugi.i18n import register, t

PERMALINK_TITLE = {"ja": "この見出しへのリンク", "en": "Link to this heading"}

register(
    {
        "mkdocs.docs-dir-missing": (
            "mkdocs.yml の docs_dir に書かれたフォルダ {path} がありません。フォルダを作るか、docs_dir を直してください",
            "the docs_dir of mkdocs.yml, {path}, is not a folder: create it or correct docs_dir",
        ),
        "mkdocs.bad-value": (
            "mkdocs.yml の {key} の値が正しくありません: {reason}",
            "mkdocs.yml: the value of {key} is wrong: {reason}",
        ),
        "mkdocs.unknown-theme": (
            "mkdocs.yml のテーマ '{name}' はインストールされていません (theme: name: material にしてください)",
            "the theme '{name}' of mkdocs.yml is not installed (use theme: name: material)",
        ),
        "mkdocs.unknown-plugin": (
            "mkdocs.yml のプラグイン '{name}' はインストールされていません (plugins から外すか、インストールしてください)",
            "the plugin '{name}' of mkdocs.yml is not installed (remove it from plugins or install it)",
        ),
        "mkdocs.bad-yaml": (
            "mkdocs.yml を YAML として読めません: {reason}",
            "mkdocs.yml is not valid YAML: {reason}",
        ),
        "mkdocs.aborted": (
            "mkdocs.yml の設定に誤りがあります ({count} 件)",
            "mkdocs.yml has {count} configuration error(s)",
        ),
    }
)


def embedded_config(root: Path, organization: str, lang: str, docs_dir: Path) -> dict[str, Any]:
    """Return the offline-safe MkDocs configuration of the KB at *root* (no mkdocs.yml needed)."""
    return {
        "site_name": organization,
        "docs_dir": str(docs_dir),
        "use_directory_urls": False,  # file:// shows a folder listing, not index.html
        "theme": {
            "name": "material",
            "language": lang,
            "font": False,  # Google Fonts cannot be reached from LGWAN
            "features": ["navigation.prune", "navigation.indexes", "toc.follow"],
            "palette": {"primary": "indigo"},
        },
        # No Material search: hikitsugi's own search works over file:// and in Japanese.
        "plugins": [{"hikitsugi": {"root": str(root)}}],
        "markdown_extensions": [
            {"toc": {"permalink": True, "permalink_title": PERMALINK_TITLE[lang]}},
            "admonition",
            "attr_list",
            "tables",
        ],
        "extra": {"generator": False},
    }


@contextmanager
def embedded_config_file(root: Path, organization: str, lang: str) -> Iterator[Path]:
    """Write the embedded configuration into a temporary folder and yield its path.

    MkDocs reads a file; the KB's docs/ is used when it exists, else an empty folder.
    """
    with tempfile.TemporaryDirectory(prefix="hikitsugi-mkdocs-") as temporary:
        docs = root / "docs"
        if not docs.is_dir():
            docs = Path(temporary) / "docs"
            docs.mkdir()
        config = embedded_config(root, organization, lang, docs)
        path = Path(temporary) / "mkdocs.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        yield path


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"Config value '(?:docs_dir)': The path '(?P<path>.*)' isn't an existing dir"),
        "mkdocs.docs-dir-missing",
    ),
    (re.compile(r"Unrecognised theme name: '(?P<name>[^']*)'"), "mkdocs.unknown-theme"),
    (re.compile(r"The \"(?P<name>[^\"]*)\" plugin is not installed"), "mkdocs.unknown-plugin"),
    (
        re.compile(r"error parsing the configuration file: (?P<reason>.*)", re.DOTALL),
        "mkdocs.bad-yaml",
    ),
    (re.compile(r"Config value '(?P<key>[^']*)': (?P<reason>.*)", re.DOTALL), "mkdocs.bad-value"),
    (re.compile(r"Aborted with (?P<count>\d+) configuration errors?"), "mkdocs.aborted"),
]


def in_japanese(message: str, lang: str = "ja") -> str:
    """Re-say one of MkDocs' configuration messages in *lang*; unknown ones are kept as they are."""
    if lang != "ja":
        return message
    for pattern, key in _PATTERNS:
        found = pattern.search(message)
        if found:
            return t(key, lang, **found.groupdict())
    return message
