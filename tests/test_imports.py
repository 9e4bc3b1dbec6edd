"""Every module imports on its own, and no two modules import each other, even lazily."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import hikitsugi

PACKAGE = Path(hikitsugi.__file__).parent


def _modules() -> dict[str, Path]:
    """Return {dotted name: file} for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imported(name: str, path: Path) -> set[str]:
    """Return the package's modules that *name* imports anywhere (top level, function, TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: package.count(".") + 2 - node.level]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                names.add(submodule if submodule in MODULES else base)
    return {n for n in names if n in MODULES and n != name}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return a cycle through each back edge of a depth-first walk (none means no cycle)."""
    cycles: list[list[str]] = []
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = "open"
        stack.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name)
    return cycles


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c", "a"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_imports() -> None:
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    assert "hikitsugi.check.checker" in graph["hikitsugi.commands.check"]
    assert "hikitsugi.audit.view" in graph["hikitsugi.commands.audit"]  # imported inside run()


def test_no_import_cycle() -> None:
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    cycles = [" → ".join(cycle) for cycle in import_cycles(graph)]
    assert cycles == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.endswith("__main__")))
def test_every_module_imports(name: str) -> None:
    importlib.import_module(name)


def test_the_site_does_not_depend_on_the_print_code() -> None:
    """render/site/ and render/print/ meet only in render/site_with_print.py and render/paths.py."""
    site = {
        n: _imported(n, p) for n, p in MODULES.items() if n.startswith("hikitsugi.render.site.")
    }
    printing = {
        n: _imported(n, p) for n, p in MODULES.items() if n.startswith("hikitsugi.render.print.")
    }
    assert {n: sorted(i for i in d if ".render.print" in i) for n, d in site.items()} == {
        n: [] for n in site
    }
    assert {n: sorted(i for i in d if ".render.site" in i) for n, d in printing.items()} == {
        n: [] for n in printing
    }
