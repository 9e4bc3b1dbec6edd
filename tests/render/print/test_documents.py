"""Printable HTML: golden snapshots, exact duties, messages, templates a KB overrides."""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import replace

import pytest

from conftest import FIXTURES, REPO
from hikitsugi.check.checker import check
from hikitsugi.render.print import documents as printing
from hikitsugi.render.print.packs import handover_pack
from hikitsugi.render.templates import BUILTIN

KB_DIR = FIXTURES / "print" / "kb"
PRINT_CSS = (BUILTIN / "print" / "print.css").read_text(encoding="utf-8")
CSS_MARKER = "/* templates/print/print.css: see test_printed_html_carries_the_css */\n"
DAY = datetime.date(2027, 2, 1)


@pytest.fixture(scope="module")
def kb():
    result = check(KB_DIR, use_cache=False)
    assert not result.problems
    return result.kb


def without_print_css(html: str) -> str:
    """Replace the inlined print.css by a marker, so a CSS edit rewrites no golden file.

    The page rules after it (each document's footers) stay: they are the document's own.
    """
    assert html.count(PRINT_CSS) == 1, "print.css is not inlined exactly once"
    return html.replace(PRINT_CSS, CSS_MARKER)


DOCUMENTS = [
    ("checklist-gakudo-intake.html", ("checklist", "gakudo-intake")),
    ("handover-sato-ichiro.html", ("handover", "--person", "sato-ichiro")),
    ("onboarding-gakudo-kakaricho.html", ("onboarding", "--role", "gakudo-kakaricho")),
]


@pytest.mark.parametrize(("name", "args"), DOCUMENTS)
def test_golden_html(cli, golden, name, args):
    code, out, err = cli(*args, "--root", str(KB_DIR), "--as-of", DAY.isoformat())
    assert code == 0, err
    golden(f"print/{name}", without_print_css(out))


@pytest.mark.parametrize(("name", "args"), DOCUMENTS)
def test_printed_html_carries_the_css(cli, name, args):
    """The goldens mask print.css; here the whole file must open the document's <style>."""
    html = cli(*args, "--root", str(KB_DIR), "--as-of", DAY.isoformat())[1]
    style = html[html.index("<style>") : html.index("</style>")]
    assert style.startswith("<style>\n" + PRINT_CSS)
    assert "@page {\n  size: A4 portrait;" in style and '"Noto Sans CJK JP"' in style


def test_checklist_header_items_and_footer(kb):
    html = printing.checklist_html(kb, "gakudo-intake", DAY)
    assert "@page" in html and "size: A4 portrait" in html and '"Noto Sans CJK JP"' in html
    for text in (
        "テスト市 子ども家庭部 子ども家庭課",
        "READ-DO",
        "令和8年度 (2026年度)",
        "実施日",
        "実施者",
        "確認者",
    ):
        assert text in html
    # every check line and checklist item, each with a box; pause points in step order
    lines = re.findall(r'<span class="box"></span></td><td>([^<]+)</td>', html)
    assert lines == [
        "申請書の記入漏れ・添付書類 (就労証明書) を確認した",
        "住基システムで世帯構成を照会し、申請内容と一致した",
        "電子申請の受付一覧をダウンロードした",
        "学童システムに登録し、受付番号を申請書に記入した",
        "受付簿の件数とシステムの登録件数が一致している",
    ]
    assert re.findall(r"確認ポイント (\d)", html) == ["1", "2", "3", "4", "5"]
    assert "⚠ 注意: 就労証明書の写しは受け取らない (原本のみ)" in html
    assert "⇄ インターネット接続系 → LGWAN接続系 (無害化)" in html
    assert '<td class="who">学童保育係 担当</td><td class="where">紙・窓口</td>' in html
    assert "runbooks/gakudo/intake.yml" in html and "印刷日: 2027-02-01" in html
    assert "手順書サイトの print/checklists/gakudo-intake.html" in html


def test_standalone_checklist_prints_the_same_way(kb):
    html = printing.checklist_html(kb, "gakudo-opening-day", DAY)
    assert "DO-CONFIRM" in html and "学童クラブ開所日の確認 チェックリスト" in html
    assert '<td>緊急連絡網を各クラブに配布した</td><td class="who">学童保育係 担当</td>' in html
    assert '<td>保険の加入者名簿を更新した</td><td class="who">学童保育係 係長</td></tr>' in html
    assert 'class="pause"' not in html  # one pause point: no heading; no zone column without zones
    assert "区分 (ネットワーク)" not in html


def test_handover_lists_exactly_the_duties_of_the_posts(kb):
    pack = handover_pack(kb, kb.roster.person("kimura-yoko"), DAY, "ja")
    assert [d.id for d in pack.duties] == ["gakudo-system"]
    assert [s.id for s in pack.sheets] == []  # a tool without check lines has no sheet
    html = printing.handover_html(kb, kb.roster.person("sato-ichiro"), DAY)
    items = {**kb.runbooks, **kb.checklists}
    titles = [items[i].title for i in ("gakudo-intake", "gakudo-opening-day", "gakudo-fee")]
    titles.append(kb.runbooks["gakudo-system"].title)
    body = html.split('<section class="art8">')[1]
    listed = re.findall(r"<h3>\d+\) (.+?) <span|<tr><td>([^<]+)</td><td class=\"nowrap\">", body)
    assert [a or b for a, b in listed] == titles  # owned duties, then those deputised
    assert "gakudo-old-paper" not in html  # retired
    assert "システム管理者" not in html  # the shomu post's account is not sato's to move


def test_handover_to_overrides_the_roster_successor(kb):
    person, to = kb.roster.person("sato-ichiro"), kb.roster.person("yamada-taro")
    pack = handover_pack(kb, person, DAY, "ja", to)
    assert pack.successor == "山田 太郎" and pack.posts[0].successors == "山田 太郎"


def test_nothing_to_hand_over_is_exit_1_with_a_message(cli):
    code, out, err = cli(
        "handover", "--root", str(KB_DIR), "--person", "nakamura-ken", "--as-of", "2027-02-01"
    )
    assert (code, out) == (1, "")
    assert "中村 健 (nakamura-ken) には 2027-02-01 に引き継ぐものがありません" in err
    code, out, err = cli(
        "handover", "--root", str(KB_DIR), "--person", "sato-ichiro", "--as-of", "2027-04-01"
    )
    assert (code, out) == (1, "") and "どのポストにも就いていません" in err


def test_unknown_person_names_close_matches(cli):
    code, _, err = cli("handover", "--root", str(KB_DIR), "--person", "satou-ichiro")
    assert code == 2 and "satou-ichiro" in err and "sato-ichiro (佐藤 一郎)" in err


def test_to_cannot_name_the_person_handing_over(cli):
    code, out, err = cli(
        "handover", "--root", str(KB_DIR), "--person", "sato-ichiro", "--to", "sato-ichiro"
    )
    assert (code, out) == (2, "") and "--to" in err


def test_pdf_without_output_goes_to_id_pdf_in_the_current_folder(cli, tmp_path, monkeypatch):
    from hikitsugi.commands.printing import default_pdf

    assert default_pdf("gakudo-intake").as_posix() == "gakudo-intake.pdf"  # relative: cwd
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("hikitsugi.render.print.pdf.pdf_bytes", lambda html, root: b"%PDF-fake")
    code, out, err = cli("checklist", "--root", str(KB_DIR), "gakudo-intake", "--pdf")
    assert (code, err) == (0, "") and "gakudo-intake.pdf" in out
    assert (tmp_path / "gakudo-intake.pdf").read_bytes() == b"%PDF-fake"


def test_a_checklist_named_checklist_is_not_titled_twice(cli):
    from hikitsugi.render.print.documents import checklist_html

    kb = check(REPO, use_cache=False).kb
    first = next(iter(kb.checklists.values()))
    named = replace(first, title="異動前チェックリスト")
    kb = replace(kb, checklists={**kb.checklists, named.id: named})
    html = checklist_html(kb, named.id, datetime.date(2027, 3, 1))
    assert "チェックリスト チェックリスト" not in html
    assert f"<title>{named.title}</title>" in html


def test_html_written_atomically_to_a_file(cli, tmp_path):
    target = tmp_path / "out" / "c.html"
    code, out, _ = cli(
        "checklist",
        "--root",
        str(KB_DIR),
        "gakudo-intake",
        "-o",
        str(target),
        "--as-of",
        "2027-02-01",
    )
    assert code == 0 and str(target) in out
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["c.html"]


def test_onboarding_follows_the_fiscal_year(kb):
    html = printing.onboarding_html(kb, "gakudo-kakaricho", DAY)
    order = re.findall(r"<strong>([^<]+)</strong>(?: \([^)]*\))? <span class=\"muted\">", html)
    assert order == [
        "学童クラブ利用料の調定",
        "学童クラブ入会申請の受付",
    ]  # monthly from April, then January
    assert "学童システム" in html and "読了日" in html and "確認印" in html
    assert "学童クラブ利用料の調定</strong> (副担当)" in html  # the post deputises it


def test_english_labels(kb):
    english = replace(kb, config=replace(kb.config, language="en"))
    html = printing.checklist_html(english, "gakudo-intake", DAY)
    assert "Checklist" in html and "Pause point 1" in html and "FY2026 (Reiwa 8)" in html
    assert "⇄ Internet network → LGWAN network (sanitised)" in html


def test_site_documents(kb):
    documents = printing.site_documents(kb, DAY)
    assert sorted(documents) == [
        "print/checklists/gakudo-fee.html",
        "print/checklists/gakudo-intake.html",
        "print/checklists/gakudo-opening-day.html",
        "print/handover/kimura-yoko.html",
        "print/handover/sato-ichiro.html",
        "print/handover/tanaka-hanako.html",
        "print/onboarding/gakudo-kakaricho.html",
        "print/onboarding/gakudo-tanto.html",
        "print/onboarding/shomu.html",
    ]
    assert all("http://" not in html and "https://" not in html for html in documents.values())
    # sheets rendered once and shared between packs give the same pages as the command
    sato = kb.roster.person("sato-ichiro")
    assert documents["print/handover/sato-ichiro.html"] == printing.handover_html(kb, sato, DAY)


def test_a_kb_overrides_templates_file_by_file(tmp_path, cli):
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR, root)
    (root / "templates" / "print").mkdir(parents=True)
    (root / "templates" / "print" / "print.css").write_text(
        "/* city stamp layout */\n", encoding="utf-8"
    )
    code, out, _ = cli("checklist", "gakudo-intake", "--root", str(root), "--as-of", "2027-02-01")
    assert code == 0 and "/* city stamp layout */" in out and "size: A4" not in out
    assert "確認ポイント 1" in out  # the rest still comes from the package


def test_fiscal_year_label():
    from hikitsugi.facts.fiscal import label as fiscal_year

    assert fiscal_year(2026, "ja") == "令和8年度 (2026年度)"
    assert fiscal_year(2019, "ja") == "令和元年度 (2019年度)"


def test_pdf_fetcher_refuses_the_network(tmp_path):
    from hikitsugi.render.print.pdf import local_only_fetcher

    fetcher = local_only_fetcher((tmp_path,))
    for url in ("https://fonts.googleapis.com/css", "http://example.org/a.png", "ftp://x/y"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher(url)
    local = tmp_path / "a.css"
    local.write_text("p {}", encoding="utf-8")
    response = fetcher(local.as_uri())
    try:
        assert response.read() == b"p {}"
    finally:
        response.close()


def test_css_string_cannot_break_out_of_the_style_element():
    from markupsafe import Markup

    assert printing.css_string('a"b\\c</style>\nd') == '"a\\22 b\\5C c\\3C /style>\\A d"'
    assert printing.css_string(Markup("A &amp; B")) == '"A & B"'


def test_a_kb_with_errors_prints_nothing(tmp_path, cli):
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR, root)
    (root / "runbooks" / "broken.yml").write_text(
        "id: broken\ntitle: [unclosed\n", encoding="utf-8"
    )
    code, out, err = cli("checklist", "gakudo-intake", "--root", str(root))
    assert (code, out) == (2, "")
    assert "hikitsugi check" in err and "runbooks/broken.yml:" in err
