"""Where the caches live: in the KB by default, elsewhere with HIKITSUGI_CACHE_DIR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from hikitsugi.audit.cache import SNAPSHOT, checked
from hikitsugi.check.cache import CACHE_DIR, CACHE_ENV, cache_folder
from hikitsugi.check.checker import check


def copy_kb(target: Path) -> Path:
    shutil.copytree(FIXTURES / "audit" / "kb", target)
    return target


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_by_default_the_cache_sits_in_the_knowledge_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    root = copy_kb(tmp_path / "kb")
    check(root)
    checked(root)
    assert cache_folder(root) == root / CACHE_DIR
    assert {"files.marshal", "result.marshal", SNAPSHOT} <= set(files_under(root / CACHE_DIR))


def test_the_variable_keeps_the_knowledge_base_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(base))
    first, second = copy_kb(tmp_path / "first"), copy_kb(tmp_path / "second")
    before = files_under(first)
    for root in (first, second):
        check(root)
        checked(root)
    assert files_under(first) == before
    folders = {cache_folder(first), cache_folder(second)}
    assert len(folders) == 2 and all(f.parent == base / "hikitsugi" for f in folders)
    assert SNAPSHOT in files_under(cache_folder(first))
    assert check(first).problems == check(first, use_cache=False).problems
