"""A city's mkdocs.yml: settings that break the site on LGWAN or over file:// are named by line."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from hikitsugi.render.site.config_code import offline_entries
from hikitsugi.render.site.site_config import in_japanese

CDN_AND_FOLDERS = """site_name: テスト市
use_directory_urls: true
theme:
  name: material
  language: ja
plugins:
  - search
  - hikitsugi
extra_javascript:
  - path: https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.8.0/highlight.min.js
  - js/local.js
extra_css:
  - //fonts.example.org/style.css
"""

EXPECTED = [
    (
        "mkdocs.yml:2: use_directory_urls が false ではありません。file:// で開くとページの代わりに"
        "フォルダの一覧が出ます (use_directory_urls: false と書いてください)"
    ),
    (
        "mkdocs.yml:3: theme の font が false ではありません。Google Fonts を読みに行くため、"
        "LGWAN 端末では表示が遅くなります (font: false と書いてください)"
    ),
    (
        "mkdocs.yml:7: plugins の search (Material の検索) は file:// で動きません。"
        "外してください (hikitsugi の検索が日本語で、file:// でも動きます)"
    ),
    (
        "mkdocs.yml:10: extra_javascript の "
        "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.8.0/highlight.min.js "
        "はインターネット上のファイルです。LGWAN 端末では読み込めず、file:// で開いても外へ通信します。"
        "ファイルを docs/ に置き、相対パスで書いてください"
    ),
    (
        "mkdocs.yml:13: extra_css の //fonts.example.org/style.css "
        "はインターネット上のファイルです。LGWAN 端末では読み込めず、file:// で開いても外へ通信します。"
        "ファイルを docs/ に置き、相対パスで書いてください"
    ),
]


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "site" / "kb", root)
    return root


def test_the_sample_city_and_the_fixture_have_no_warning(kb: Path) -> None:
    assert offline_entries(kb / "mkdocs.yml") == []
    assert offline_entries(REPO / "mkdocs.yml") == []


def test_a_cdn_script_and_folder_urls_are_named_with_their_line(kb: Path) -> None:
    (kb / "mkdocs.yml").write_text(CDN_AND_FOLDERS, encoding="utf-8")
    lines = [f"mkdocs.yml:{e.line}: {e.what}" for e in offline_entries(kb / "mkdocs.yml")]
    assert lines == EXPECTED


def test_defaults_count_and_highlightjs_of_the_mkdocs_theme_is_named(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ntheme: mkdocs\nplugins: [hikitsugi]\n", encoding="utf-8")
    found = [(e.line, e.what.split("。")[0]) for e in offline_entries(config)]
    assert found == [
        (1, "use_directory_urls が false ではありません"),
        (2, "theme の highlightjs が有効です"),
    ]


@pytest.mark.slow  # builds the site with MkDocs
def test_build_warns_and_strict_refuses(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    (kb / "mkdocs.yml").write_text(CDN_AND_FOLDERS, encoding="utf-8")
    site = tmp_path / "site"
    code, out, err = cli("build", "--root", str(kb), "--site-dir", str(site), "--strict")
    assert code == 2 and not site.exists()
    assert err == (
        "hikitsugi: --strict のため、LGWAN 端末や file:// で動かない設定を含む mkdocs.yml では"
        "サイトを作りません:\n" + "\n".join(EXPECTED) + "\n"
    )
    code, out, err = cli("build", "--root", str(kb), "--site-dir", str(site))
    assert code == 0, err
    assert all(line in out.splitlines() for line in EXPECTED)


def test_mkdocs_configuration_errors_are_said_in_japanese() -> None:
    assert in_japanese(
        "Config value 'docs_dir': The path '/kb/docs' isn't an existing directory."
    ) == (
        "mkdocs.yml の docs_dir に書かれたフォルダ /kb/docs がありません。フォルダを作るか、docs_dir を直してください"
    )
    assert in_japanese("Config value 'theme': Unrecognised theme name: 'matrial'.") == (
        "mkdocs.yml のテーマ 'matrial' はインストールされていません (theme: name: material にしてください)"
    )
    assert in_japanese("Config value 'plugins': The \"serch\" plugin is not installed") == (
        "mkdocs.yml のプラグイン 'serch' はインストールされていません (plugins から外すか、インストールしてください)"
    )
    assert (
        in_japanese("Config value 'site_url': bad")
        == "mkdocs.yml の site_url の値が正しくありません: bad"
    )
    assert (
        in_japanese("Aborted with 2 configuration errors!")
        == "mkdocs.yml の設定に誤りがあります (2 件)"
    )
    parse_error = "MkDocs encountered an error parsing the configuration file: expected ','"
    assert in_japanese(parse_error) == "mkdocs.yml を YAML として読めません: expected ','"
