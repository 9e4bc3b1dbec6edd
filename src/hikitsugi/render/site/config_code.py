"""What in mkdocs.yml runs code of the city's own: `hooks:` and plugins outside the allow-list.

A KB is data; mkdocs.yml may still load Python (hooks, plugins installed by someone) when the
city says so. Those entries are named with their line, so `build` can warn, and refuse with
--strict, before MkDocs imports anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from hikitsugi.i18n import register

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
    }
)


@dataclass(frozen=True)
class CodeEntry:
    """One entry of mkdocs.yml that loads code, and its line."""

    line: int
    what: str


def code_entries(config_file: Path) -> list[CodeEntry]:
    """Return the hooks and non-allowed plugins that *config_file* names (read without running it)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # MkDocs reports the unreadable file itself
    if not isinstance(root, yaml.MappingNode):
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
