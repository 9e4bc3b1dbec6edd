"""The inventory as a file: CSV for Excel (BOM, CRLF), an .xlsx workbook, or a Markdown table."""

from __future__ import annotations

import csv
import datetime
import io

from hikitsugi.facts.workload import figure_text
from hikitsugi.inventory.table import COUNT, DATE, DECIMAL, Cell, Inventory

SHEET_TITLE = "業務棚卸表"
# one format per column: 14 and 12.5 minutes both show one decimal, as the column's other cells do
NUMBER_FORMATS = {COUNT: "#,##0", DECIMAL: "#,##0.0", DATE: "yyyy-mm-dd"}


def cell_text(value: Cell) -> str:
    """Say a cell as the CSV and Markdown do: hours to one decimal, '' for unknown."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return figure_text(value)
    return str(value)


def csv_bytes(table: Inventory) -> bytes:
    """Return the CSV for Excel: UTF-8 with a BOM, CRLF line ends, the header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([cell_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_text(table: Inventory) -> str:
    """Return a Markdown table; number columns align right."""
    lines = ["| " + " | ".join(_markdown_cell(h) for h in table.header) + " |"]
    lines.append(
        "|" + "|".join("---:" if k in (COUNT, DECIMAL) else "---" for k in table.kinds) + "|"
    )
    for row in table.rows:
        lines.append("| " + " | ".join(_markdown_cell(cell_text(v)) for v in row) + " |")
    return "\n".join(lines) + "\n"


def _width(texts: list[str]) -> float:
    """Column width in Excel's character units: a full-width character counts two."""
    longest = max((sum(2 if ord(c) > 0x2E7F else 1 for c in text) for text in texts), default=4)
    return min(max(longest + 2, 6), 50)


def xlsx_bytes(table: Inventory) -> bytes:
    """Return the workbook: bold frozen header with a filter, set widths, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = SHEET_TITLE
    sheet.append(list(table.header))
    for row in table.rows:
        # hours and minutes to one decimal, as the CSV says them; a blank cell for unknown
        sheet.append([round(v, 1) if isinstance(v, float) else v for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, kind in enumerate(table.kinds, start=1):
        letter = get_column_letter(index)
        texts = [cell_text(row[index - 1]) for row in table.rows]
        sheet.column_dimensions[letter].width = _width([*texts, table.header[index - 1][:12]])
        if kind in NUMBER_FORMATS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = NUMBER_FORMATS[kind]
    sheet.row_dimensions[1].height = 30  # two lines: Excel does not grow a row for wrapped text
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
