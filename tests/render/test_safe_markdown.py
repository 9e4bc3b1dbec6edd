"""Staff Markdown: HTML shown as text, unsafe links dropped, lists as staff write them."""

from __future__ import annotations

import pytest

from conftest import REPO
from hikitsugi.check.checker import check
from hikitsugi.render import safe_markdown
from hikitsugi.render.safe_markdown import render


def parser_output(text: str) -> str:
    """What the Markdown parser makes of *text* (the slow path, always)."""
    saved = safe_markdown._plain
    safe_markdown._plain = lambda _text: None  # type: ignore[assignment]
    try:
        return render(text)
    finally:
        safe_markdown._plain = saved


def test_html_is_text() -> None:
    html = render("本文 <script>alert(1)</script> と <b>太字</b> &amp;")
    assert (
        html
        == "<p>本文 &lt;script&gt;alert(1)&lt;/script&gt; と &lt;b&gt;太字&lt;/b&gt; &amp;amp;</p>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:x",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_unsafe_link_schemes_are_dropped(url: str) -> None:
    html = render(f"[押す]({url})")
    assert "href" not in html and "押す" in html


@pytest.mark.parametrize(
    "url", ["https://example.jp/a", "mailto:a@example.jp", "../runbooks/x.html", "#step-a"]
)
def test_safe_links_are_kept(url: str) -> None:
    assert f'href="{url}"' in render(f"[開く]({url})")


def test_a_list_right_after_a_line_of_text() -> None:
    html = render("次の2つを出力する。\n- CSV\n- ZIP\nファイル名を書く。")
    assert (
        html
        == "<p>次の2つを出力する。</p>\n<ul>\n<li>CSV</li>\n<li>ZIP</li>\n</ul>\n<p>ファイル名を書く。</p>"
    )


def test_line_breaks_are_kept() -> None:
    assert render("一行目\n二行目") == "<p>一行目<br>\n二行目</p>"


def test_no_blank_line_survives_inside_the_html() -> None:
    assert "\n\n" not in render("段落1\n\n段落2\n\n1. a\n\n2. b")


@pytest.mark.parametrize(
    "text",
    [
        "一行目\n二行目",
        "前置き\n- a\n- b\n後書き",
        "段落1\n\n段落2",
        "- a\n- b",
        "a\n\n- x\n\n- y\nz",
        "-5度のとき",
        "見出し\n---",
        "1. 番号\n2. 付き",
        "**太字** と `code`",
        "  字下げ",
        "行末の空白  \n次",
        "a = b",
        "(かっこ)「かぎ」、。・",
    ],
)
def test_the_fast_path_matches_the_parser(text: str) -> None:
    assert render(text) == parser_output(text)


def test_the_fast_path_matches_the_parser_on_every_sample_detail() -> None:
    kb = check(REPO).kb
    details = [s.detail for r in kb.runbooks.values() for s in r.steps if s.detail]
    assert len(details) > 50
    for detail in details:
        assert render(detail) == parser_output(detail), detail


@pytest.mark.parametrize(
    "source",
    ["//evil.example/t.png", "http://evil.example/a.png", "/etc/passwd", "images/x.svg"],
)
def test_images_from_outside_become_text(source: str) -> None:
    html = render(f"見る ![図]({source}) こと")
    assert "<img" not in html and "src=" not in html
    assert f"![図]({source})" in html


def test_an_image_of_the_kb_points_into_the_site_from_the_page() -> None:
    html = render("![図](images/a.png)", image_prefix="../")
    assert '<img alt="図" src="../images/a.png"' in html


@pytest.mark.parametrize(
    "url", ["JAVASCRIPT:alert(1)", "&#106;avascript:alert(1)", "//evil.example/", "/etc/passwd"]
)
def test_unsafe_links_become_text(url: str) -> None:
    html = render(f"[押す]({url})")
    assert "<a" not in html and "href" not in html and "押す" in html
