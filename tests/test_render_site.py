"""The generated site pages: golden runbook page, escaping, banner, swimlane, lists, nav."""

from __future__ import annotations

import datetime
import os
import re
import shutil
from pathlib import Path

import pytest

from hikitsugi import model
from hikitsugi.audit import audit
from hikitsugi.render import site_links
from hikitsugi.render.site import context, render_site, static_assets
from hikitsugi.render.site_context import review_state
from hikitsugi.render.site_nav import SECTION_SIZE, navigation
from hikitsugi.render.site_runbook import lane_rows
from hikitsugi.validate import check

KB = Path(__file__).resolve().parent / "fixtures" / "site" / "kb"
GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
DAY = datetime.date(2026, 11, 27)


@pytest.fixture(scope="module")
def kb() -> model.KnowledgeBase:
    result = check(KB, use_cache=False)
    assert not result.errors, [p.format("en") for p in result.errors]
    return result.kb


@pytest.fixture(scope="module")
def pages(kb: model.KnowledgeBase) -> dict[str, str]:
    return render_site(kb, DAY)


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/site/NAME (HIKITSUGI_UPDATE_GOLDEN=1 rewrites it)."""
    path = GOLDEN / name
    if os.environ.get("HIKITSUGI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_runbook_page_matches_golden(pages: dict[str, str]) -> None:
    assert_golden("intake.md", pages["runbooks/intake.md"])


def test_every_runbook_has_a_page_whose_url_ends_in_its_id(
    kb: model.KnowledgeBase, pages: dict[str, str]
) -> None:
    for runbook_id in kb.runbooks:
        assert f"runbooks/{runbook_id}.md" in pages
        assert site_links.url(f"runbooks/{runbook_id}.md", False).endswith(f"/{runbook_id}.html")
        assert site_links.url(f"runbooks/{runbook_id}.md", True).endswith(f"/{runbook_id}/")


def test_header_names_todays_holders_and_a_vacant_post(kb: model.KnowledgeBase) -> None:
    page = render_site(kb, DAY)["runbooks/intake.md"]
    assert "鈴木 花子、高橋 次郎" in page
    later = render_site(kb, datetime.date(2027, 4, 1))["runbooks/intake.md"]
    assert "鈴木 花子" not in later and "高橋 次郎" in later


def test_hostile_text_is_shown_as_text(pages: dict[str, str]) -> None:
    page = pages["runbooks/hostile.md"]
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; 見出し" in page
    assert (
        "本文 &lt;script&gt;alert('detail')&lt;/script&gt; と &lt;b&gt;太字タグ&lt;/b&gt;" in page
    )
    assert "javascript:" not in page
    assert '<a href="https://example.jp/">安全なリンク</a>' in page
    front = page.split("---")[1]
    assert 'title: "&lt;script&gt;' in front  # MkDocs prints the title unescaped
    for name in ("processes", "owners"):
        assert "<script" not in pages[f"lists/{name}.md"]


def test_search_index_keeps_hostile_text_inert(pages: dict[str, str]) -> None:
    index = pages["assets/hikitsugi/search-index.js"]
    assert "</script" not in index.lower()
    assert "<\\/script>" in index


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (datetime.date(2026, 12, 15), "ok"),  # due 2027-01-15: 31 days left
        (datetime.date(2026, 12, 16), "soon"),  # 30 days left
        (datetime.date(2027, 1, 15), "soon"),  # the due day itself
        (datetime.date(2027, 1, 16), "overdue"),
    ],
)
def test_review_state_follows_the_audit_rules(
    kb: model.KnowledgeBase, day: datetime.date, state: str
) -> None:
    review = review_state(kb, kb.runbooks["intake"], day)
    assert (review.state, review.due) == (state, datetime.date(2027, 1, 15))
    assert review_state(kb, kb.runbooks["hostile"], day).state == "never"


def test_banner_carries_the_dates_the_browser_needs(pages: dict[str, str]) -> None:
    banner = re.search(r'<div class="hk-review[^>]*>', pages["runbooks/intake.md"])
    assert banner is not None
    tag = banner.group(0)
    assert (
        'data-due="2027-01-15"' in tag
        and 'data-due-soon-days="30"' in tag
        and 'data-state="ok"' in tag
    )
    assert "{due}" in tag  # the label template the script fills in


def test_swimlane_draws_transfers_between_zone_columns(kb: model.KnowledgeBase) -> None:
    rows = lane_rows(kb.runbooks["intake"])
    transfers = [(r.step.id, r.first, r.last, r.rightward) for r in rows if r.column is None]
    # columns: mynumber 0, lgwan 1, internet 2, paper 3
    assert transfers == [
        ("download", 1, 2, False),
        ("rekey", 1, 3, False),
        ("mynumber", 0, 1, False),
    ]
    assert [r.column for r in rows if r.column is not None] == [3, 2, 1, 0]


def test_rekey_is_marked_for_improvement(pages: dict[str, str]) -> None:
    page = pages["runbooks/intake.md"]
    row = re.search(r'<tr class="hk-lane-transfer">.*?data-method="rekey".*?</tr>', page)
    assert row is not None and "改善候補" in row.group(0)
    sanitize = re.search(r'<tr class="hk-lane-transfer">.*?data-method="sanitize".*?</tr>', page)
    assert sanitize is not None and "改善候補" not in sanitize.group(0)


def test_used_by_backlinks_and_related(pages: dict[str, str]) -> None:
    tool = pages["runbooks/gakudo-system.md"]
    assert '<ul class="hk-used-by"><li><a href="intake.html">入所申請の受付</a></li></ul>' in tool
    assert '<a href="old-fax.html">' in pages["runbooks/intake.md"]


def test_zone_map_counts_transfers_by_method(pages: dict[str, str]) -> None:
    page = pages["lists/zones.md"]
    counts = dict(re.findall(r'data-method="(\w+)" data-count="(\d+)"', page))
    assert counts == {"sanitize": "1", "media": "1", "rekey": "1", "integration": "0"}


def test_calendar_marks_the_current_month(pages: dict[str, str]) -> None:
    page = pages["lists/calendar.md"]
    assert 'data-hk-current-month="2026-11"' in page
    assert re.search(r'<th data-month="2026-11" class="hk-current-month"', page)
    november = re.search(
        r'<td data-month="2026-11" class="hk-busy hk-current-month">([^<]*)</td>', page
    )
    assert november is not None and "一斉受付" in november.group(1)
    months = re.findall(r'<th data-month="(\d{4}-\d\d)"', page)
    assert months[0] == "2026-04" and months[-1] == "2027-03" and len(months) == 12


def test_onboarding_lists_the_posts_active_work(pages: dict[str, str]) -> None:
    page = pages["onboarding/tanto.md"]
    assert "入所申請の受付" in page and "FAX" not in page  # retired work is not taught
    assert (
        "onboarding/system.md" in pages
        and "学童クラブ管理システム" in pages["onboarding/system.md"]
    )


def test_status_dashboard_shows_the_audit(kb: model.KnowledgeBase, pages: dict[str, str]) -> None:
    report = audit(kb, DAY)
    page = pages["lists/status.md"]
    assert f'data-health="{report.health:.3f}"' in page
    rules = re.findall(r'data-rule="([\w-]+)"', page)
    assert sorted(rules) == sorted(f.rule for f in report.findings)
    assert 'data-owner="kakaricho"' in page


def test_printable_documents_are_part_of_the_site(pages: dict[str, str]) -> None:
    assert "受付簿の件数と申請書の枚数が一致する" in pages["print/checklists/intake.html"]
    assert (
        '<a href="../print/checklists/intake.html">印刷用チェックリスト</a>'
        in pages["runbooks/intake.md"]
    )
    assert "print/checklists/gakudo-system.html" not in pages  # no check lines, no checklist
    assert "印刷用チェックリスト" not in pages["runbooks/gakudo-system.md"]
    year_end = pages["checklists/year-end.md"]
    assert "アカウントを移管した" in year_end and "../print/checklists/year-end.html" in year_end
    assert "../print/onboarding/tanto.html" in pages["onboarding/tanto.md"]


def test_directory_urls_change_every_link(kb: model.KnowledgeBase) -> None:
    page = render_site(kb, DAY, directory_urls=True)["runbooks/gakudo-system.md"]
    assert '<a href="../intake/">入所申請の受付</a>' in page
    assert site_links.href("index.md", "runbooks/a.md", True) == "runbooks/a/"
    assert site_links.href("runbooks/a.md", "index.md", True) == "../../"


def test_english_labels(kb: model.KnowledgeBase) -> None:
    page = render_site(kb, DAY, lang="en")["runbooks/intake.md"]
    assert "## Steps" in page and "Owner post" in page and "re-keyed by hand" in page


def test_a_kb_template_overrides_the_builtin_one(tmp_path: Path, kb: model.KnowledgeBase) -> None:
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    (root / "templates" / "site").mkdir(parents=True)
    (root / "templates" / "site" / "onboarding.html.j2").write_text(
        "独自 {{ role.title }}\n", encoding="utf-8"
    )
    pages = render_site(check(root, use_cache=False).kb, DAY)
    assert pages["onboarding/tanto.md"] == "独自 入所担当\n"
    assert "hk-swimlane" in pages["runbooks/intake.md"]  # the other templates stay built-in


def test_navigation_sections_stay_small(kb: model.KnowledgeBase) -> None:
    many = {
        f"r{i:04d}": model.Runbook(
            f"r{i:04d}", f"手順{i:04d}", "process", "要約", "x.yml", owner="tanto"
        )
        for i in range(SECTION_SIZE * 3 + 5)
    }
    big = model.KnowledgeBase(kb.root, kb.config, kb.roster, many)
    nav = navigation(context(big, DAY), ["index.md"])

    def widest(node: object) -> int:
        if isinstance(node, list):
            return max([len(node), *(widest(child) for child in node)])
        if isinstance(node, dict):
            return max(widest(value) for value in node.values())
        return 0

    assert widest(nav) <= SECTION_SIZE
    pages = str(nav).count("runbooks/r")
    assert pages == len(many)


def test_static_assets_are_local() -> None:
    assets = static_assets()
    assert set(assets) == {"assets/hikitsugi/hikitsugi.js", "assets/hikitsugi/hikitsugi.css"}
    for content in assets.values():
        assert not re.search(rb"https?://", content)


def test_docs_name_every_site_template() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "site.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_]+\.html\.j2)`", text))
    shipped = {
        p.name
        for p in (Path(site_links.__file__).parent.parent / "templates" / "site").glob("*.j2")
    }
    assert named == shipped
