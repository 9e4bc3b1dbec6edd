"""The search index: every kind of page, its kind's word, readings, hand-written docs/ pages."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from hikitsugi import model, vocabulary
from hikitsugi.check.checker import check
from hikitsugi.render.site.publish import build_site
from hikitsugi.render.site.search import (
    INDEX_PATH,
    HandWrittenPage,
    hand_written,
    normalize,
    search_index,
)


@pytest.fixture(scope="module")
def kb() -> model.KnowledgeBase:
    result = check(REPO, use_cache=False)
    assert not result.errors
    return result.kb


def parse(script: str) -> dict[str, Any]:
    prefix = "window.HIKITSUGI_SEARCH_INDEX="
    assert script.startswith(prefix) and script.endswith(";\n")
    data: dict[str, Any] = json.loads(script[len(prefix) : -2])
    return data


def test_the_index_holds_every_kind_of_page_with_its_word(kb: model.KnowledgeBase) -> None:
    page = HandWrittenPage("guide/windows.md", "guide/windows.html", "# Windows で使う\n\n本文")
    index = parse(search_index(kb, lang="ja", hand_written_pages=[page]))
    kinds = Counter(doc["p"] for doc in index["docs"])
    assert kinds == {
        "runbook": len(kb.runbooks),
        "standard": len(kb.standards),
        "checklist": len(kb.checklists),
        "post": len(kb.roster.roles),
        "docs": 1,
    }
    assert index["kinds"] == {
        "runbook": "手順書",
        "checklist": "チェックリスト",
        "standard": "標準手順書",
        "post": "ポスト",
        "docs": "案内ページ",
    }
    assert set(index["kinds"]) == set(vocabulary.PAGE_KINDS)
    urls = {doc["u"] for doc in index["docs"]}
    assert {
        "standards/gakudo-riyo-chosei.html",
        "checklists/uketsuke-kaicho-mae-tenken.html",
        "onboarding/nyusho-shusa.html",
        "guide/windows.html",
    } <= urls


def test_the_kind_word_and_readings_are_searchable(kb: model.KnowledgeBase) -> None:
    docs = {doc["u"]: doc for doc in parse(search_index(kb, lang="ja"))["docs"]}
    system = docs["runbooks/gakudo-system.html"]
    title_reading, tags_reading = system["f"][4], system["f"][5]
    assert "がくどう" in title_reading and "gakudou" in title_reading and "gakudo" in title_reading
    assert "がくどうしすてむ" in tags_reading  # the tag 学童システム
    checklist = docs["checklists/nendomatsu-hikitsugi-kakunin.html"]
    assert "チェックリスト" in checklist["f"][3] and checklist["st"] == []
    assert docs["runbooks/riyo-chosei.html"]["st"], "runbooks keep their steps"


def test_runbooks_and_checklists_link_their_printable_sheet(kb: model.KnowledgeBase) -> None:
    printables = frozenset(
        {"print/checklists/riyo-chosei.html", "print/checklists/uketsuke-kaicho-mae-tenken.html"}
    )
    index = parse(search_index(kb, lang="ja", printables=printables))
    sheets = {doc["u"]: doc["c"] for doc in index["docs"] if "c" in doc}
    assert sheets == {
        "runbooks/riyo-chosei.html": "print/checklists/riyo-chosei.html",
        "checklists/uketsuke-kaicho-mae-tenken.html": "print/checklists/uketsuke-kaicho-mae-tenken.html",
    }
    assert index["sheet"] == "印刷用チェックリスト"


def test_the_no_match_message_is_in_the_sites_language(kb: model.KnowledgeBase) -> None:
    assert "見つかりませんでした" in parse(search_index(kb, lang="ja"))["none"]
    english = parse(search_index(kb, lang="en"))
    assert "{query}" in english["none"] and english["kinds"]["standard"] == "standard"


def test_a_hand_written_page_is_titled_by_its_first_heading() -> None:
    markdown = "---\ntitle: 表紙\n---\n\n# 使い方\n\n| a | b |\n|---|:--|\n| 1 | 2 |\n"
    entry = hand_written(HandWrittenPage("howto.md", "howto.html", markdown))
    assert entry["t"] == "使い方" and entry["p"] == "docs"
    assert "---" not in " ".join(entry["f"]) and "title" not in entry["f"][2]
    untitled = hand_written(HandWrittenPage("notes/memo.md", "notes/memo.html", "本文だけ"))
    assert untitled["t"] == "memo"


def test_normalize_drops_a_tables_rule_line() -> None:
    assert normalize("| 指数 | 点 |\n|---|---:|\n| 就労 | 10 |") == "指数 点 就労 10"


def test_the_plugin_indexes_the_hand_written_docs_pages(tmp_path: Path) -> None:
    build_site(REPO, tmp_path / "site", datetime.date(2026, 11, 27))
    index = parse((tmp_path / "site" / INDEX_PATH).read_text(encoding="utf-8"))
    docs = {doc["u"]: doc for doc in index["docs"] if doc["p"] == "docs"}
    assert docs["site.html"]["t"] == "手順書サイト"
    assert "index.html" in docs and "windows.html" in docs
