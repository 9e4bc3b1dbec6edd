"""What in mkdocs.yml runs code of the city's own, or breaks the site on LGWAN and over file://.

A KB is data; mkdocs.yml may still load Python (hooks, plugins installed by someone) when the
city says so. Those entries are named with their line, so `build` can warn, and refuse with
--strict, before MkDocs imports anything. The same goes for settings that reach the internet
(CDN scripts and styles, Google Fonts) or need a web server (folder URLs, Material's search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hikitsugi.i18n import register, t

# hikitsugi and the plugins that come with MkDocs and Material for MkDocs.
ALLOWED_PLUGINS = frozenset(
    {"hikitsugi", "search", "tags", "offline", "blog", "meta", "group", "typeset", "info"}
)

register(
    {
        "build.config-code": (
            (
                "{config}:{line}: {what} はナレッジベースの外の Python コードを実行します。"
                "市が内容を確認したものだけを使ってください (build --strict では作りません。docs/security.md)"
            ),
            (
                "{config}:{line}: {what} runs Python code from outside the knowledge base; use it only "
                "if the city has reviewed it (refused with build --strict; see docs/security.md)"
            ),
        ),
        "build.config-code-refused": (
            "--strict のため、コードを実行する設定を含む mkdocs.yml ではサイトを作りません:\n{found}",
            "--strict: not building from a mkdocs.yml that runs code:\n{found}",
        ),
        "build.offline": (
            "{config}:{line}: {what}",
            "{config}:{line}: {what}",
        ),
        "build.offline-refused": (
            "--strict のため、LGWAN 端末や file:// で動かない設定を含む mkdocs.yml ではサイトを作りません:\n{found}",
            "--strict: not building from a mkdocs.yml that breaks the site on LGWAN or over file://:\n{found}",
        ),
        "offline.external": (
            (
                "{key} の {url} はインターネット上のファイルです。LGWAN 端末では読み込めず、"
                "file:// で開いても外へ通信します。ファイルを docs/ に置き、相対パスで書いてください"
            ),
            (
                "{key}: {url} is on the internet; LGWAN PCs cannot load it and the site would "
                "reach outside. Put the file in docs/ and write a relative path"
            ),
        ),
        "offline.font": (
            (
                "theme の font が false ではありません。Google Fonts を読みに行くため、"
                "LGWAN 端末では表示が遅くなります (font: false と書いてください)"
            ),
            (
                "theme: font is not false: the site loads Google Fonts, which LGWAN PCs cannot "
                "reach (write font: false)"
            ),
        ),
        "offline.directory-urls": (
            (
                "use_directory_urls が false ではありません。file:// で開くとページの代わりに"
                "フォルダの一覧が出ます (use_directory_urls: false と書いてください)"
            ),
            (
                "use_directory_urls is not false: over file:// a folder listing shows instead of "
                "the page (write use_directory_urls: false)"
            ),
        ),
        "offline.search": (
            (
                "plugins の {name} (Material の検索) は file:// で動きません。"
                "外してください (hikitsugi の検索が日本語で、file:// でも動きます)"
            ),
            (
                "plugins: {name} (Material's search) does not work over file://; remove it "
                "(hikitsugi's own search works in Japanese and over file://)"
            ),
        ),
        "offline.highlightjs": (
            (
                "theme の highlightjs が有効です。highlight.js をインターネット (CDN) から読み込むため、"
                "LGWAN 端末では動きません (highlightjs: false と書いてください)"
            ),
            (
                "theme: highlightjs loads highlight.js from a CDN, which LGWAN PCs cannot reach "
                "(write highlightjs: false)"
            ),
        ),
    }
)


@dataclass(frozen=True)
class CodeEntry:
    """One entry of mkdocs.yml that loads code, and its line."""

    line: int
    what: str


def _compose(config_file: Path) -> yaml.MappingNode | None:
    """The top mapping of *config_file*, or None when MkDocs will report the file itself."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return root if isinstance(root, yaml.MappingNode) else None


def code_entries(config_file: Path) -> list[CodeEntry]:
    """Return the hooks and non-allowed plugins that *config_file* names (read without running it)."""
    root = _compose(config_file)
    if root is None:
        return []
    found: list[CodeEntry] = []
    for key, value in root.value:
        if key.value == "hooks":
            found += [
                CodeEntry(item.start_mark.line + 1, f"hooks: {item.value}")
                for item in _items(value)
            ]
        elif key.value == "plugins":
            found += [
                CodeEntry(item.start_mark.line + 1, f"plugins: {name}")
                for item, name in _plugin_names(value)
                if name.removeprefix("material/") not in ALLOWED_PLUGINS
            ]
    return sorted(found, key=lambda entry: entry.line)


def _items(node: yaml.Node) -> list[yaml.ScalarNode]:
    """The scalar items of a sequence node (a single scalar counts as one)."""
    if isinstance(node, yaml.SequenceNode):
        return [item for item in node.value if isinstance(item, yaml.ScalarNode)]
    return [node] if isinstance(node, yaml.ScalarNode) and node.value else []


def _plugin_names(node: yaml.Node) -> list[tuple[yaml.Node, str]]:
    """(node, name) of each plugin, written as `- name`, `- name: {options}` or `name: {…}`."""
    found: list[tuple[yaml.Node, str]] = []
    entries = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode):
            found.append((entry, str(entry.value)))
        elif isinstance(entry, yaml.MappingNode):
            found += [(key, str(key.value)) for key, _ in entry.value]
    return found


def offline_entries(config_file: Path, lang: str = "ja") -> list[CodeEntry]:
    """Return the settings of *config_file* that break the site on LGWAN or over file://.

    MkDocs' defaults count: no `use_directory_urls` means folder URLs, and Material without
    `font: false` loads Google Fonts.
    """
    root = _compose(config_file)
    if root is None:
        return []
    top = {str(key.value): (key, value) for key, value in root.value}
    found: list[CodeEntry] = []
    for key in ("extra_javascript", "extra_css"):
        if key in top:
            found += [
                CodeEntry(node.start_mark.line + 1, t("offline.external", lang, key=key, url=url))
                for node, url in _urls(top[key][1])
                if re.match(r"^(https?:)?//", url, re.IGNORECASE)
            ]
    directory_urls = top.get("use_directory_urls")
    if directory_urls is None or directory_urls[1].value not in ("false", "False", "no", "off"):
        line = directory_urls[0].start_mark.line + 1 if directory_urls else 1
        found.append(CodeEntry(line, t("offline.directory-urls", lang)))
    if "theme" in top:
        found += _theme_entries(*top["theme"], lang)
    if "plugins" in top:
        found += [
            CodeEntry(node.start_mark.line + 1, t("offline.search", lang, name=name))
            for node, name in _plugin_names(top["plugins"][1])
            if name.removeprefix("material/") == "search"
        ]
    return sorted(found, key=lambda entry: entry.line)


_FALSE = ("false", "False", "no", "off")


def _theme_entries(key: yaml.Node, theme: yaml.Node, lang: str) -> list[CodeEntry]:
    """The web font and CDN highlight.js settings of `theme:` (a name alone counts too)."""
    if isinstance(theme, yaml.ScalarNode):
        options: dict[str, tuple[yaml.Node, yaml.Node]] = {"name": (key, theme)}
    elif isinstance(theme, yaml.MappingNode):
        options = {str(k.value): (k, v) for k, v in theme.value}
    else:
        return []
    name = str(options["name"][1].value) if "name" in options else ""
    found: list[CodeEntry] = []
    font = options.get("font")
    if name == "material" and (font is None or getattr(font[1], "value", None) not in _FALSE):
        line = (font or (key, theme))[0].start_mark.line + 1
        found.append(CodeEntry(line, t("offline.font", lang)))
    highlight = options.get("highlightjs")
    if name in ("mkdocs", "readthedocs") and (
        highlight is None or getattr(highlight[1], "value", None) not in _FALSE
    ):
        line = (highlight or (key, theme))[0].start_mark.line + 1
        found.append(CodeEntry(line, t("offline.highlightjs", lang)))
    return found


def _urls(node: yaml.Node) -> list[tuple[yaml.Node, str]]:
    """(node, path) of each entry of extra_javascript / extra_css (`- path` or `- path: x`)."""
    found: list[tuple[yaml.Node, str]] = []
    entries = node.value if isinstance(node, yaml.SequenceNode) else [node]
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode):
            found.append((entry, str(entry.value)))
        elif isinstance(entry, yaml.MappingNode):
            found += [
                (value, str(value.value))
                for key, value in entry.value
                if key.value == "path" and isinstance(value, yaml.ScalarNode)
            ]
    return found
