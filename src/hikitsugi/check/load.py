"""YAML -> plain data that remembers the file, line and column of every node.

The loader composes the YAML node graph with the C parser (when installed) and
builds plain dicts, lists and scalars from it itself, so that it can refuse what a
knowledge base must never contain: object tags, duplicate keys, alias bombs,
text that is not UTF-8, control characters. (read.py reads the bytes from disk.)
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from hikitsugi.check import load_messages  # noqa: F401 - registers the messages
from hikitsugi.i18n import ref

try:  # the C parser is ten times faster; fall back quietly where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 100_000  # after expanding aliases: far above any real runbook
MAX_DEPTH = 64

NodePath = tuple[str | int, ...]
Position = tuple[int, int]


class LoadError(Exception):
    """A file that cannot become data; says where and why."""

    def __init__(self, relpath: str, line: int, column: int, message: str, **params: object):
        super().__init__(f"{relpath}:{line}:{column}: {message}")
        self.relpath = relpath
        self.line = line
        self.column = column
        self.key = message
        self.params = params


@dataclass(frozen=True)
class Document:
    """One YAML file as plain data, with the position of every node."""

    relpath: str
    data: dict[str, Any]
    positions: dict[NodePath, Position] = field(repr=False)

    def locate(self, path: NodePath) -> Position:
        """Return the position of *path*, or of its nearest ancestor that has one."""
        while path:
            found = self.positions.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.positions.get((), (1, 1))


def decode(raw: bytes, relpath: str) -> str:
    """Decode UTF-8 (a BOM is fine); name the encoding of anything else."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise LoadError(relpath, 1, 1, "load.not-utf8", encoding="UTF-16", iconv="UTF-16")
    utf16 = _utf16_without_bom(raw)
    if utf16:
        raise LoadError(relpath, 1, 1, "load.not-utf8", encoding=utf16, iconv=utf16)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        encoding, iconv = _guess_encoding(raw)
        raise LoadError(
            relpath, line, column, "load.not-utf8", encoding=encoding, iconv=iconv
        ) from None


def _utf16_without_bom(raw: bytes) -> str:
    """Name UTF-16LE or UTF-16BE without a BOM (NULs in most odd or even bytes), else ''."""
    sample = raw[:4096]
    if len(sample) < 4 or b"\0" not in sample:
        return ""
    if sample[1::2].count(0) * 10 >= len(sample[1::2]) * 6:
        return "UTF-16LE"
    if sample[0::2].count(0) * 10 >= len(sample[0::2]) * 6:
        return "UTF-16BE"
    return ""


def _guess_encoding(raw: bytes) -> tuple[str, str]:
    """Name the legacy Japanese encoding that decodes *raw* cleanly."""
    for codec, name, iconv in (
        ("cp932", "Shift_JIS (CP932)", "CP932"),
        ("euc_jp", "EUC-JP", "EUC-JP"),
    ):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return name, iconv
    return "an unknown encoding", "CP932"


def parse(raw: bytes, relpath: str) -> Document:
    """Turn the bytes of one YAML file into a Document, or raise LoadError."""
    text = decode(raw, relpath)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise LoadError(relpath, 1, 1, "load.empty")
    _refuse_control_characters(text, relpath)
    loader = _Loader(text)
    loader.resolve = _resolve  # type: ignore[method-assign]
    loader.descend_resolver = _NO_PATH_RESOLVERS  # type: ignore[method-assign,assignment]
    loader.ascend_resolver = int  # type: ignore[method-assign,assignment]
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text, relpath) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        raise LoadError(relpath, 1, 1, "load.syntax", problem=str(error)) from None
    finally:
        loader.dispose()
    if root is None or (
        isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null") and not root.value
    ):
        raise LoadError(relpath, 1, 1, "load.empty")
    if not isinstance(root, yaml.MappingNode):
        kind = ref("type.array" if isinstance(root, yaml.SequenceNode) else "type.string")
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        raise LoadError(relpath, line, column, "load.not-mapping", found=kind)
    builder = _Builder(relpath)
    data = builder.build(root, (), 0)
    return Document(relpath, data, builder.positions)


# What YAML 1.1 refuses to read (libyaml would report it at 1:1, in English).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _refuse_control_characters(text: str, relpath: str) -> None:
    """Raise at the line and column of the first character YAML cannot hold."""
    found = _CONTROL.search(text)
    if found is None:
        return
    before = text[: found.start()]
    line = before.count("\n") + 1
    column = found.start() - (before.rfind("\n") + 1) + 1
    code = f"U+{ord(found.group()):04X}"
    raise LoadError(relpath, line, column, "load.control-character", code=code)


def _syntax_error(error: yaml.MarkedYAMLError, text: str, relpath: str) -> LoadError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.splitlines()[:line]
    for number, content in enumerate(lines, start=1):
        indent = content[: len(content) - len(content.lstrip(" \t\u3000"))]
        if "\t" in indent:
            return LoadError(relpath, number, indent.index("\t") + 1, "load.tab")
        if "\u3000" in indent:
            return LoadError(relpath, number, indent.index("\u3000") + 1, "load.fullwidth-space")
    slip = _fullwidth_colon(lines, relpath)
    if slip is not None:
        return slip
    problem = error.problem or error.context or "?"
    opened = error.context_mark
    if opened is not None and "quoted scalar" in (error.context or ""):
        # libyaml reports the end of the file; the slip is where the quote opens.
        quote = text.splitlines()[opened.line][opened.column : opened.column + 1] or '"'
        return LoadError(
            relpath, opened.line + 1, opened.column + 1, "load.unclosed-quote", quote=quote
        )
    if "maximum nesting depth" in problem:  # libyaml's own limit, far past ours
        return LoadError(relpath, line, column, "load.too-deep", limit=MAX_DEPTH)
    key = _SYNTAX_HINTS.get(problem.strip())
    if key:
        return LoadError(relpath, line, column, key, problem=problem)
    return LoadError(relpath, line, column, "load.syntax", problem=problem)


# A key followed by a full-width colon (`summary：`), before any ASCII colon, quote or comment.
_FULLWIDTH_COLON = re.compile(r"^(?P<lead> *(?:- +)?)(?P<key>[^\s:：#'\"\[\]{}][^:：#]*?)\s*：")


def _fullwidth_colon(lines: list[str], relpath: str) -> LoadError | None:
    """Name the last key before the syntax error that a full-width colon follows, if any.

    libyaml reads `summary：` as text running on into the next line and complains there.
    """
    for number in range(len(lines), 0, -1):
        found = _FULLWIDTH_COLON.match(lines[number - 1])
        if found:
            column = found.end()  # the 1-based column of the colon itself
            return LoadError(relpath, number, column, "load.fullwidth-colon", key=found["key"])
    return None


# libyaml's most common complaints, said again in the words staff use.
_SYNTAX_HINTS = {
    "did not find expected ',' or ']'": "load.syntax-bracket",
    "did not find expected ',' or '}'": "load.syntax-brace",
    "mapping values are not allowed here": "load.syntax-colon",
    "did not find expected key": "load.syntax-indent",
    "could not find expected ':'": "load.syntax-missing-colon",
    "did not find expected '-' indicator": "load.syntax-indent",
    "found unexpected end of stream": "load.syntax-quote",
    "found undefined alias": "load.syntax-alias",
}


_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",  # kept as text: dates are validated, never constructed
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)  # only for its scalar converters

# The safe loader's implicit tag resolution, without its per-node bookkeeping for path resolvers
# (the safe loader has none): the same tags, a sixth less composing time. A test holds it equal.
_IMPLICIT = {
    first: tuple(rules) for first, rules in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_DEFAULT_SEQ = yaml.resolver.Resolver.DEFAULT_SEQUENCE_TAG
_DEFAULT_MAP = yaml.resolver.Resolver.DEFAULT_MAPPING_TAG
# Called with (node, index); returns None, like a resolver with no paths.
_NO_PATH_RESOLVERS: Callable[[Any, Any], None] = {}.get


def _resolve(kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
    """Resolve a node's tag exactly as yaml.resolver.Resolver does for the safe loader."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, pattern in _IMPLICIT.get(value[:1], ()):
                if pattern.match(value):
                    return tag  # type: ignore[no-any-return]
        return _STR
    return _DEFAULT_SEQ if kind is yaml.SequenceNode else _DEFAULT_MAP


class _Builder:
    """Build plain data from a node graph, counting nodes so aliases cannot explode."""

    def __init__(self, relpath: str) -> None:
        self.relpath = relpath
        self.positions: dict[NodePath, Position] = {}
        self.budget = MAX_NODES
        self.seen: set[int] = set()
        self.sizes: dict[int, int] = {}

    def error(self, node: yaml.Node, message: str, **params: object) -> LoadError:
        mark = node.start_mark
        return LoadError(self.relpath, mark.line + 1, mark.column + 1, message, **params)

    def build(self, node: yaml.Node, path: NodePath, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.error(node, "load.too-deep", limit=MAX_DEPTH)
        if id(node) in self.seen:  # an alias: measure before expanding it again
            if self._size(node) > self.budget:
                line, column = self.positions.get(path, (1, 1))
                raise LoadError(self.relpath, line, column, "load.alias-bomb", limit=MAX_NODES)
        elif not isinstance(node, yaml.ScalarNode):
            self.seen.add(id(node))
        self.budget -= 1
        if self.budget < 0:
            raise self.error(node, "load.alias-bomb", limit=MAX_NODES)
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                return node.value
            if tag in _SCALAR_TAGS:
                return self._scalar(node)
            raise self.error(node, "load.tag", tag=_short_tag(tag))
        if isinstance(node, yaml.MappingNode):
            if tag != _MAP:
                raise self.error(node, "load.tag", tag=_short_tag(tag))
            return self._mapping(node, path, depth)
        if tag != _SEQ:
            raise self.error(node, "load.tag", tag=_short_tag(tag))
        positions = self.positions
        items = []
        for index, item in enumerate(node.value):
            item_path = path + (index,)
            mark = item.start_mark
            positions[item_path] = (mark.line + 1, mark.column + 1)
            items.append(self.build(item, item_path, depth + 1))
        return items

    def _mapping(self, node: yaml.MappingNode, path: NodePath, depth: int) -> dict[str, Any]:
        positions = self.positions
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise self.error(key_node, "load.merge-key")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "load.syntax", problem="complex key")
            if key_node.tag not in _SCALAR_TAGS and key_node.tag != _STR:
                raise self.error(key_node, "load.tag", tag=_short_tag(key_node.tag))
            key = key_node.value
            mark = key_node.start_mark
            if isinstance(key, str) and key.startswith("\u3000"):  # `　summary:` at column 1
                raise self.error(key_node, "load.fullwidth-space")
            key_path = path + (key,)
            if key in result:
                first_line = positions[key_path][0]
                raise self.error(key_node, "load.duplicate-key", key=key, first_line=first_line)
            positions[key_path] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, key_path, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag.endswith(":timestamp"):
            return node.value
        if tag.endswith(":null"):
            return None
        try:
            if tag.endswith(":bool"):
                return _constructor.construct_yaml_bool(node)
            if tag.endswith(":int"):
                return _constructor.construct_yaml_int(node)
            return _constructor.construct_yaml_float(node)
        except (ValueError, KeyError, IndexError):  # an explicit tag on a value it cannot read
            raise self.error(
                node, "load.bad-scalar", tag=_short_tag(tag), value=node.value[:80]
            ) from None

    def _size(self, node: yaml.Node) -> int:
        """Count the nodes *node* expands to, memoised so a bomb is measured cheaply.

        A loop, not recursion: an alias inside its own anchor (`a: &r [*r]`) is refused here.
        """
        sizes = self.sizes
        open_nodes: set[int] = set()
        stack: list[tuple[yaml.Node, bool]] = [(node, False)]
        while stack:
            current, children_done = stack.pop()
            key = id(current)
            if key in sizes:
                continue
            children = _children(current)
            if children_done:
                sizes[key] = 1 + sum(sizes[id(child)] for child in children)
                open_nodes.discard(key)
                continue
            if key in open_nodes:
                raise self.error(current, "load.recursive-alias")
            open_nodes.add(key)
            stack.append((current, True))
            for child in children:
                if id(child) in open_nodes:
                    raise self.error(child, "load.recursive-alias")
                if id(child) not in sizes:
                    stack.append((child, False))
        return sizes[id(node)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.ScalarNode):
        return []
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
