"""PDF output through WeasyPrint: font embedded, text extractable, one page, not blank.

Each WeasyPrint run costs about a second, so this file makes two PDFs and asks them everything.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import CHROMIUM, CHROMIUM_ARGS, FIXTURES

KB_DIR = FIXTURES / "print" / "kb"
POPPLER = all(shutil.which(tool) for tool in ("pdffonts", "pdftotext", "pdfinfo", "pdftoppm"))
pytestmark = [
    pytest.mark.slow,  # every test here makes a PDF
    pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed"),
]

FIFTEEN_STEPS = 12  # 12 steps with a check line, 3 of them with caution or transfer, + 3 items


def fifteen_item_runbook() -> tuple[str, list[str]]:
    """Return a runbook whose checklist has exactly 15 lines, and those lines."""
    lines, steps = [], []
    for n in range(1, FIFTEEN_STEPS + 1):
        text = f"確認項目その{n}: 書類の記載内容と台帳の登録内容が一致していることを確かめた"
        lines.append(text)
        step = {"id": f"s{n}", "title": f"手順{n}", "zone": "lgwan", "check": text}
        if n % 4 == 0:
            step["caution"] = "個人番号を含む書類は施錠できる書庫に戻す"
        if n == 6:
            step["transfer"] = {"from": "internet", "to": "lgwan", "method": "sanitize"}
        steps.append(step)
    extra = [f"最終確認その{n}: 関係書類を綴じて所定の場所に戻した" for n in range(1, 4)]
    runbook = {
        "id": "long-check",
        "title": "十五項目の確認",
        "kind": "process",
        "summary": "長いチェックリストの試験。",
        "owner": "gakudo-tanto",
        "reviewed_on": "2026-06-01",
        "checklist": {"items": extra},
        "steps": steps,
    }
    return yaml.safe_dump(runbook, allow_unicode=True), lines + extra


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def dark_share(pgm: Path) -> tuple[float, float]:
    """Return (share of dark pixels, variance) of a binary PGM (P5) file."""
    data = pgm.read_bytes()
    fields, index = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; skip whitespace and comments
        while data[index : index + 1].isspace():
            index += 1
        if data[index : index + 1] == b"#":
            index = data.index(b"\n", index)
            continue
        end = index
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[index:end])
        index = end
    pixels = data[index + 1 :]
    assert fields[0] == b"P5" and len(pixels) == int(fields[1]) * int(fields[2])
    mean = sum(pixels) / len(pixels)
    variance = sum((p - mean) ** 2 for p in pixels[::7]) / len(pixels[::7])
    return sum(1 for p in pixels if p < 128) / len(pixels), variance


def assert_pages_not_blank(pdf: Path, tmp_path: Path) -> int:
    run("pdftoppm", "-gray", "-r", "20", str(pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.pgm"))
    for page in pages:
        dark, variance = dark_share(page)
        assert dark > 0.0005 and variance > 20, (
            f"{page.name} looks blank ({dark:.4f}, {variance:.0f})"
        )
    return len(pages)


def test_fifteen_line_checklist_is_one_page_with_the_font_embedded(tmp_path, cli):
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR, root)
    body, lines = fifteen_item_runbook()
    (root / "runbooks" / "long.yml").write_text(body, encoding="utf-8")
    pdf = tmp_path / "long.pdf"
    code, _, err = cli(
        "checklist",
        "long-check",
        "--pdf",
        "-o",
        str(pdf),
        "--root",
        str(root),
        "--as-of",
        "2027-02-01",
    )
    assert code == 0, err
    assert "Pages:           1" in run("pdfinfo", str(pdf))
    fonts = [line.split() for line in run("pdffonts", str(pdf)).splitlines()[2:]]
    assert fonts and all("NotoSansCJKJP" in f[0].replace("-", "") for f in fonts)
    assert all(f[-5] == "yes" for f in fonts), fonts  # the emb column
    text = "".join(run("pdftotext", str(pdf), "-").split())
    assert "十五項目の確認チェックリスト" in text
    for line in lines:
        assert "".join(line.split()) in text, line
    assert assert_pages_not_blank(pdf, tmp_path) == 1


def test_handover_pack_pdf(tmp_path, cli):
    pdf = tmp_path / "sato.pdf"
    code, _, err = cli(
        "handover",
        "--person",
        "sato-ichiro",
        "--pdf",
        "-o",
        str(pdf),
        "--root",
        str(KB_DIR),
        "--as-of",
        "2027-02-01",
    )
    assert code == 0, err
    text = "".join(run("pdftotext", str(pdf), "-").split())
    for expected in (
        "事務引継書",
        "佐藤一郎",
        "鈴木次郎",
        "学童クラブ入会申請の受付",
        "移管するシステムアカウント",
        "印",
    ):
        assert expected in text
    # cover and sections flowing on (2 pages), then one sheet per owned duty with check lines
    # (intake, opening day); the deputised fee's sheet only comes with --with-deputy
    assert assert_pages_not_blank(pdf, tmp_path) == 4


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")
def test_a_browser_prints_the_html_on_one_page_too(tmp_path, cli):
    """The HTML (no --pdf) printed by Chromium gives the same single A4 page."""
    playwright = pytest.importorskip("playwright.sync_api")
    root = tmp_path / "kb"
    shutil.copytree(KB_DIR, root)
    body, _ = fifteen_item_runbook()
    (root / "runbooks" / "long.yml").write_text(body, encoding="utf-8")
    html = tmp_path / "long.html"
    code, _, err = cli(
        "checklist", "long-check", "-o", str(html), "--root", str(root), "--as-of", "2027-02-01"
    )
    assert code == 0, err
    pdf = tmp_path / "chromium.pdf"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(html.as_uri())
            page.pdf(path=str(pdf), prefer_css_page_size=True)
        finally:
            browser.close()
    info = run("pdfinfo", str(pdf))
    assert "Pages:           1" in info and "(A4)" in info
