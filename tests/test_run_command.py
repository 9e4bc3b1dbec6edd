"""`hikitsugi run`: writes a run record that `check` accepts, never overwrites, refuses bad input."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(FIXTURES / "runs" / "kb", target)
    return target


def test_run_writes_a_file_that_check_accepts(cli: Cli, root: Path) -> None:
    code, out, err = cli(
        "run",
        "monthly",
        "--date",
        "2026-06-12",
        "--by",
        "sato-hanako",
        "--checked-by",
        "yamada-taro",
        "--exception",
        "yomiawase=読み合わせは翌朝に行った",
        "--root",
        str(root),
    )
    assert code == 0, err
    written = root / "records" / "runs" / "2026" / "monthly-2026-06-12.yml"
    assert str(written) in out
    text = written.read_text(encoding="utf-8")
    assert "読み合わせは翌朝に行った" in text and "\\u" not in text
    assert yaml.safe_load(text) == {
        "checklist": "monthly",
        "date": datetime.date(2026, 6, 12),
        "performed_by": "sato-hanako",
        "checked_by": "yamada-taro",
        "revision": datetime.date(2026, 6, 1),  # in force that day (history)
        "exceptions": [{"item": "yomiawase", "note": "読み合わせは翌朝に行った"}],
    }
    code, out, err = cli("check", "--root", str(root), "--no-cache")
    assert (code, out) == (0, "問題はありません (11 ファイル)\n"), err


def test_the_revision_is_the_one_in_force_that_day(cli: Cli, root: Path) -> None:
    cli("run", "monthly", "--date", "2026-05-31", "--by", "sato-hanako", "--root", str(root))
    text = (root / "records/runs/2026/monthly-2026-05-31.yml").read_text(encoding="utf-8")
    assert "revision: 2025-04-01" in text  # the 2026-06-01 version was not yet in force


def test_a_second_run_on_the_same_day_gets_its_own_file(cli: Cli, root: Path) -> None:
    args = ("run", "tenken", "--date", "2026-06-01", "--by", "sato-hanako", "--root", str(root))
    assert cli(*args)[0] == 0
    assert cli(*args)[0] == 0
    names = sorted(p.name for p in (root / "records/runs/2026").glob("tenken-2026-06-01*"))
    assert names == ["tenken-2026-06-01-2.yml", "tenken-2026-06-01.yml"]


def test_an_unknown_person_is_refused_with_the_close_names(cli: Cli, root: Path) -> None:
    code, _, err = cli(
        "run", "monthly", "--date", "2026-06-12", "--by", "sato-hanak", "--root", str(root)
    )
    assert code == 2
    assert "職員 'sato-hanak' は roster.yml にいません (候補: sato-hanako (佐藤 花子))" in err
    assert not list((root / "records/runs/2026").glob("monthly-2026-06-12*"))


def test_a_future_date_is_refused(cli: Cli, root: Path) -> None:
    code, _, err = cli(
        "run", "monthly", "--date", "2199-01-01", "--by", "sato-hanako", "--root", str(root)
    )
    assert code == 2
    assert "実施日 2199-01-01 は今日" in err
    assert not (root / "records/runs/2198").exists()


def test_someone_without_a_post_that_day_or_a_wrong_step_is_refused(cli: Cli, root: Path) -> None:
    code, _, err = cli(
        "run", "monthly", "--date", "2026-08-10", "--by", "suzuki-ichiro", "--root", str(root)
    )
    assert code == 2
    assert "鈴木 一郎 (suzuki-ichiro) は 2026-08-10 にどのポストにも就いていません" in err
    code, _, err = cli(
        "run",
        "monthly",
        "--date",
        "2026-08-10",
        "--by",
        "sato-hanako",
        "--exception",
        "nosuch=x",
        "--root",
        str(root),
    )
    assert code == 2
    assert "'nosuch' は手順書 'monthly' の手順の id ではありません" in err


def test_an_unknown_checklist_names_the_close_ids(cli: Cli, root: Path) -> None:
    code, _, err = cli(
        "run", "monthy", "--date", "2026-08-10", "--by", "sato-hanako", "--root", str(root)
    )
    assert code == 2
    assert "チェックリスト 'monthy' はありません (候補: monthly)" in err
