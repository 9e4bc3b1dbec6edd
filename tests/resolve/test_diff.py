"""`show`, `diff` and the site's Markdown for standards: library results and golden output."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, Golden
from hikitsugi.check.checker import check
from hikitsugi.render.differences import differences_section, standards_index
from hikitsugi.resolve.diff import diff_runbook

FIXTURES = FIXTURES / "standards"
GOOD = FIXTURES / "good"


@pytest.fixture(scope="module")
def kb() -> Any:
    result = check(GOOD, use_cache=False)
    assert result.problems == []
    return result.kb


def test_diff_finds_replaced_added_removed_and_fields(kb: Any) -> None:
    diff = diff_runbook(kb, kb.runbooks["riyo"])
    assert diff is not None
    assert [s.id for s in diff.replaced] == ["kakunin", "kessai"]
    assert [f.name for f in diff.replaced[0].fields] == ["title", "check"]
    assert [(s.id, s.after, s.last) for s in diff.added] == [
        ("shokai", "kakunin", False),
        ("hosei", "shokai", False),
        ("kiroku", "tsuchi", True),
    ]
    assert [s.id for s in diff.removed] == ["shisu"]
    assert [(f.name, f.old, f.new) for f in diff.fields] == [
        ("title", "利用申請の標準手順", "利用申請(テスト市)"),
        ("owner", "kakaricho", "shusa"),
        ("reviewed_on", "2026-06-01", "2026-05-01"),
        ("tags", ["標準"], ["標準", "市独自"]),
    ]
    assert diff.count == 10 and diff.step_changes == 6
    assert diff.behind_standard  # the standard was reviewed after this runbook


def test_diff_names_what_the_local_file_restates() -> None:
    result = check(FIXTURES / "group" / "city-b", use_cache=False)
    diff = diff_runbook(result.kb, result.kb.runbooks["riyo"])
    assert diff is not None
    assert diff.redundant == ("tags",)  # kind is kept for readers, not flagged
    assert [s.id for s in diff.removed] == ["tsuchi"] and not diff.added and not diff.replaced
    assert not diff.behind_standard  # reviewed_on inherited from the standard


def test_diff_of_a_runbook_without_extends_is_none(kb: Any) -> None:
    assert diff_runbook(kb, kb.standards["std-riyo"]) is None


def test_diff_command_text_golden(cli: Any, golden: Golden) -> None:
    code, out, err = cli("diff", "riyo", "--root", str(GOOD), "--no-cache")
    assert (code, err) == (0, "")
    golden("standards/diff-riyo.txt", out)


def test_diff_command_json(cli: Any) -> None:
    code, out, _ = cli("diff", "riyo", "--root", str(GOOD), "--no-cache", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["standard"]["id"] == "std-riyo"
    assert [a["after"] for a in data["added"]] == ["kakunin", "shokai", "tsuchi"]
    assert data["removed"][0]["id"] == "shisu"


def test_diff_without_extends_exits_2(cli: Any) -> None:
    code, out, err = cli("diff", "std-riyo", "--root", str(GOOD), "--no-cache")
    assert (code, out) == (2, "")
    assert "extends がありません" in err


def test_show_yaml_is_the_resolved_runbook_in_readable_japanese(cli: Any, golden: Golden) -> None:
    code, out, err = cli("show", "riyo", "--root", str(GOOD), "--no-cache")
    assert (code, err) == (0, "")
    assert "課税情報を照会する" in out  # not \u escapes
    data = yaml.safe_load(out)
    assert list(data)[:3] == ["id", "title", "kind"]  # schema order, not file order
    assert [s["id"] for s in data["steps"]] == [
        "uketsuke",
        "kakunin",
        "shokai",
        "hosei",
        "kessai",
        "tsuchi",
        "kiroku",
    ]
    assert data["summary"] == "申請を受け付けて決定するまでの標準手順。"  # inherited
    assert all("after" not in s and "remove" not in s for s in data["steps"])
    golden("standards/show-riyo.yml", out)


def test_show_json_matches_yaml(cli: Any) -> None:
    _, out_yaml, _ = cli("show", "riyo", "--root", str(GOOD), "--no-cache")
    code, out_json, _ = cli("show", "riyo", "--root", str(GOOD), "--no-cache", "--format", "json")
    assert code == 0
    assert json.loads(out_json) == yaml.safe_load(out_yaml)


def test_show_unknown_id_exits_2(cli: Any) -> None:
    code, _, err = cli("show", "nothing", "--root", str(GOOD), "--no-cache")
    assert code == 2 and "nothing" in err


def test_differences_section_links_the_standard_and_lists_changes(kb: Any, golden: Golden) -> None:
    text = differences_section(kb, kb.runbooks["riyo"], "ja", link=lambda i: f"/s/{i}/")
    assert "[利用申請の標準手順](/s/std-riyo/)" in text
    assert "`shokai` 課税情報を照会する (kakunin の後)" in text
    assert "`shisu` 指数を付ける" in text
    assert differences_section(kb, kb.standards["std-riyo"], "ja") == ""
    golden("standards/differences-riyo.md", differences_section(kb, kb.runbooks["riyo"], "ja"))


def test_standards_index_counts_differences_per_runbook(kb: Any, golden: Golden) -> None:
    text = standards_index(kb, "en")
    assert (
        "| [利用申請(テスト市)](../runbooks/riyo.md) `riyo` | 6 (2・3・1) | 4 | 10 | yes |" in text
    )
    golden("standards/index.md", standards_index(kb, "ja"))
