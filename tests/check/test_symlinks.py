"""A symbolic link may not bring a file from outside the KB into it (nor into the site)."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest

from conftest import FIXTURES
from hikitsugi.check.checker import check
from hikitsugi.mkdocs_plugin import kb_images
from hikitsugi.render.templates import environment

KB = FIXTURES / "site" / "kb"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    return root


def test_a_runbook_linked_from_outside_the_kb_is_an_error(kb: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    shutil.copy(kb / "runbooks" / "hostile.yml", outside)
    (kb / "runbooks" / "hostile.yml").unlink()
    (kb / "runbooks" / "hostile.yml").symlink_to(outside)
    (kb / "drafts").mkdir()
    shutil.move(kb / "runbooks" / "intake.yml", kb / "drafts" / "intake.yml")
    (kb / "runbooks" / "intake.yml").symlink_to(kb / "drafts" / "intake.yml")  # inside: fine
    result = check(kb, use_cache=False)
    assert [p.format("ja") for p in result.errors] == [
        (
            f"runbooks/hostile.yml:1:1: ナレッジベースの外 ({outside}) を指すシンボリックリンクなので"
            "読みません。ファイルをナレッジベースに置くか、そのフォルダを standards_paths に書いてください"
        )
    ]
    assert "intake" in result.kb.runbooks


def test_images_and_templates_linked_from_outside_are_not_used(kb: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"secret")
    (kb / "images").mkdir()
    (kb / "images" / "ok.png").write_bytes(b"png")
    (kb / "images" / "leak.png").symlink_to(tmp_path / "secret.png")
    assert kb_images(kb) == {"images/ok.png": b"png"}
    (kb / "templates" / "site").mkdir(parents=True)
    (kb / "templates" / "site" / "home.html.j2").symlink_to("/etc/passwd")
    with pytest.raises(jinja2.TemplateNotFound):
        environment(kb).get_template("site/home.html.j2")
