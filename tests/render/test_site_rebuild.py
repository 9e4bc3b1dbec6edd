"""Re-rendering after an edit makes exactly the files a full rendering makes (the sample city)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from hikitsugi.check.checker import check
from hikitsugi.model import KnowledgeBase
from hikitsugi.render.site_rebuild import render, render_again

DAY = datetime.date(2026, 11, 27)
RUNBOOK = Path("runbooks/gakudo/ikkatsu-uketsuke.yml")
KB_PARTS = (
    "hikitsugi.yml",
    "roster.yml",
    "runbooks",
    "checklists",
    "standards",
    "handovers",
    "records",
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    root.mkdir()
    for part in KB_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        else:
            shutil.copy(source, root / part)
    return root


def checked(root: Path) -> KnowledgeBase:
    result = check(root, use_cache=False)
    assert not result.errors, [p.format("en") for p in result.errors]
    return result.kb


def edit(root: Path, old: str, new: str, count: int = 1) -> None:
    path = root / RUNBOOK
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "incremental"),
    [
        ("title: 受付の準備をする", "title: 受付の準備を整える", True),  # a step
        ("    zone: paper\n", "    zone: lgwan\n", True),  # a step's zone: the zones page
        ("reviewed_on: 2026-10-20", "reviewed_on: 2026-04-01", True),  # lists, banners
        ("uses: [denshi-shinsei, gakudo-system]", "uses: [gakudo-system]", True),  # backlinks
        ("title: 翌年度利用の一斉受付", "title: 翌年度の一斉受付", True),  # every list
    ],
)
def test_an_edit_renders_what_a_full_rendering_renders(
    sample: Path, old: str, new: str, incremental: bool
) -> None:
    before = render(checked(sample), DAY, "ja", directory_urls=False)
    edit(sample, old, new)
    kb = checked(sample)
    again = render_again(before, kb, DAY, "ja", directory_urls=False)
    full = render(kb, DAY, "ja", directory_urls=False)
    assert (again.changed is not None) == incremental
    assert list(again.rendering.files) == list(full.files)
    assert [p for p in full.files if again.rendering.files[p] != full.files[p]] == []
    assert again.changed is None or again.changed == {
        p for p in full.files if before.files.get(p) != full.files[p]
    }


def test_no_edit_changes_nothing_and_other_edits_render_everything(sample: Path) -> None:
    kb = checked(sample)
    before = render(kb, DAY, "ja", directory_urls=False)
    assert render_again(before, kb, DAY, "ja", directory_urls=False).changed == frozenset()
    assert render_again(before, kb, DAY + datetime.timedelta(1), "ja", False).changed is None
    assert render_again(None, kb, DAY, "ja", directory_urls=False).changed is None
