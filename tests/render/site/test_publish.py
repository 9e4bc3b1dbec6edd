"""`hikitsugi build` and the MkDocs plugin: a failing build never harms the previous site."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO

KB = FIXTURES / "site" / "kb"
BROKEN_RUNBOOK = """id: broken
title: 壊れた手順書
kind: process
summary: 誤りのある手順書
owner: nobody-has-this-role
steps:
  - {id: one, title: 手順, zone: lgwam}
"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    return root


def article(page: Path) -> str:
    """The page's own content, without the navigation around it."""
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def navigation_of(page: Path) -> str:
    """The page's primary navigation."""
    html = page.read_text(encoding="utf-8")
    return html[html.index('<nav class="md-nav md-nav--primary"') : html.index("<article")]


def leftovers(folder: Path) -> list[str]:
    """Staging or retired folders that a build left behind."""
    return sorted(p.name for p in folder.iterdir() if ".building-" in p.name or ".old-" in p.name)


@pytest.mark.slow  # builds the site with MkDocs
def test_build_writes_the_site_and_replaces_it(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    site = tmp_path / "out" / "site"
    code, out, err = cli(
        "build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27"
    )
    assert (code, err) == (0, ""), out
    assert "サイトを作っています (4 件の手順書、2026-11-27 時点)" in out
    page = (site / "runbooks" / "intake.html").read_text(encoding="utf-8")
    assert "入所申請の受付" in page and "assets/hikitsugi/hikitsugi.js" in page
    (site / "stale-marker.txt").write_text("old", encoding="utf-8")
    code, out, err = cli(
        "build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-28"
    )
    assert code == 0, out + err
    assert not (site / "stale-marker.txt").exists()  # the site was replaced as a whole
    assert leftovers(site.parent) == []


@pytest.mark.slow  # builds the site with MkDocs
def test_the_built_html_escapes_titles_everywhere(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    site = tmp_path / "site"
    assert cli("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")[0] == 0
    for path in (
        site / "runbooks" / "hostile.html",
        site / "runbooks" / "intake.html",
        site / "index.html",
    ):
        html = path.read_text(encoding="utf-8")
        assert (
            "<script>alert" not in html and "<img src=x" not in html and "javascript:" not in html
        ), path
    hostile = (site / "runbooks" / "hostile.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert" in hostile  # <title>, nav and h1 all show it as text


@pytest.mark.slow  # builds the site with MkDocs
def test_check_errors_stop_the_build_and_keep_the_old_site(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    site = tmp_path / "site"
    assert cli("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")[0] == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (kb / "runbooks" / "broken.yml").write_text(BROKEN_RUNBOOK, encoding="utf-8")
    code, out, _ = cli("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")
    assert code == 1
    assert "runbooks/broken.yml:7:" in out and "前のサイトはそのままです" in out
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert leftovers(tmp_path) == []
    code, out, _ = cli("build", "--root", str(kb), "--site-dir", str(tmp_path / "first"))
    assert code == 1 and "前のサイト" not in out
    assert out.endswith("上のエラーを直してから、もう一度 hikitsugi build を実行してください\n")


@pytest.mark.slow  # builds the site with MkDocs
def test_a_failing_mkdocs_build_keeps_the_old_site(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    site = tmp_path / "site"
    assert cli("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")[0] == 0
    marker = (site / "runbooks" / "intake.html").read_bytes()
    (kb / "templates" / "site").mkdir(parents=True)
    (kb / "templates" / "site" / "runbook.html.j2").write_text("ok\n{% if %}\n", encoding="utf-8")
    code, out, err = cli(
        "build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27"
    )
    assert code == 2
    assert "前のサイト" in err and "runbook.html.j2:2" in err and "Traceback" not in err + out
    assert (site / "runbooks" / "intake.html").read_bytes() == marker
    assert leftovers(tmp_path) == []


@pytest.mark.slow  # builds the site with MkDocs
def test_plain_mkdocs_build_reports_check_errors_without_a_traceback(
    kb: Path, tmp_path: Path
) -> None:
    (kb / "runbooks" / "broken.yml").write_text(BROKEN_RUNBOOK, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "-q", "-d", str(tmp_path / "site")],
        cwd=kb,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "runbooks/broken.yml:5:" in done.stderr and "runbooks/broken.yml:7:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow  # builds the site with MkDocs
def test_without_mkdocs_yml_the_embedded_offline_configuration_builds(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    (kb / "mkdocs.yml").unlink()
    shutil.rmtree(kb / "docs", ignore_errors=True)  # no docs/ either: MkDocs must not complain
    site = tmp_path / "site"
    code, out, err = cli("build", "--root", str(kb), "--site-dir", str(site))
    assert (code, err) == (0, ""), out
    assert "mkdocs:" not in out and "docs_dir" not in out
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in home and 'href="lists/processes.html"' in home
    assert not (site / "search" / "search_index.json").exists()  # no Material search
    assert "ページが見つかりません" in (site / "404.html").read_text(encoding="utf-8")


def test_a_failed_first_build_does_not_speak_of_a_previous_site(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    (kb / "mkdocs.yml").write_text("site_name: x\ndocs_dir: nowhere\nplugins: [hikitsugi]\n")
    code, _, err = cli("build", "--root", str(kb), "--site-dir", str(tmp_path / "site"))
    assert code == 2
    assert "前のサイト" not in err and "まだありません" in err
    assert "mkdocs.yml の docs_dir に書かれたフォルダ" in err and "Config value" not in err


@pytest.mark.slow  # builds the site with MkDocs
def test_headings_keep_readable_japanese_anchors(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    site = tmp_path / "site"
    assert cli("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")[0] == 0
    html = (site / "runbooks" / "intake.html").read_text(encoding="utf-8")
    assert '<h2 id="手順">' in html and 'href="#ネットワーク区分ごとの流れ"' in html
    assert '<html lang="ja"' in html


def test_serve_watches_the_knowledge_base(kb: Path) -> None:
    from hikitsugi.mkdocs_plugin import HikitsugiPlugin

    (kb / "standards").mkdir()
    plugin = HikitsugiPlugin()
    plugin.root = kb
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_serve(Server(), config=None, builder=None)  # type: ignore[arg-type]
    names = sorted(Path(p).relative_to(kb).as_posix() for p in watched)
    assert names == ["checklists", "hikitsugi.yml", "roster.yml", "runbooks", "standards"]


@pytest.mark.slow  # builds the site with MkDocs
def test_a_kb_without_docs_index_gets_a_front_page(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    (kb / "docs" / "index.md").unlink()
    site = tmp_path / "site"
    assert cli("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")[0] == 0
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "テスト市 子ども家庭課" in front and 'href="lists/calendar.html"' in front
    assert 'href="onboarding/tanto.html"' in front


@pytest.mark.parametrize("where", [".", "..", "docs", "docs/site", "notes"])
def test_refuses_a_site_folder_whose_replacement_would_destroy_something(
    kb: Path, where: str, cli: Callable[..., tuple[int, str, str]]
) -> None:
    (kb / "notes").mkdir()
    (kb / "notes" / "memo.txt").write_text("大事なメモ", encoding="utf-8")
    before = sorted(p.relative_to(kb.parent) for p in kb.parent.rglob("*"))
    code, _, err = cli(
        "build", "--root", str(kb), "--site-dir", str(kb / where), "--as-of", "2026-11-27"
    )
    assert code == 2 and "出力先にできません" in err
    assert sorted(p.relative_to(kb.parent) for p in kb.parent.rglob("*")) == before


@pytest.mark.slow  # builds the site with MkDocs
def test_sample_site_carries_standards_calendars_and_every_hand_written_page(
    tmp_path: Path,
) -> None:
    import icalendar

    from hikitsugi.render.site.publish import build_site

    warnings: list[str] = []
    site = build_site(REPO, tmp_path / "site", datetime.date(2026, 11, 27), warnings.append)
    assert warnings == []  # e.g. no Markdown link that MkDocs cannot resolve
    local = article(site / "runbooks" / "riyo-chosei.html")
    assert local.count('href="../standards/gakudo-riyo-chosei.html"') == 2  # header and section
    assert '<h2 id="標準手順書との違い">' in local
    assert "標準手順書" in article(site / "standards" / "gakudo-riyo-chosei.html")
    index = article(site / "lists" / "standards.html")
    assert 'href="../runbooks/riyo-chosei.html"' in index and "<table>" in index
    ics = sorted((site / "calendar").glob("*.ics"))
    assert len(ics) > 1 and ics[0].name == "all.ics"
    for path in ics:
        data = path.read_bytes()  # copied as bytes: CRLF intact
        assert b"\r\nEND:VCALENDAR\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
        assert icalendar.Calendar.from_ical(data).walk("VEVENT")
    hand_written = sorted(p.stem for p in (REPO / "docs").glob("*.md") if p.stem != "index")
    assert "使い方と仕組み" in navigation_of(site / "index.html")
    nav = navigation_of(site / f"{hand_written[0]}.html")  # pruned: the section shows when open
    for name in hand_written:
        assert f'href="{name}.html"' in nav, name  # in the navigation ...
        assert f'<a href="{name}.html">' in article(site / "index.html"), name  # ... and index.md


@pytest.mark.slow  # builds the site with MkDocs
def test_the_embedded_configuration_follows_the_kb_language(
    tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    kb = tmp_path / "kb"
    assert cli("init", str(kb), "--organization", "Test City", "--language", "en")[0] == 0
    code, out, err = cli("build", "--root", str(kb))
    assert (code, err) == (0, ""), out
    home = (kb / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home and "<title>" in home and "Test City" in home
    assert 'title="Link to this heading"' in home
    assert "404 - Page not found" in (kb / "site" / "404.html").read_text(encoding="utf-8")
