"""handover-overdue (format v1.1): a leaver past the deadline without a handovers/ file."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from conftest import REPO
from hikitsugi.audit import rules as audit
from hikitsugi.check.checker import check

LAST_DAY = datetime.date(2027, 3, 31)  # 田中 花子 (係長) and 鈴木 大輔 leave on this day


SAMPLE_PARTS = ("runbooks", "checklists", "standards", "handovers")


def _sample(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    for part in SAMPLE_PARTS:
        shutil.copytree(REPO / part, root / part)
    for name in ("hikitsugi.yml", "roster.yml"):
        shutil.copy(REPO / name, root / name)
    return root


def _overdue(root: Path, day: datetime.date) -> set[str]:
    kb = check(root, use_cache=False).kb
    return {f.id for f in audit.handover_overdue(kb, day)}


def test_only_leavers_past_the_deadline_without_a_file_are_named(tmp_path: Path) -> None:
    root = _sample(tmp_path)
    due = LAST_DAY + datetime.timedelta(days=7)
    assert _overdue(root, due) == set()  # the deadline day itself is not overdue
    after = _overdue(root, due + datetime.timedelta(days=1))
    assert "suzuki-daisuke" in after
    assert "tanaka-hanako" not in after  # handovers/tanaka-hanako.yml is written
    (root / "handovers" / "tanaka-hanako.yml").unlink()
    assert "tanaka-hanako" in _overdue(root, due + datetime.timedelta(days=1))


def test_only_the_last_30_days_are_looked_at(tmp_path: Path) -> None:
    root = _sample(tmp_path)
    due = LAST_DAY + datetime.timedelta(days=7)
    assert "suzuki-daisuke" in _overdue(root, due + datetime.timedelta(days=30))
    assert "suzuki-daisuke" not in _overdue(root, due + datetime.timedelta(days=31))


def test_within_days_comes_from_the_settings(tmp_path: Path) -> None:
    root = _sample(tmp_path)
    config = root / "hikitsugi.yml"
    config.write_text(config.read_text(encoding="utf-8") + "handover:\n  within_days: 5\n")
    assert "suzuki-daisuke" in _overdue(root, LAST_DAY + datetime.timedelta(days=6))
