"""Pages right on the day: holder spans, the build line, the home page's 今日 block, status, feedback."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import replace

import pytest

from conftest import REPO
from hikitsugi import model
from hikitsugi.audit.rules import audit
from hikitsugi.check.checker import check
from hikitsugi.render import paths, safe_markdown, urls
from hikitsugi.render.site import today
from hikitsugi.render.site.context import holder_spans
from hikitsugi.render.site.pages import context
from hikitsugi.render.site_with_print import render_site

DAY = datetime.date(2027, 3, 15)


@pytest.fixture(scope="module")
def sample() -> model.KnowledgeBase:
    result = check(REPO, use_cache=False)
    assert not result.errors
    return result.kb


@pytest.fixture(scope="module")
def site(sample: model.KnowledgeBase) -> dict[str, str | bytes]:
    return render_site(sample, DAY)


def test_holder_spans_list_every_assignment_to_the_post(sample: model.KnowledgeBase) -> None:
    role = next(iter(sample.roster.roles))
    spans = holder_spans(sample.roster, role)
    expected = sum(a.role == role for p in sample.roster.people for a in p.assignments)
    assert len(spans) == expected and all(len(span) == 3 for span in spans)


def test_home_block_says_what_matters_today(sample: model.KnowledgeBase) -> None:
    ctx = context(
        sample, DAY, printables=frozenset({paths.print_path("handover", "tanaka-hanako")})
    )
    html = today.decorate(ctx, "index.md", "<h1>Home</h1><p>own text</p>")
    assert html.startswith('<h1>Home</h1><section class="hk-today">')
    assert "<p>own text</p>" in html and html.endswith("このサイトは 2027-03-15 に作成</p>")
    assert (
        "見直しが必要な手順書" in html and "異動・退職が近い職員" in html and "空席のポスト" in html
    )
    assert 'href="print/handover/tanaka-hanako.html"' in html  # the leaver's pack
    other = today.decorate(ctx, "runbooks/x.md", "<h1>X</h1>")
    assert "hk-today" not in other and "2027-03-15 に作成" in other


def test_status_page_one_row_per_runbook_ownerless_first_plain_words(
    sample: model.KnowledgeBase, site: dict[str, str | bytes]
) -> None:
    page = site["lists/status.md"]
    assert isinstance(page, str)
    report = audit(sample, DAY)
    ids = re.findall(r'<tr class="hk-finding[^"]*" data-id="([\w-]+)"', page)
    assert len(ids) == len(set(ids)) == len({f.id for f in report.findings})
    owners = re.findall(r'data-owner="([\w-]*)"', page)
    order = list(sample.roster.roles)
    if "" in owners:
        assert owners[0] == ""
    roles = [o for o in owners if o]
    assert roles == sorted(roles, key=order.index)
    assert "reviewed_on" not in page and "deputies" not in page
    assert 'class="hk-health-target" style="left: 80.0%"' in page
    assert '<a href="audit.csv" download>' in page


def test_audit_csv_in_the_site_is_the_cli_csv(site: dict[str, str | bytes], cli) -> None:  # type: ignore[no-untyped-def]
    written = site[paths.AUDIT_CSV]
    assert isinstance(written, bytes) and written.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(written.decode("utf-8-sig"))))
    assert rows[0][0] == "規則" and len(rows) > 1


def test_feedback_link_is_percent_encoded_and_absent_without_a_setting(
    sample: model.KnowledgeBase, site: dict[str, str | bytes]
) -> None:
    page = site["runbooks/shisu-keisan-sheet.md"]
    assert isinstance(page, str)
    found = re.search(r'class="hk-feedback md-button" href="([^"]+)"', page)
    assert found
    link = found.group(1).replace("&amp;", "&")
    assert link.startswith(f"mailto:{sample.config.feedback_email}?subject=") and urls.safe_link(
        link
    )
    assert " " not in link and "\n" not in link
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(link).query)
    assert "shisu-keisan-sheet" in query["subject"][0] and "指数計算シート" in query["subject"][0]
    revision = sample.runbooks["shisu-keisan-sheet"].reviewed_on
    assert f"版 (最終見直し日): {revision}" in query["body"][0]
    assert "data-hk-print" in page
    quiet = replace(sample, config=replace(sample.config, feedback_email=None))
    assert "hk-feedback" not in str(render_site(quiet, DAY)["runbooks/shisu-keisan-sheet.md"])


def test_index_table_renders_on_the_site_and_on_paper(site: dict[str, str | bytes]) -> None:
    page = str(site["runbooks/shisu-keisan-sheet.md"])
    sheet = str(site["print/checklists/shisu-keisan-sheet.html"])
    for html in (page, sheet):
        assert "<table>" in html and "<th>事由</th>" in html and "|---|" not in html
    assert "月160時間以上" in sheet


def test_tables_stay_escaped_and_plain_text_has_no_rule_rows() -> None:
    text = "前置き\n| <b>x</b> | [a](javascript:1) |\n|---|---|\n| 1 | 2 |"
    html = safe_markdown.render(text)
    assert "<table>" in html and "&lt;b&gt;" in html and "javascript" not in html
    plain = safe_markdown.plain_text(text)
    assert "---" not in plain and "|" not in plain and "1 2" in plain


def test_holder_json_is_valid(site: dict[str, str | bytes]) -> None:
    page = str(site["runbooks/shisu-keisan-sheet.md"])
    for raw in re.findall(r'data-hk-holders="([^"]*)"', page):
        spans = json.loads(raw.replace("&#34;", '"'))
        assert all(len(span) == 3 for span in spans)


def test_owners_page_shows_all_the_work_of_each_post(
    sample: model.KnowledgeBase, site: dict[str, str | bytes]
) -> None:
    page = str(site["lists/owners.md"])
    owned_checklists = [c for c in sample.checklists.values() if c.owner]
    assert owned_checklists
    for item in owned_checklists:
        section = page.split(f'id="post-{item.owner}"')[1].split("</section>")[0]
        assert f"checklists/{item.id}.md" in section or f"checklists/{item.id}.html" in section
    assert "(副担当)</li>" in page
    onboarding = str(site[f"onboarding/{owned_checklists[0].owner}.md"])
    assert "このポストのチェックリスト" in onboarding


def test_ownerless_runbooks_come_first_on_the_owners_page(sample: model.KnowledgeBase) -> None:
    first = next(iter(sample.runbooks.values()))
    loose = replace(first, owner=None)
    kb = replace(sample, runbooks={**sample.runbooks, first.id: loose})
    page = str(render_site(kb, DAY)["lists/owners.md"])
    ownerless = page.index('id="post-none"')
    assert all(ownerless < page.index(f'id="post-{role}"') for role in kb.roster.roles)
    assert f"runbooks/{first.id}.html" in page[ownerless:].split("</section>")[0]


def test_predecessor_is_who_last_left_the_post(sample: model.KnowledgeBase) -> None:
    from hikitsugi.facts import people

    last = datetime.date(2027, 3, 31)
    role = next(a.role for p in sample.roster.people for a in p.assignments if a.until == last)
    found = people.predecessor(sample.roster, role, last + datetime.timedelta(days=2), DAY)
    assert found is not None and found[1] == last
    assert people.predecessor(sample.roster, role, last, DAY) is None  # still holding: leaving


def test_printed_tables_show_images_as_their_words() -> None:
    text = "| 見本 |\n|---|\n| ![申請書の見本](images/form.png) |"
    (table,) = safe_markdown.tables(text)
    assert "<img" not in table and "<td>申請書の見本</td>" in table
