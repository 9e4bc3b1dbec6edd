"""The generated site pages: golden runbook page, escaping, banner, swimlane, lists, nav."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import markdown
import pytest

from conftest import FIXTURES, REPO, Golden
from hikitsugi import model
from hikitsugi.audit.rules import audit
from hikitsugi.calendar.ics import ics_for_all, ics_for_role, roles_with_schedule
from hikitsugi.check.checker import check
from hikitsugi.facts.people import leaving, window_end
from hikitsugi.facts.review import review_on
from hikitsugi.facts.schedule import period
from hikitsugi.render.site import links as site_links
from hikitsugi.render.site.nav import SECTION_SIZE, hand_written, navigation
from hikitsugi.render.site.pages import context, static_assets
from hikitsugi.render.site.runbook import lane_rows
from hikitsugi.render.site_with_print import render_site
from hikitsugi.resolve.diff import diff_runbook, extenders

KB = FIXTURES / "site" / "kb"
DAY = datetime.date(2026, 11, 27)


@pytest.fixture(scope="module")
def kb() -> model.KnowledgeBase:
    result = check(KB, use_cache=False)
    assert not result.errors, [p.format("en") for p in result.errors]
    return result.kb


@pytest.fixture(scope="module")
def pages(kb: model.KnowledgeBase) -> dict[str, str]:
    return render_site(kb, DAY)


def test_every_generated_page_with_front_matter_starts_with_it(pages: dict[str, str]) -> None:
    # MkDocs reads front matter only at the very start: after a blank line it prints `title: …`
    with_front_matter = [
        path for path, text in pages.items() if path.endswith(".md") and "\ntitle: " in text[:400]
    ]
    assert len(with_front_matter) > 10  # every list, post and runbook page has one
    late = [path for path in with_front_matter if not pages[path].startswith("---\n")]
    assert late == []


def test_runbook_page_matches_golden(pages: dict[str, str], golden: Golden) -> None:
    golden("site/intake.md", pages["runbooks/intake.md"])


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
    assert "(鈴木 花子" not in later and "(高橋 次郎)" in later  # shown as of the build day
    # the browser recomputes them: every assignment to the post rides along in data-hk-holders
    assert "[[&#34;鈴木 花子&#34;, &#34;2024-04-01&#34;, &#34;2027-03-31&#34;]" in later


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
        (datetime.date(2026, 12, 15), "current"),  # due 2027-01-15: 31 days left
        (datetime.date(2026, 12, 16), "due-soon"),  # 30 days left
        (datetime.date(2027, 1, 15), "due-soon"),  # the due day itself
        (datetime.date(2027, 1, 16), "stale"),
    ],
)
def test_review_state_follows_the_audit_rules(
    kb: model.KnowledgeBase, day: datetime.date, state: str
) -> None:
    review = review_on(kb, kb.runbooks["intake"], day)
    assert (review.state, review.due) == (state, datetime.date(2027, 1, 15))
    assert review_on(kb, kb.runbooks["hostile"], day).state == "never"


def test_banner_carries_the_dates_the_browser_needs(pages: dict[str, str]) -> None:
    banner = re.search(r'<div class="hk-review[^>]*>', pages["runbooks/intake.md"])
    assert banner is not None
    tag = banner.group(0)
    assert (
        'data-due="2027-01-15"' in tag
        and 'data-due-soon-days="30"' in tag
        and 'data-state="current"' in tag
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
    assert set(assets) == {
        "assets/hikitsugi/hikitsugi.js",
        "assets/hikitsugi/hikitsugi.css",
        "assets/hikitsugi/hikitsugi-record.js",  # 記録 mode of the checklist sheets only
    }
    for content in assets.values():
        assert not re.search(rb"https?://", content)
        assert (
            b"eval(" not in content and b"innerHTML" not in content and b"Function(" not in content
        )


def test_docs_name_every_site_template() -> None:
    text = (REPO / "docs" / "site.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([a-z_]+\.html\.j2)`", text))
    shipped = {
        p.name for p in (Path(site_links.__file__).parents[2] / "templates" / "site").glob("*.j2")
    }
    assert named == shipped


# The sample city: a standard, a local runbook based on it, a holder leaving within the window.


@pytest.fixture(scope="module")
def sample_kb() -> model.KnowledgeBase:
    result = check(REPO, use_cache=False)
    assert not result.errors, [p.format("en") for p in result.errors]
    return result.kb


@pytest.fixture(scope="module")
def sample(sample_kb: model.KnowledgeBase) -> dict[str, str | bytes]:
    return render_site(sample_kb, DAY)


def text(pages: dict[str, str | bytes], path: str) -> str:
    page = pages[path]
    assert isinstance(page, str), path
    return page


def test_each_standard_has_a_page_marked_shared_and_not_audited(
    sample_kb: model.KnowledgeBase, sample: dict[str, str | bytes]
) -> None:
    assert sample_kb.standards
    for standard in sample_kb.standards.values():
        page = text(sample, f"standards/{standard.id}.md")
        assert f'data-standard-id="{standard.id}"' in page and "data-runbook-id" not in page
        assert '<strong class="hk-standard-mark">標準手順書</strong>' in page
        assert "監査の対象ではありません" in page
        assert "data-hk-review " not in page  # no banner that turns red: not audited here
        for local in extenders(sample_kb, standard.id):
            assert f'<a href="../runbooks/{local.id}.html">' in page


def test_local_runbook_shows_its_standard_and_its_differences(
    sample_kb: model.KnowledgeBase, sample: dict[str, str | bytes]
) -> None:
    runbook = sample_kb.runbooks["riyo-chosei"]
    diff = diff_runbook(sample_kb, runbook)
    assert diff is not None and diff.replaced and diff.added and diff.removed
    page = text(sample, "runbooks/riyo-chosei.md")
    header = page[: page.index("</dl>")]
    assert (
        f'<a href="../standards/{diff.standard}.html">{diff.standard_title}</a>' in header
    )  # the header names the standard
    section = page[page.index("## 標準手順書との違い") : page.index("## 年間の時期")]
    assert f"](../standards/{diff.standard}.md)" in section  # Markdown: MkDocs checks the link
    for step in (*diff.replaced, *diff.added, *diff.removed):
        assert f"`{step.id}`" in section
    for change in diff.fields:
        assert f"`{change.name}`" in section
    assert "標準手順書との違い" not in text(sample, "runbooks/gakudo-system.md")  # not based on one


def test_standards_index_counts_each_local_runbooks_differences(
    sample_kb: model.KnowledgeBase, sample: dict[str, str | bytes]
) -> None:
    page = text(sample, "lists/standards.md")
    assert page.startswith('---\ntitle: "標準手順書と各手順書の違い"\n---')
    for standard in sample_kb.standards.values():
        assert f"](../standards/{standard.id}.md)" in page
        for local in extenders(sample_kb, standard.id):
            diff = diff_runbook(sample_kb, local)
            assert diff is not None
            row = next(line for line in page.splitlines() if f"../runbooks/{local.id}.md" in line)
            assert f"| {diff.count} |" in row and f"| {len(diff.fields)} |" in row
    nav = str(navigation(context(sample_kb, DAY), ["index.md"]))
    assert "lists/standards.md" in nav and "'標準手順書': [" in nav


def test_a_kb_without_standards_has_no_standards_pages(
    kb: model.KnowledgeBase, pages: dict[str, str]
) -> None:
    assert not kb.standards
    assert not [p for p in pages if p.startswith("standards/") or p == "lists/standards.md"]
    assert "standards" not in str(navigation(context(kb, DAY), ["index.md"]))


def test_hostile_standard_title_stays_text(tmp_path: Path) -> None:
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    (root / "standards").mkdir()
    (root / "standards" / "std.yml").write_text(
        "id: std\ntitle: '<script>alert(1)</script> [x](javascript:y)'\nkind: process\n"
        "summary: 標準\nowner: tanto\nsteps:\n  - {id: a, title: '<img src=x>', zone: paper}\n",
        encoding="utf-8",
    )
    (root / "runbooks" / "local.yml").write_text(
        "id: local\nextends: std\ntitle: 地域版\nsummary: 違い\n"
        "steps:\n  - {id: b, title: '*強調* <b>', zone: lgwan}\n",
        encoding="utf-8",
    )
    result = check(root, use_cache=False)
    assert not result.errors, [p.format("en") for p in result.errors]
    built = render_site(result.kb, DAY)
    for path in ("runbooks/local.md", "standards/std.md", "lists/standards.md"):
        html = markdown.markdown(text(built, path).split("---", 2)[2], extensions=["tables"])
        assert "<script" not in html and "<img" not in html and "<b>" not in html, path
        assert "javascript:" not in html.replace("](javascript:y)", ""), path
        assert 'href="javascript' not in html, path


def test_handover_packs_are_linked_from_the_post_pages(
    sample_kb: model.KnowledgeBase, sample: dict[str, str | bytes]
) -> None:
    going = leaving(sample_kb.roster, DAY, window_end(sample_kb, DAY))
    assert going  # the sample city has someone leaving within the window
    owners = text(sample, "lists/owners.md")
    for holding in going:
        person = holding.person
        pack = f"print/handover/{person.id}.html"
        assert pack in sample
        line = f'{person.name} さんが {holding.last_day} で異動・退任予定 · <a href="../{pack}">'
        section = owners[owners.index(f'id="post-{holding.role}"') :]
        assert line in section[: section.index("</section>")]
        assert line in text(sample, f"onboarding/{holding.role}.md")


def test_calendar_offers_an_ics_per_post(
    sample_kb: model.KnowledgeBase, sample: dict[str, str | bytes]
) -> None:
    import icalendar

    roles = roles_with_schedule(sample_kb)
    files = sorted(p for p in sample if p.startswith("calendar/"))
    assert files == sorted([f"calendar/{r}.ics" for r in roles] + ["calendar/all.ics"])
    page = text(sample, "lists/calendar.md")
    for path in files:
        data = sample[path]
        assert isinstance(data, bytes) and data.count(b"\n") == data.count(b"\r\n")
        calendar = icalendar.Calendar.from_ical(data)
        events = list(calendar.walk("VEVENT"))
        assert events and all(
            e.decoded("dtstamp") == datetime.datetime(2026, 11, 27, tzinfo=datetime.UTC)
            for e in events
        )
        starts = [e.decoded("dtstart") for e in events]
        assert min(starts) >= datetime.date(2026, 4, 1) and max(starts) <= datetime.date(
            2027, 3, 31
        )
        assert f'<a href="../{path}" download>' in page
    for role in roles:
        assert f'href="../calendar/{role}.ics" download>' in text(sample, f"onboarding/{role}.md")
    again = render_site(sample_kb, DAY)
    assert all(again[p] == sample[p] for p in files)  # DTSTAMP is the build day: reproducible
    start, end = period(DAY, sample_kb.config.fiscal_year_start)
    stamp = datetime.datetime(2026, 11, 27, tzinfo=datetime.UTC)
    assert sample["calendar/all.ics"] == ics_for_all(sample_kb, start, end, stamp=stamp)
    for role in roles:  # the same bytes as `hikitsugi calendar --role ROLE --ics`
        assert sample[f"calendar/{role}.ics"] == ics_for_role(
            sample_kb, role, start, end, stamp=stamp
        )


def test_hand_written_pages_sit_in_one_nav_section(kb: model.KnowledgeBase) -> None:
    own = hand_written(context(kb, DAY), ["site.md", "index.md", "audit.md"])
    assert own == ["index.md", {"使い方と仕組み": ["audit.md", "site.md"]}]
    assert hand_written(context(kb, DAY), ["index.md"]) == ["index.md"]


def test_post_pages_say_whether_the_leavers_handover_note_is_written() -> None:
    sample = check(REPO, use_cache=False).kb
    day = datetime.date(2027, 3, 15)
    pages = render_site(sample, day)
    kakaricho = pages["onboarding/gakudo-kakaricho.md"]
    assert "経過・現況の記入: 済 (handovers/tanaka-hanako.yml、2027-03-12)" in kakaricho
    shuji = pages["onboarding/nyusho-shuji.md"]
    assert "hikitsugi handover --person suzuki-daisuke --draft" in shuji
    owners = pages["lists/owners.md"]
    assert "hk-handover-written" in owners and "hk-handover-missing" in owners
