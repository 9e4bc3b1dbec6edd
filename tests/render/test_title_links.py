"""Steps that name another runbook link to it: whole titles, longest first, never in code or links."""

from __future__ import annotations

from hikitsugi.render import safe_markdown
from hikitsugi.render.title_links import TitleIndex

INDEX = TitleIndex(
    {"学童システム": "a.md", "学童システム操作": "b.md", "指数計算シート": "c.md", "ID": "d.md"}
)


def test_titles_are_found_whole_longest_first_without_overlap() -> None:
    text = "学童システム操作の前に学童システムと指数計算シートを開く"
    assert [title for _, _, title in INDEX.find(text)] == [
        "学童システム操作",
        "学童システム",
        "指数計算シート",
    ]
    assert INDEX.find("ID を確かめる") == []  # shorter than 3 characters: an ordinary word
    assert [t for _, _, t in INDEX.find("学童システム", skip=["学童システム"])] == []


def test_markdown_links_titles_but_not_inside_code_or_links_and_stays_escaped() -> None:
    text = (
        "**学童システム**で開く。`学童システム` はコード。[学童システム](https://example.jp/) は既存のリンク。\n"
        "<b>指数計算シート</b>\n\n| 列 |\n|---|\n| 指数計算シート |"
    )
    html = safe_markdown.render(text, "", INDEX.find, lambda title: INDEX.targets[title])
    assert '<strong><a class="hk-title-link" href="a.md">学童システム</a></strong>' in html
    assert "<code>学童システム</code>" in html
    assert '<a href="https://example.jp/">学童システム</a>' in html
    assert '&lt;b&gt;<a class="hk-title-link" href="c.md">指数計算シート</a>&lt;/b&gt;' in html
    assert '<td><a class="hk-title-link" href="c.md">指数計算シート</a></td>' in html
    assert html.count("hk-title-link") == 3


def test_without_titles_the_output_is_unchanged() -> None:
    text = "申請書を受け取る。\n- 就労証明書"
    assert safe_markdown.render(text, "", INDEX.find, str) == safe_markdown.render(text)
