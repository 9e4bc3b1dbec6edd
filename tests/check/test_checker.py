"""Whole-KB checks: the sample city passes, every problem is collected, and the cache never lies."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, CliResult
from hikitsugi.check.cache import cache_folder
from hikitsugi.check.checker import check

KB_PARTS = ("hikitsugi.yml", "roster.yml", "runbooks", "checklists", "standards", "handovers")


def copy_sample(target: Path) -> Path:
    for part in KB_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target / part)
    return target


def test_the_sample_city_is_valid_and_complete() -> None:
    result = check(REPO, use_cache=False)
    assert result.errors == []
    kb = result.kb
    assert len(kb.runbooks) >= 20
    assert {r.kind for r in kb.runbooks.values()} == {"process", "tool"}
    assert len(kb.roster.roles) >= 8
    assert kb.standards and any(r.extends for r in kb.runbooks.values())
    assert kb.checklists
    methods = {s.transfer.method for r in kb.runbooks.values() for s in r.steps if s.transfer}
    assert {"sanitize", "rekey"} <= methods


def test_every_problem_of_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "kb")
    first = next((root / "runbooks").rglob("*.yml"))
    second = max((root / "runbooks").rglob("*.yml"))
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "kind: ", "kind: proces\nx_unknown: 1\nkind_old: ", 1
        ),
        encoding="utf-8",
    )
    second.write_text(second.read_text(encoding="utf-8") + "owner2: nobody\n", encoding="utf-8")
    result = check(root, use_cache=False)
    files = {p.file for p in result.errors}
    assert {first.relative_to(root).as_posix(), second.relative_to(root).as_posix()} <= files
    assert len(result.errors) >= 3
    assert all(p.line >= 1 and p.column >= 1 for p in result.problems)


def test_json_output_is_a_list_of_located_problems(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = copy_sample(tmp_path / "kb")
    (root / "runbooks" / "bad.yml").write_text(
        "id: bad\ntitle: x\nkind: tool\nsummary: y\nowner: nobody\n", encoding="utf-8"
    )
    code, out, _ = cli("check", "--root", str(root), "--format", "json", "--no-cache")
    problems = json.loads(out)
    assert code == 1
    assert {
        "file": "runbooks/bad.yml",
        "line": 5,
        "column": 1,
        "path": "owner",
    }.items() <= problems[0].items()
    assert set(problems[0]) >= {"file", "line", "column", "path", "message"}


def test_a_problem_inherited_from_a_standard_points_at_the_standard(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "kb")
    standard = next((root / "standards").rglob("*.yml"))
    text = standard.read_text(encoding="utf-8")
    (root / "roster.yml").write_text(
        (root / "roster.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    local = next(r for r in check(root, use_cache=False).kb.runbooks.values() if r.extends)
    inherited_role = next(
        s.role
        for s in local.steps
        if s.role
        and s.role in text
        and s.role not in (root / local.source).read_text(encoding="utf-8")
    )
    roster = (
        (root / "roster.yml")
        .read_text(encoding="utf-8")
        .replace(f"id: {inherited_role}\n", "id: renamed-post\n", 1)
        .replace(f"reports_to: {inherited_role}\n", "reports_to: renamed-post\n")
    )
    (root / "roster.yml").write_text(roster, encoding="utf-8")
    files = {p.file for p in check(root, use_cache=False).errors if p.key == "check.unknown-role"}
    assert standard.relative_to(root).as_posix() in files


MUTATIONS: list[tuple[str, Callable[[Path], None]]] = [
    ("edit", lambda root: _edit_first(root, "\ntitle: ", "\nx_unknown: 1\ntitle: ")),
    ("unchanged", lambda root: None),
    ("rename", lambda root: _first(root).rename(_first(root).with_name("zz-renamed.yml"))),
    ("delete", lambda root: _first(root).unlink()),
    (
        "roster",
        lambda root: (root / "roster.yml").write_text(
            (root / "roster.yml").read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8"
        ),
    ),
    (
        "config",
        lambda root: (root / "hikitsugi.yml").write_text(
            (root / "hikitsugi.yml")
            .read_text(encoding="utf-8")
            .replace("language: ja", "language: en"),
            encoding="utf-8",
        ),
    ),
    ("duplicate", lambda root: shutil.copy(_first(root), _first(root).with_name("aa-copy.yml"))),
]


def _first(root: Path) -> Path:
    return min((root / "runbooks").rglob("*.yml"))


def _edit_first(root: Path, old: str, new: str) -> None:
    path = _first(root)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("build_model", [False, True])
def test_the_cache_never_changes_an_answer(tmp_path: Path, build_model: bool) -> None:
    root = copy_sample(tmp_path / "kb")
    for name, mutate in MUTATIONS:
        check(root, build_model=build_model)  # warm the cache with the state before
        mutate(root)
        cached = check(root, build_model=build_model)
        fresh = check(root, use_cache=False, build_model=build_model)
        assert cached.problems == fresh.problems, name
        assert cached.skipped == fresh.skipped, name
        assert sorted(cached.kb.runbooks) == sorted(fresh.kb.runbooks), name
    assert (cache_folder(root) / "files.marshal").is_file()


def test_an_edit_invalidates_the_cache(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "kb")
    assert check(root).ok
    _edit_first(root, "\ntitle: ", "\nx_unknown: 1\ntitle: ")
    assert not check(root).ok
    assert not check(root, build_model=False).ok


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "kb")
    check(root)
    for path in cache_folder(root).iterdir():
        path.write_bytes(b"\x00garbage")
    assert check(root).ok
    assert check(root, build_model=False).ok


def test_an_outline_model_has_the_audited_fields_of_the_full_one() -> None:
    full = check(REPO, use_cache=False).kb
    outline = check(REPO, use_cache=False, outline=True).kb
    assert sorted(outline.runbooks) == sorted(full.runbooks)
    for runbook_id, runbook in outline.runbooks.items():
        whole = full.runbooks[runbook_id]
        assert runbook.steps == ()
        fields = (
            "title",
            "status",
            "owner",
            "deputies",
            "reviewed_on",
            "review_every",
            "uses",
            "related",
            "source",
            "line",
        )
        assert [getattr(runbook, f) for f in fields] == [getattr(whole, f) for f in fields]
