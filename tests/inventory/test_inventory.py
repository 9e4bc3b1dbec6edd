"""`hikitsugi inventory`: the 業務棚卸表 of the sample city as CSV, xlsx and Markdown."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import yaml

from conftest import REPO, Golden
from hikitsugi.check.checker import check
from hikitsugi.facts.workload import workload
from hikitsugi.inventory.formats import cell_text
from hikitsugi.inventory.table import inventory

Cli = Callable[..., tuple[int, str, str]]


def test_markdown_matches_golden(cli: Cli, golden: Golden) -> None:
    code, out, err = cli("inventory", "--root", str(REPO), "--no-cache")
    assert code == 0, err
    golden("inventory/sample.md", out)


def test_csv_is_for_excel_and_matches_golden(cli: Cli, golden: Golden, tmp_path: Path) -> None:
    target = tmp_path / "棚卸.csv"
    code, out, err = cli("inventory", "--root", str(REPO), "--no-cache", "-o", str(target))
    assert code == 0, err
    assert "棚卸.csv を書き出しました (26 件の手順書)" in out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n") == 27  # the header and 26 runbooks
    golden("inventory/sample.csv", data.decode("utf-8"))


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_xlsx_reads_back_as_the_same_rows_as_the_csv(cli: Cli, tmp_path: Path) -> None:
    assert cli("inventory", "--root", str(REPO), "-o", str(tmp_path / "a.csv"))[0] == 0
    assert cli("inventory", "--root", str(REPO), "-o", str(tmp_path / "a.xlsx"))[0] == 0
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    sheet = book["業務棚卸表"]
    # a date cell reads back as a datetime at midnight: the day is what the CSV says
    cells = [
        [v.date() if isinstance(v, datetime.datetime) else v for v in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert [[cell_text(value) for value in row] for row in cells] == _csv_rows(tmp_path / "a.csv")
    header = cells[0]
    assert header[0] == "手順書 id" and "うち再入力 (時間/年)" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}27"
    assert all(sheet.column_dimensions[c].width >= 6 for c in "ABCDEFGHIJKLMNO")
    assert sheet["A1"].font.bold
    by_id = {row[0]: dict(zip(header, row)) for row in cells[1:]}
    intake = by_id["shinsei-nyuryoku"]
    assert intake["年間件数"] == 600 and isinstance(intake["年間件数"], int)
    assert intake["うち再入力 (時間/年)"] == 60.0  # a number, not text: Excel can sum it
    assert intake["データ移動: 手入力による再入力"] == 1
    assert by_id["gakudo-system"]["年間件数"] is None  # not filled in: blank, not 0
    assert intake["最終見直し"] == datetime.date(2026, 11, 2)  # a date Excel sorts and filters
    formats = {cell.column_letter: cell.number_format for cell in sheet[3]}
    assert formats["K"] == "#,##0" and formats["N"] == "#,##0.0" and formats["O"] == "yyyy-mm-dd"


def test_figures_follow_volume_and_minutes_read_independently() -> None:
    kb = check(REPO, use_cache=False).kb
    for path in sorted((REPO / "runbooks").rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        volume = data.get("volume")
        figures = workload(kb.runbooks[data["id"]])
        if volume is None:
            assert figures.cases_per_year is None and figures.hours_per_year is None
            continue
        cases = volume["count"] * (12 if volume["per"] == "month" else 1)
        minutes = sum(s.get("minutes", 0) for s in data["steps"])
        rekey = sum(
            s.get("minutes", 0)
            for s in data["steps"]
            if s.get("transfer", {}).get("method") == "rekey"
        )
        assert figures.cases_per_year == cases
        assert figures.hours_per_year == minutes * cases / 60
        assert figures.rekey_hours_per_year == rekey * cases / 60


def test_every_runbook_has_one_row_in_the_vocabularys_words() -> None:
    kb = check(REPO, use_cache=False).kb
    table = inventory(kb, "ja")
    assert sorted(row[0] for row in table.rows) == sorted(kb.runbooks)
    assert {row[3] for row in table.rows} == {"業務手順", "システム・ツール"}
    assert {row[4] for row in table.rows} == {"運用中", "廃止", "下書き"}
    english = inventory(kb, "en")
    assert english.header[1] == "Runbook" and english.rows[0][3] in ("process", "tool")


def test_xlsx_needs_a_file_and_format_follows_the_suffix(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("inventory", "--root", str(REPO), "--format", "xlsx")
    assert code == 2 and "-o" in err
    assert cli("inventory", "--root", str(REPO), "-o", str(tmp_path / "b.md"))[0] == 0
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("| 手順書 id |")
