"""The command line: exit codes, languages, `new`, `schema`, and no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, CliResult
from hikitsugi import __version__
from hikitsugi import cli as cli_module
from hikitsugi.check.checker import check


def make_kb(root: Path, language: str = "ja") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "hikitsugi.yml").write_text(
        f"organization: テスト市\nlanguage: {language}\n", encoding="utf-8"
    )
    (root / "roster.yml").write_text(
        "roles:\n  - {id: kakaricho, title: 係長}\npeople:\n  - id: a\n    name: 甲\n    assignments:\n"
        "      - {role: kakaricho, from: 2024-04-01}\n",
        encoding="utf-8",
    )
    return root


def test_version_and_help(
    cli: Callable[..., CliResult], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("--version")[0] == 0
    assert __version__ in capsys.readouterr().out
    assert cli("--help")[0] == 0
    help_text = capsys.readouterr().out
    assert "check" in help_text and "バージョンを表示して終了する" in help_text


def test_the_sample_city_checks_clean(cli: Callable[..., CliResult]) -> None:
    code, out, err = cli("check", "--root", str(REPO), "--no-cache")
    assert (code, err) == (0, "")
    assert "問題はありません" in out


def test_usage_errors_exit_2(cli: Callable[..., CliResult]) -> None:
    assert cli("check", "--format", "xml")[0] == 2
    assert cli("no-such-command")[0] == 2


def test_a_folder_without_settings_exits_2_with_a_clear_message(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    code, _out, err = cli("check", "--root", str(tmp_path))
    assert code == 2
    assert "hikitsugi.yml" in err and "Traceback" not in err


def test_messages_follow_the_kb_language(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HIKITSUGI_LANG", raising=False)
    root = make_kb(tmp_path / "kb", "en")
    (root / "runbooks").mkdir()
    (root / "runbooks" / "x.yml").write_text(
        "id: x\ntitle: t\nkind: tool\nsummary: s\nowner: nobody\n", encoding="utf-8"
    )
    code, out, _ = cli("check", "--root", str(root), "--no-cache")
    assert code == 1
    assert "runbooks/x.yml:5:1: owner: role 'nobody' is not in roster.yml" in out


def test_an_internal_error_is_reported_without_a_traceback(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("HIKITSUGI_DEBUG", raising=False)
    monkeypatch.setattr("hikitsugi.commands.check.check", broken)
    code, _out, err = cli("check", "--root", str(REPO))
    assert code == 3
    assert "RuntimeError" in err and "README" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["process", "tool", "checklist"])
def test_new_writes_a_valid_starter_and_refuses_to_overwrite(
    kind: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb(tmp_path / "kb")
    assert cli("schema", "-o", str(root / "docs" / "schema"))[0] == 0
    code, _out, err = cli(
        "new",
        kind,
        "gakudo-intake",
        "--title",
        "学童クラブ入所申請の受付",
        "--owner",
        "kakaricho",
        "--root",
        str(root),
    )
    assert code == 0, err
    folder = "checklists" if kind == "checklist" else "runbooks"
    written = root / folder / "gakudo-intake.yml"
    text = written.read_text(encoding="utf-8")
    schema_name = "checklist" if kind == "checklist" else "runbook"
    assert text.startswith(
        f"# yaml-language-server: $schema=../docs/schema/{schema_name}.schema.json\n"
    )
    assert check(root, use_cache=False).errors == []
    code, _, err = cli("new", kind, "gakudo-intake", "--title", "別", "--root", str(root))
    assert code == 2 and "上書き" in err
    assert written.read_text(encoding="utf-8") == text


def test_new_writes_japanese_as_text_and_no_schema_comment_that_points_nowhere(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb(tmp_path / "kb")
    code, out, _ = cli("new", "process", "x", "--title", "入所申請の受付", "--root", str(root))
    text = (root / "runbooks" / "x.yml").read_text(encoding="utf-8")
    assert code == 0 and 'title: "入所申請の受付"\n' in text
    assert "$schema" not in text  # this KB has no docs/schema/ (hikitsugi schema writes it)
    assert "hikitsugi check" in out


def test_new_refuses_an_owner_that_is_not_a_role_id(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb(tmp_path / "kb")
    code, _, err = cli(
        "new", "process", "x", "--title", "t", "--owner", "係長", "--root", str(root)
    )
    assert code == 2
    assert err == (
        "hikitsugi: '係長' はポスト名です。roster.yml のポストの id 'kakaricho' を書いてください\n"
    )
    code, _, err = cli(
        "new", "process", "x", "--title", "t", "--owner", "kacho", "--root", str(root)
    )
    assert code == 2 and "'kacho' は roster.yml にありません" in err and "kakaricho" in err
    assert not (root / "runbooks").exists()


def test_new_refuses_a_bad_id(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    root = make_kb(tmp_path / "kb")
    code, _, err = cli("new", "process", "Gakudo_Intake", "--title", "x", "--root", str(root))
    assert code == 2 and "Gakudo_Intake" in err
    assert not (root / "runbooks").exists()


def test_new_escapes_titles_that_look_like_yaml(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb(tmp_path / "kb")
    title = 'key: "value" # not a comment'
    assert cli("new", "tool", "tricky", "--title", title, "--root", str(root))[0] == 0
    assert check(root, use_cache=False).kb.runbooks["tricky"].title == title


def test_schema_command_publishes_what_the_repository_ships(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    assert cli("schema", "--output", str(tmp_path / "schema"))[0] == 0
    for shipped in (REPO / "docs" / "schema").iterdir():
        assert (tmp_path / "schema" / shipped.name).read_text(
            encoding="utf-8"
        ) == shipped.read_text(encoding="utf-8")


def test_the_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hikitsugi", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_language_guess_reads_the_root_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HIKITSUGI_LANG", raising=False)
    make_kb(tmp_path / "kb", "en")
    assert cli_module.guess_language(["check", "--root", str(tmp_path / "kb")]) == "en"
    assert cli_module.guess_language([f"--root={tmp_path / 'kb'}"]) == "en"
    assert cli_module.guess_language(["--root", str(tmp_path)]) == "ja"


def test_argparse_speaks_japanese_by_default(
    cli: Callable[..., CliResult],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HIKITSUGI_LANG", "ja")
    assert cli("check", "--format", "xml")[0] == 2
    err = capsys.readouterr().err
    assert "エラー" in err and "'xml' は選べません" in err
    monkeypatch.setenv("HIKITSUGI_LANG", "en")
    assert cli("check", "--format", "xml")[0] == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
