"""The sample city's site: re-keying hours on the zone page; cutover notices on runbook pages."""

from __future__ import annotations

import datetime
import re

import pytest
import yaml

from conftest import REPO
from hikitsugi import model
from hikitsugi.check.checker import check
from hikitsugi.render.site_with_print import render_site

DAY = datetime.date(2026, 12, 10)  # 25 days before the gakudo-system cutover (2027-01-04)


@pytest.fixture(scope="module")
def kb() -> model.KnowledgeBase:
    result = check(REPO, use_cache=False)
    assert result.ok
    return result.kb


@pytest.fixture(scope="module")
def pages(kb: model.KnowledgeBase) -> dict[str, str]:
    return render_site(kb, DAY)


def _rekey_hours_from_the_files() -> dict[str, float]:
    """Per non-retired runbook with a re-keyed step: Σ minutes × cases / 60, read from YAML."""
    hours = {}
    for path in sorted((REPO / "runbooks").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("status") == "retired":
            continue
        rekey = [s for s in data.get("steps", []) if s.get("transfer", {}).get("method") == "rekey"]
        volume = data.get("volume")
        if rekey and volume and all("minutes" in s for s in rekey):
            cases = volume["count"] * (12 if volume["per"] == "month" else 1)
            hours[data["id"]] = sum(s["minutes"] for s in rekey) * cases / 60
    return hours


def test_zone_page_hours_are_minutes_times_cases(pages: dict[str, str]) -> None:
    page = pages["lists/zones.md"]
    expected = _rekey_hours_from_the_files()
    assert expected == {"shinsei-nyuryoku": 60.0, "tochu-nyusho": 36.0}
    shown = dict(re.findall(r'<tr data-runbook="([a-z0-9-]+)" data-hours="([0-9.]*)">', page))
    assert {i: float(h) for i, h in shown.items() if h} == expected
    assert shown["riyoryo-genmen"] == ""  # re-keyed, but its cases are not filled in
    assert "kyu-fax-uketsuke" not in shown  # retired
    total = sum(expected.values())
    assert f'<p class="hk-rekey-total" data-hours="{total:.0f}">' in page
    assert f"手入力による再入力にかかる時間: 年 {total:.0f} 時間" in page


def test_cutover_notice_on_the_tool_and_on_every_page_that_uses_it(
    kb: model.KnowledgeBase, pages: dict[str, str]
) -> None:
    notice = (
        "学童クラブ管理システムは 2027-01-04 に標準準拠システム(子ども・子育て支援)へ移行します。"
        "移行日までにこの手順書を見直してください"
    )
    users = {r.id for r in kb.runbooks.values() if "gakudo-system" in r.uses}
    with_notice = {
        path.removeprefix("runbooks/").removesuffix(".md")
        for path, text in pages.items()
        if path.startswith("runbooks/") and notice in text
    }
    assert with_notice == users | {"gakudo-system"}
    assert (
        'data-cutover-tool="gakudo-system" data-cutover-on="2027-01-04"'
        in pages["runbooks/shinsei-nyuryoku.md"]
    )
    assert "移行困難システム" in pages["runbooks/shinsei-nyuryoku.md"]  # the note


def test_after_the_cutover_the_page_says_it_is_not_reviewed_since(
    kb: model.KnowledgeBase,
) -> None:
    after = render_site(kb, datetime.date(2027, 1, 4))
    page = after["runbooks/shinsei-nyuryoku.md"]
    assert "hk-cutover--passed-unreviewed" in page
    assert "2027-01-04 に標準準拠システム(子ども・子育て支援)へ移行しました。" in page


def test_site_calendar_shows_the_cutover_day(pages: dict[str, str]) -> None:
    page = pages["lists/calendar.md"]
    january = re.findall(r'<td data-month="2027-01"[^>]*>([^<]*)</td>', page)
    assert any("標準準拠システム(子ども・子育て支援)へ移行 (システム移行日)" in c for c in january)
