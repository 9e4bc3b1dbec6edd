"""The sample city's 事務引継書: 北栄町職員事務引継規程 第8条's items, signers, draft, frozen copy."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from hikitsugi.check.checker import check
from hikitsugi.render.print.packs import handover_pack

DAY = "2027-03-15"
LEAVER = "tanaka-hanako"  # 学童保育係長, last day 2027-03-31, no successor named yet
PARTS = ("runbooks", "checklists", "standards", "handovers")
ARTICLE_8 = (  # the headings, in the order of 第8条
    "担当事務の概要及び経過・現況",
    "方針・意見",
    "今後12か月の予定",
    "未処理事項",
    "引継書類・帳簿の目録",
    "物品",
    "移管するシステムアカウント・権限",
    "連絡先",
)
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm"))


def sample(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    for part in PARTS:
        shutil.copytree(REPO / part, root / part)
    for name in ("hikitsugi.yml", "roster.yml"):
        shutil.copy(REPO / name, root / name)
    return root


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def kb():
    result = check(REPO, use_cache=False)
    assert not result.errors
    return result.kb


def test_golden_html_of_the_sample_leavers_pack(cli, golden):
    from test_documents import without_print_css

    code, out, err = cli("handover", "--root", str(REPO), "--person", LEAVER, "--as-of", DAY)
    assert code == 0, err
    golden("print/handover-sample-tanaka-hanako.html", without_print_css(out))


def test_the_sections_come_in_the_order_of_article_8(cli):
    out = cli("handover", "--root", str(REPO), "--person", LEAVER, "--as-of", DAY)[1]
    headings = [flat(h) for h in re.findall(r"<h2>\d+\. (.+?)</h2>", out)]
    assert len(headings) == len(ARTICLE_8)
    for heading, expected in zip(headings, ARTICLE_8):
        assert heading.startswith(flat(expected)), (heading, expected)


def test_the_body_names_no_file_and_prepared_on_once(cli):
    out = cli("handover", "--root", str(REPO), "--person", LEAVER, "--as-of", DAY)[1]
    body = out.split("<body>")[1].split('<div class="page-break">')[0]
    for folder in PARTS:  # the runbooks' own text may name roster.yml; no source path is printed
        assert f"{folder}/" not in body
    assert LEAVER not in body and "shinsa-seikyu" not in body
    sheets = re.sub(r'<div class="footer">.*?</div>', "", out.split("<body>")[1], flags=re.DOTALL)
    visible = re.sub(r"<[^>]+>", " ", sheets)
    assert "nendomatsu-hikitsugi-kakunin" not in visible  # the sheets' source footers only
    assert out.count("基準日:") == 1 and "作成日" not in out  # the page footer only


def test_without_a_successor_the_kacho_takes_it_as_deputy(kb):
    pack = handover_pack(kb, kb.roster.person(LEAVER), datetime.date(2027, 3, 15), "ja")
    rows = [(s.label, s.name, s.title) for s in pack.signers]
    assert rows == [
        ("outgoing", "田中 花子", "学童保育係長"),
        ("deputy", "森 和彦", "子ども家庭課長"),
        ("witness", "森 和彦", "子ども家庭課長"),
        ("head", "森 和彦", "子ども家庭課長"),
    ]
    assert pack.deadline == "発令日 2027-04-01 から 7 日以内 (2027-04-07 まで)"


def test_a_successor_in_a_shared_post_signs_with_the_witness_above(kb):
    pack = handover_pack(kb, kb.roster.person("suzuki-daisuke"), datetime.date(2027, 3, 15), "ja")
    rows = [(s.label, s.name, s.title) for s in pack.signers]
    assert rows[1:] == [
        ("incoming", "中村 さくら", "入所担当主事"),
        ("witness", "山田 誠", "入所担当主査"),
        ("head", "森 和彦", "子ども家庭課長"),
    ]


def test_closed_issues_are_history_not_unfinished(kb):
    pack = handover_pack(kb, kb.roster.person(LEAVER), datetime.date(2027, 3, 15), "ja")
    texts = [row.issue.text for row in pack.issues]
    assert not any("借用者" in text for text in texts)  # closed on 2025-10-15
    assert any(row.issue.counterpart for row in pack.issues)


def test_handover_checklists_are_attached_and_deputy_sheets_only_when_asked(kb):
    person = kb.roster.person(LEAVER)
    day = datetime.date(2027, 3, 15)
    sheets = [s.id for s in handover_pack(kb, person, day, "ja").sheets]
    assert sheets[0] == "nendomatsu-hikitsugi-kakunin"
    assert "ikkatsu-uketsuke" not in sheets  # a duty held as deputy
    with_deputy = [s.id for s in handover_pack(kb, person, day, "ja", with_deputy=True).sheets]
    assert "ikkatsu-uketsuke" in with_deputy


def test_draft_lists_every_duty_and_never_overwrites(tmp_path, cli):
    root = sample(tmp_path)
    (root / "handovers" / f"{LEAVER}.yml").unlink()
    args = ("handover", "--root", str(root), "--person", LEAVER, "--as-of", DAY, "--draft")
    code, _, err = cli(*args)
    assert code == 0, err
    draft = root / "handovers" / f"{LEAVER}.yml"
    text = draft.read_text(encoding="utf-8")
    assert "runbook: shinsa-seikyu" in text and 'state: ""' in text
    assert check(root, use_cache=False).ok  # the draft passes check as written
    draft.write_text(text.replace('state: ""', "state: 記入済み", 1), encoding="utf-8")
    code, _, err = cli(*args)
    assert code == 2 and "handovers" in err
    assert "state: 記入済み" in draft.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")
def test_the_pdf_holds_every_item_signer_and_the_leavers_words(tmp_path, cli, kb):
    pdf = tmp_path / "pack.pdf"
    code, _, err = cli(
        "handover", "--root", str(REPO), "--person", LEAVER, "--as-of", DAY, "--pdf", "-o", str(pdf)
    )
    assert code == 0, err
    text = flat(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    )
    pack = handover_pack(kb, kb.roster.person(LEAVER), datetime.date(2027, 3, 15), "ja")
    expected = [*ARTICLE_8, "前任者", "代理者", "立会人", "所属長", pack.deadline]
    expected += [s.name for s in pack.signers] + [s.title for s in pack.signers]
    expected += [row.ledger.name for row in pack.ledgers] + [row.item.name for row in pack.items]
    expected += [duty.state for duty in pack.duties if duty.state] + [pack.policy]
    assert pack.ledgers and pack.items
    for phrase in expected:
        assert flat(phrase) in text, phrase


@pytest.mark.slow
def test_a_frozen_copy_verifies_and_a_one_byte_change_is_named(tmp_path, cli):
    root = sample(tmp_path)
    code, out, err = cli(
        "handover", "--root", str(root), "--person", LEAVER, "--as-of", DAY, "--freeze"
    )
    assert code == 0, err
    pdf = root / "archive" / "handovers" / "2026" / f"{LEAVER}-{DAY}.pdf"
    manifest = json.loads(pdf.with_name(f"{LEAVER}-{DAY}.manifest.json").read_text("utf-8"))
    assert manifest["as_of"] == DAY and manifest["git_commit"] is None
    assert f"handovers/{LEAVER}.yml" in manifest["sources"] and "roster.yml" in manifest["sources"]
    assert cli("verify", str(pdf))[0] == 0
    again = cli("handover", "--root", str(root), "--person", LEAVER, "--as-of", DAY, "--freeze")
    assert again[0] == 2  # never overwrites
    source = root / "handovers" / f"{LEAVER}.yml"
    original = source.read_bytes()
    source.write_bytes(original[:-1] + b"!")
    code, out, _ = cli("verify", str(pdf))
    assert code == 1 and f"handovers/{LEAVER}.yml" in out and pdf.name not in out
    source.write_bytes(original)
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 1
    pdf.write_bytes(bytes(data))
    code, out, _ = cli("verify", str(pdf))
    assert code == 1 and pdf.name in out and "handovers/" not in out
