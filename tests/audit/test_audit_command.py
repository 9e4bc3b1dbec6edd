"""`hikitsugi audit`: every format against golden files, the CSV read back, the JSON schema, exit codes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from conftest import FIXTURES, Golden
from hikitsugi import schema

FIXTURES = FIXTURES / "audit"
KB = str(FIXTURES / "kb")
D = "2026-11-27"
BASE = ("audit", "--root", KB, "--as-of", D, "--no-cache", "--no-git")

CliResult = tuple[int, str, str]
Cli = Callable[..., CliResult]


@pytest.fixture
def ja(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIKITSUGI_LANG", "ja")


@pytest.fixture
def en(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIKITSUGI_LANG", "en")


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("text.txt", ()),
        ("markdown.md", ("--format", "markdown")),
        ("json.json", ("--format", "json")),
        ("csv.csv", ("--format", "csv")),
        ("due-within.txt", ("--due-within", "30")),
        ("due-within.json", ("--due-within", "30", "--format", "json")),
        ("owner-shuji.txt", ("--owner", "shuji")),
    ],
)
def test_formats_match_golden_files(
    cli: Cli, golden: Golden, ja: None, name: str, options: tuple[str, ...]
) -> None:
    code, out, err = cli(*BASE, *options)
    assert (code, err) == (1, "")
    golden(f"audit/{name}", out)


@pytest.mark.parametrize(("name", "form"), [("text-en.txt", "text"), ("csv-en.csv", "csv")])
def test_english_follows_the_language(
    cli: Cli, golden: Golden, en: None, name: str, form: str
) -> None:
    code, out, _ = cli(*BASE, "--format", form)
    assert code == 1
    golden(f"audit/{name}", out)


def test_text_groups_by_owner_post_with_its_people(cli: Cli, ja: None) -> None:
    out = cli(*BASE)[1]
    shared = out.index("■ 学童保育係 主事 (shuji): 佐藤 一郎、鈴木 次郎")
    vacant = out.index("■ 会計担当 (kaikei): 空席")
    assert out.index("runbooks/owner-leaving.yml:1:", shared) < vacant
    assert "健全度 57.9 % (11/19 件にエラーなし)、目安 80 % 以上: 未達" in out


def test_csv_reads_back_with_bom_crlf_and_japanese_headers(cli: Cli, ja: None) -> None:
    out = cli(*BASE, "--format", "csv")[1]
    assert out.startswith("\ufeff")
    assert out.count("\r\n") == out.count("\n")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    assert list(rows[0])[:3] == ["規則", "規則名", "重要度"]
    json_findings = json.loads(cli(*BASE, "--format", "json")[1])["findings"]
    assert len(rows) == len(json_findings)
    assert [(r["規則"], r["ID"], r["行"]) for r in rows] == [
        (f["rule"], f["id"], str(f["line"])) for f in json_findings
    ]
    leaving = next(r for r in rows if r["ID"] == "owner-leaving")
    assert leaving["担当者"] == "佐藤 一郎、鈴木 次郎" and leaving["重要度"] == "警告"


def test_csv_written_to_a_file_keeps_bom_and_crlf(cli: Cli, ja: None, tmp_path: Path) -> None:
    target = tmp_path / "out" / "audit.csv"
    code, out, _ = cli(*BASE, "--format", "csv", "-o", str(target))
    assert (code, out) == (1, "")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\r\r\n" not in raw
    with open(target, encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.reader(stream))) == 1 + 18


@pytest.mark.parametrize("options", [(), ("--due-within", "30"), ("--owner", "tanto")])
def test_json_matches_its_schema(cli: Cli, ja: None, options: tuple[str, ...]) -> None:
    data = json.loads(cli(*BASE, "--format", "json", *options)[1])
    jsonschema.Draft202012Validator(schema.raw("audit-report.schema.json")).validate(data)


def test_json_partial_kb_matches_its_schema(cli: Cli, ja: None) -> None:
    data = json.loads(
        cli(
            "audit",
            "--root",
            str(FIXTURES / "partial"),
            "--as-of",
            D,
            "--no-cache",
            "--format",
            "json",
        )[1]
    )
    jsonschema.Draft202012Validator(schema.raw("audit-report.schema.json")).validate(data)
    assert data["summary"]["skipped"] == ["runbooks/broken.yml", "runbooks/unknown-role.yml"]
    assert len(data["check_errors"]) == 2


def test_json_summary_and_groups_agree_with_findings(cli: Cli, ja: None) -> None:
    data = json.loads(cli(*BASE, "--format", "json")[1])
    findings = data["findings"]
    assert sum(data["summary"]["by_rule"].values()) == len(findings) == 18
    assert sorted(json.dumps(f) for g in data["by_owner"] for f in g["findings"]) == sorted(
        json.dumps(f) for f in findings
    )
    assert data["by_owner"][0]["role"] is None


def test_due_within_lists_only_what_falls_due(cli: Cli, ja: None) -> None:
    data = json.loads(cli(*BASE, "--due-within", "31", "--format", "json")[1])
    assert {f["rule"] for f in data["findings"]} == {"stale", "due-soon"}
    assert "not-due-yet" in {f["id"] for f in data["findings"]}
    assert data["due_within"] == 31


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ((), 1),
        (("--fail-on", "never"), 0),
        (("--owner", "tanto"), 0),  # owns one healthy runbook
        (("--owner", "hoiku"), 0),  # only a warning (owner-leaving)
        (("--owner", "hoiku", "--fail-on", "warning"), 1),
        (("--owner", "shuji", "--fail-on", "warning"), 1),
    ],
)
def test_exit_codes_follow_fail_on(cli: Cli, ja: None, options: tuple[str, ...], code: int) -> None:
    assert cli(*BASE, *options)[0] == code


@pytest.mark.parametrize(
    "options",
    [
        ("--as-of", "2026-02-30"),
        ("--format", "xml"),
        ("--fail-on", "info"),
        ("--due-within", "-1"),
        ("--due-within", "soon"),
        ("--owner", "nobody"),
    ],
)
def test_usage_errors_exit_2(cli: Cli, ja: None, options: tuple[str, ...]) -> None:
    code, out, _ = cli(*BASE, *options)
    assert (code, out) == (2, "")


def test_partly_valid_kb_is_audited_with_skips_and_exits_1(
    cli: Cli, golden: Golden, ja: None
) -> None:
    root = str(FIXTURES / "partial")
    code, out, _ = cli("audit", "--root", root, "--as-of", "2025-06-01", "--no-cache", "--no-git")
    assert code == 1  # nothing is stale yet: the check errors alone fail it
    assert "runbooks/broken.yml\n" in out and "runbooks/unknown-role.yml\n" in out
    assert "check のエラー 2 件" in out and "エラー 0 件" in out
    assert (
        cli("audit", "--root", root, "--as-of", "2025-06-01", "--no-cache", "--fail-on", "never")[0]
        == 0
    )
    golden(
        "audit/partial.txt", cli("audit", "--root", root, "--as-of", D, "--no-cache", "--no-git")[1]
    )


def test_unusable_roster_exits_2_and_prints_the_check_errors(cli: Cli, ja: None) -> None:
    code, out, err = cli(
        "audit", "--root", str(FIXTURES / "bad-roster"), "--as-of", D, "--no-cache"
    )
    assert (code, out) == (2, "")
    assert "roster.yml:7:45:" in err and "until (2022-03-31)" in err


def test_missing_settings_exit_2(cli: Cli, ja: None, tmp_path: Path) -> None:
    code, _, err = cli("audit", "--root", str(tmp_path), "--as-of", D)
    assert code == 2 and "hikitsugi.yml" in err


def test_missing_roster_exits_2(cli: Cli, ja: None, tmp_path: Path) -> None:
    (tmp_path / "hikitsugi.yml").write_text("organization: x\n", encoding="utf-8")
    code, _, err = cli("audit", "--root", str(tmp_path), "--as-of", D, "--no-cache")
    assert code == 2 and "roster.yml" in err


def test_empty_kb_is_healthy(cli: Cli, en: None, tmp_path: Path) -> None:
    (tmp_path / "hikitsugi.yml").write_text("organization: x\n", encoding="utf-8")
    (tmp_path / "roster.yml").write_text("roles: []\npeople: []\n", encoding="utf-8")
    code, out, _ = cli(
        "audit", "--root", str(tmp_path), "--as-of", D, "--no-cache", "--format", "markdown"
    )
    assert code == 0 and "no findings" in out and "health 100 %" in out
