"""The `extends` merge: steps by id, fields replace, and errors located in the right file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from hikitsugi.check.checker import check
from hikitsugi.check.load import NodePath
from hikitsugi.resolve.merge import MergedLocator, find_cycle, merge

FIXTURES = FIXTURES / "standards"
BAD_CASES = sorted(p.name for p in (FIXTURES / "bad").iterdir() if p.is_dir())


class FakeLocator:
    """Positions of one imaginary file: line = a number derived from the path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def locate(self, path: NodePath) -> tuple[str, int, int]:
        return self.name, len(path), 1

    def source_path(self, path: NodePath) -> NodePath:
        return path


STANDARD: dict[str, Any] = {
    "id": "std",
    "title": "標準",
    "kind": "process",
    "summary": "標準の手順。",
    "owner": "kakaricho",
    "tags": ["標準"],
    "steps": [{"id": i, "title": i.upper()} for i in ("a", "b", "c", "d")],
}


def merged(
    *steps: dict[str, Any], **fields: Any
) -> tuple[list[str], list[tuple[str, Any]], dict[str, Any]]:
    """Merge a local runbook with *steps*; return (step ids, problems as (key, path), data)."""
    local = {"id": "local", "extends": "std", **fields, "steps": list(steps)}
    result = merge(STANDARD, FakeLocator("std.yml"), local, FakeLocator("local.yml"))
    ids = [step["id"] for step in result.data["steps"]]
    return ids, [(p.key, p.path) for p in result.problems], result.data


def test_replace_keeps_the_position_and_takes_the_local_step_whole() -> None:
    ids, problems, data = merged({"id": "b", "title": "B2", "zone": "lgwan"})
    assert ids == ["a", "b", "c", "d"]
    assert data["steps"][1] == {"id": "b", "title": "B2", "zone": "lgwan"}
    assert problems == []


def test_insert_after_a_step_of_the_standard() -> None:
    ids, problems, data = merged({"id": "x", "after": "b", "title": "X"})
    assert ids == ["a", "b", "x", "c", "d"]
    assert "after" not in data["steps"][2]
    assert problems == []


def test_insert_without_after_goes_to_the_end() -> None:
    ids, _, _ = merged({"id": "x", "title": "X"}, {"id": "y", "title": "Y"})
    assert ids == ["a", "b", "c", "d", "x", "y"]


def test_two_inserts_after_the_same_step_keep_the_local_order() -> None:
    ids, _, _ = merged(
        {"id": "x", "after": "b", "title": "X"}, {"id": "y", "after": "b", "title": "Y"}
    )
    assert ids == ["a", "b", "x", "y", "c", "d"]


def test_insert_after_a_new_step_written_below_it() -> None:
    ids, problems, _ = merged(
        {"id": "y", "after": "x", "title": "Y"}, {"id": "x", "after": "a", "title": "X"}
    )
    assert ids == ["a", "x", "y", "b", "c", "d"]
    assert problems == []


def test_insert_chain_comes_before_a_later_insert_at_the_same_anchor() -> None:
    ids, _, _ = merged(
        {"id": "x", "after": "b", "title": "X"},
        {"id": "z", "after": "b", "title": "Z"},
        {"id": "y", "after": "x", "title": "Y"},
    )
    assert ids == ["a", "b", "x", "y", "z", "c", "d"]


def test_remove_drops_the_step() -> None:
    ids, problems, _ = merged({"id": "c", "remove": True})
    assert ids == ["a", "b", "d"]
    assert problems == []


def test_unknown_after_is_reported_at_the_local_after_and_keeps_the_step() -> None:
    ids, problems, _ = merged({"id": "x", "after": "nothing", "title": "X"})
    assert problems == [("resolve.unknown-after", ("steps", 0, "after"))]
    assert ids[-1] == "x"


def test_after_a_removed_step_is_its_own_error_whatever_the_order() -> None:
    for steps in (
        ({"id": "x", "after": "c", "title": "X"}, {"id": "c", "remove": True}),
        ({"id": "c", "remove": True}, {"id": "x", "after": "c", "title": "X"}),
    ):
        _, problems, _ = merged(*steps)
        assert [key for key, _ in problems] == ["resolve.after-removed"]


def test_new_steps_that_name_each_other_are_a_loop() -> None:
    _, problems, _ = merged(
        {"id": "x", "after": "y", "title": "X"}, {"id": "y", "after": "x", "title": "Y"}
    )
    assert [key for key, _ in problems] == ["resolve.after-cycle", "resolve.after-cycle"]


def test_remove_of_an_unknown_id_is_reported() -> None:
    ids, problems, _ = merged({"id": "nothing", "remove": True})
    assert problems == [("resolve.unknown-step", ("steps", 0, "id"))]
    assert ids == ["a", "b", "c", "d"]


def test_a_replacing_step_cannot_move() -> None:
    _, problems, _ = merged({"id": "b", "after": "d", "title": "B"})
    assert problems == [("resolve.after-on-replace", ("steps", 0, "after"))]


def test_fields_replace_whole_and_the_ids_are_the_local_runbooks() -> None:
    _, _, data = merged(title="ローカル", tags=["市"])
    assert data["id"] == "local"
    assert data["title"] == "ローカル"
    assert data["tags"] == ["市"]  # a list replaces, it does not append
    assert data["owner"] == "kakaricho"  # not set locally: inherited
    assert data["summary"] == STANDARD["summary"]


def test_merged_locator_points_inherited_parts_at_the_standard() -> None:
    local = {
        "id": "local",
        "extends": "std",
        "title": "L",
        "steps": [{"id": "x", "after": "a", "title": "X"}],
    }
    result = merge(STANDARD, FakeLocator("std.yml"), local, FakeLocator("local.yml"))
    locator = result.locator
    assert isinstance(locator, MergedLocator)
    assert locator.locate(("title",))[0] == "local.yml"
    assert locator.locate(("owner",))[0] == "std.yml"
    assert locator.locate(("steps", 1, "title"))[0] == "local.yml"  # x, inserted
    assert locator.locate(("steps", 2, "title"))[0] == "std.yml"  # b
    assert locator.source_path(("steps", 2, "role")) == ("steps", 1, "role")  # b is steps[1] there
    assert locator.source_path(("steps", 1, "role")) == ("steps", 0, "role")


def test_merged_locator_without_local_steps_points_steps_at_the_standard() -> None:
    result = merge(
        STANDARD, FakeLocator("std.yml"), {"id": "l", "extends": "std"}, FakeLocator("local.yml")
    )
    assert result.locator.locate(("steps",))[0] == "std.yml"


@pytest.mark.parametrize(
    ("parents", "start", "cycle"),
    [
        ({"a": "b", "b": "a"}, "a", ["a", "b", "a"]),
        ({"a": "b", "b": "c", "c": "a"}, "b", ["b", "c", "a", "b"]),
        ({"r": "a", "a": "b", "b": "a"}, "r", ["a", "b", "a"]),
        ({"a": "b", "b": "c"}, "a", None),
    ],
)
def test_find_cycle(parents: dict[str, str], start: str, cycle: list[str] | None) -> None:
    assert find_cycle(start, parents) == cycle


def test_good_kb_merges_in_check() -> None:
    result = check(FIXTURES / "good", use_cache=False)
    assert result.problems == []
    runbook = result.kb.runbooks["riyo"]
    assert [s.id for s in runbook.steps] == [
        "uketsuke",
        "kakunin",
        "shokai",
        "hosei",
        "kessai",
        "tsuchi",
        "kiroku",
    ]
    assert runbook.owner == "shusa" and runbook.deputies == ("shusa",)
    assert runbook.extends == "std-riyo"
    assert runbook.local_data is not None and "summary" not in runbook.local_data
    assert "std-riyo" in result.kb.standards


def test_two_cities_share_a_standards_folder_kept_inside_each_kb() -> None:
    for city, last in (("city-a", "kiroku"), ("city-b", "kessai")):
        result = check(FIXTURES / "group" / city, use_cache=False)
        assert result.problems == []
        assert result.kb.standards["std-riyo"].source == "shared-standards/std-riyo.yml"
        assert result.kb.runbooks["riyo"].steps[-1].id == last


@pytest.mark.parametrize("folder", ["/", "../shared-standards", "shared-standards/../.."])
def test_a_standards_folder_outside_the_kb_is_refused_and_not_read(
    folder: str, tmp_path: Path, cli: Any
) -> None:
    shutil.copytree(FIXTURES / "group", tmp_path / "group")
    root = tmp_path / "group" / "city-a"
    (tmp_path / "group" / "shared-standards").mkdir()
    (root / "hikitsugi.yml").write_text(
        f"organization: A市\nstandards_paths: ['{folder}']\n", encoding="utf-8"
    )
    code, out, _ = cli("check", "--root", str(root), "--no-cache")
    assert out.splitlines()[0] == (
        f"hikitsugi.yml:2:19: standards_paths[0]: 標準手順書のフォルダ '{folder}' はナレッジベースの外です。"
        "読みません (ナレッジベースの中のフォルダを、hikitsugi.yml からの相対パスで書いてください)"
    )
    assert code == 1


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_case_output(case: str, cli: Any) -> None:
    root = FIXTURES / "bad" / case
    code, out, err = cli("check", "--no-cache", "--root", str(root))
    assert err == ""
    assert code == 1
    assert out == (root / "expected.txt").read_text(encoding="utf-8")
