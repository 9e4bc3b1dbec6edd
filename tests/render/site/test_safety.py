"""A KB is data: what it writes shows as text, stays inside the site, and runs no code of its own."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from payload_kb import payload_kb

from conftest import FIXTURES, REPO
from hikitsugi.render.site.config_code import code_entries
from hikitsugi.render.site.publish import SiteBuildError, build_site

pytestmark = pytest.mark.slow  # builds sites with MkDocs

KB = FIXTURES / "site" / "kb"
DAY = datetime.date(2026, 11, 27)
HOOK = """from pathlib import Path
Path(__file__).with_name("hook-ran").write_text("ran")
"""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample city with payloads in every free-text field, built once."""
    folder = tmp_path_factory.mktemp("payloads")
    payload_kb(REPO, folder / "kb")
    return build_site(folder / "kb", folder / "site", DAY)


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    return root


def test_no_page_carries_a_script_link_or_an_outside_image(payload_site: Path) -> None:
    for page in payload_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(
            r"""(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):""", html, re.IGNORECASE
        )
        assert not re.search(r"""src=["']?(https?:|//|/)""", html), page


def test_a_role_title_is_text_in_the_onboarding_page(payload_site: Path) -> None:
    html = (payload_site / "onboarding" / "nyusho-shuji.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert heading is not None
    assert "[x](javascript:alert(1))" in heading.group(1)
    assert "&lt;script&gt;" in heading.group(1) and "<a" not in heading.group(1)


def test_the_kb_images_are_copied_and_shown_from_inside_the_site(payload_site: Path) -> None:
    assert (payload_site / "images" / "ok.png").is_file()
    assert 'src="../images/ok.png"' in (
        payload_site / "runbooks" / "shinsei-nyuryoku.html"
    ).read_text(encoding="utf-8")


def test_404_page_asks_for_nothing_outside_the_site(payload_site: Path) -> None:
    html = (payload_site / "404.html").read_text(encoding="utf-8")
    assert re.findall(r"""(?:href|src)=["']/""", html) == []
    assert 'src="./assets/javascripts/' in html


def test_a_kb_template_runs_in_the_sandbox(kb: Path, tmp_path: Path) -> None:
    (kb / "templates" / "site").mkdir(parents=True)
    (kb / "templates" / "site" / "runbook.html.j2").write_text(
        "{{ front_matter(rb.title) }}\n{{ cycler.__init__.__globals__.os.system('touch pwned') }}\n",
        encoding="utf-8",
    )
    with pytest.raises(SiteBuildError) as raised:
        build_site(kb, tmp_path / "site", DAY)
    assert "テンプレートの誤り" in raised.value.render("ja")
    assert "unsafe" in raised.value.render("ja")  # Jinja's sandbox: no way to Python
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_hooks_and_outside_plugins_are_named_with_their_line(kb: Path) -> None:
    config = kb / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "  - search\n  - material/tags\n  - macros:\n      x: 1\nhooks:\n  - hooks.py\n",
        encoding="utf-8",
    )
    entries = [(e.line, e.what) for e in code_entries(config)]
    assert entries == [(12, "plugins: macros"), (15, "hooks: hooks.py")]


def test_hooks_warn_and_are_refused_with_strict(
    kb: Path, tmp_path: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    (kb / "hooks.py").write_text(HOOK, encoding="utf-8")
    config = kb / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - hooks.py\n", "utf-8")
    site = tmp_path / "site"
    args = ("build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27")
    code, out, err = cli(*args, "--strict")
    assert code == 2 and not site.exists() and not (kb / "hook-ran").exists()
    assert "mkdocs.yml:11: hooks: hooks.py" in out + err and "--strict" in out + err
    code, out, err = cli(*args)
    assert code == 0, out + err
    assert "mkdocs.yml:11: hooks: hooks.py はナレッジベースの外の Python コードを実行します" in out
    assert out.count("hooks.py はナレッジベース") == 1  # named once, not again by the plugin
    assert (kb / "hook-ran").exists()  # without --strict the city's hook is the city's choice
