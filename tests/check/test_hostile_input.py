"""Inputs that used to reach the internal-error path (exit 3) or hang: each now gets a message."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, CliResult
from hikitsugi.check import schema_messages  # noqa: F401 - registers the schema messages
from hikitsugi.check.problems import Problem, one_line

RUNBOOK = (
    "id: {id}\ntitle: t\nkind: process\nsummary: s\nowner: kakaricho\n"
    "reviewed_on: 2026-04-01\n{extra}"
)
COMMANDS = ("check", "audit", "rotation", "calendar")


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of blocking for ever (a FIFO used to block every command)."""

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def make_kb(base: str, target: Path) -> Path:
    """Copy the shared base KB of the bad-input fixtures."""
    shutil.copytree(FIXTURES / "bad" / base, target)
    return target


def write(root: Path, relpath: str, text: str) -> None:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_an_extends_chain_of_a_thousand_standards_resolves(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    for i in range(1000):
        extra = f"extends: s{i + 1}\n" if i < 999 else "steps:\n  - id: a\n    title: a\n"
        write(root, f"standards/s{i}.yml", RUNBOOK.format(id=f"s{i}", extra=extra))
    write(root, "runbooks/r.yml", RUNBOOK.format(id="r", extra="extends: s0\n"))
    for command in ("check", "show r", "diff r", "audit"):
        code, out, err = cli(*command.split(), "--root", str(root), "--no-cache")
        assert code == 0, out + err
    assert "id: a" in cli("show", "r", "--root", str(root))[1]


def test_a_thousand_steps_chained_by_after_keep_their_order(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    write(
        root, "standards/s.yml", RUNBOOK.format(id="s", extra="steps:\n  - id: a\n    title: a\n")
    )
    steps = "".join(
        f"  - id: n{i}\n    title: t\n    after: {'a' if i == 0 else f'n{i - 1}'}\n"
        for i in range(1000)
    )
    write(root, "runbooks/r.yml", RUNBOOK.format(id="r", extra="extends: s\nsteps:\n" + steps))
    code, out, err = cli("show", "r", "--root", str(root), "--no-cache")
    assert code == 0, err
    ids = [line.split("id: ")[1] for line in out.splitlines() if line.startswith("- id: ")]
    assert ids == ["a"] + [f"n{i}" for i in range(1000)]


@pytest.mark.parametrize("where", ["runbooks/fifo.yml", "roster.yml", "hikitsugi.yml"])
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_is_an_error_at_its_path_never_a_hang(
    where: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    (root / where).unlink(missing_ok=True)
    os.mkfifo(root / where)
    expected = (
        f"{where}:1:1: 通常のファイルではありません (名前付きパイプ (FIFO))。"
        "手順書などは普通のファイルとして置いてください"
    )
    for command in COMMANDS:
        code, out, err = cli(command, "--root", str(root))
        assert code in (0, 1, 2) and "Traceback" not in err, command
        if command != "calendar":  # the calendar shows what it can read
            assert code in (1, 2) and expected in out + err, command


def test_an_unreadable_folder_is_an_error_not_silence(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, whom chmod 000 does not stop: the refusal is simulated at os.scandir."""
    root = make_kb("_base", tmp_path / "kb")
    write(root, "runbooks/locked/a.yml", RUNBOOK.format(id="locked", extra=""))
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, _ = cli("check", "--root", str(root), "--no-cache")
    assert out.splitlines()[0] == (
        "runbooks/locked:1:1: フォルダの中を読めません: Permission denied (読み取りの権限を確かめてください)"
    )
    assert code == 1


def test_an_unreadable_file_is_an_error(
    tmp_path: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    real_open = os.open

    def refuse(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if str(path).endswith("base.yml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    code, out, _ = cli("check", "--root", str(root), "--no-cache")
    assert out.splitlines()[0] == "runbooks/base.yml:1:1: ファイルを読めません: Permission denied"
    assert code == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permission bits")
def test_a_chmod_000_folder_is_an_error(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    root = make_kb("_base", tmp_path / "kb")
    write(root, "runbooks/locked/a.yml", RUNBOOK.format(id="locked", extra=""))
    (root / "runbooks" / "locked").chmod(0)
    try:
        code, out, _ = cli("check", "--root", str(root), "--no-cache")
    finally:
        (root / "runbooks" / "locked").chmod(0o755)
    assert "runbooks/locked:1:1: フォルダの中を読めません" in out
    assert code == 1


def test_a_shift_jis_file_name_is_named_with_escapes(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    name = os.fsencode(root / "runbooks") + b"/" + "手順.yml".encode("cp932")
    Path(os.fsdecode(name)).write_text(RUNBOOK.format(id="sjis", extra=""), encoding="utf-8")
    for command in COMMANDS:
        code, out, err = cli(command, "--root", str(root), "--no-cache")
        assert code in (0, 1, 2) and "Traceback" not in err, command
    code, out, _ = cli("check", "--root", str(root), "--no-cache")
    assert out.splitlines()[0] == (
        r"runbooks/\x8e\xe8\x8f\x87.yml:1:1: ファイル名が UTF-8 ではありません "
        "(Windows の Shift_JIS の名前のようです)。読みません。ファイル名を UTF-8 で付け直してください"
        " (例: convmv -f cp932 -t utf8 --notest)"
    )
    out.encode("utf-8")  # printable: the escapes replaced the undecodable bytes


def test_user_text_shaped_like_a_message_key_is_shown_as_written(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    runbook = RUNBOOK.format(id="base", extra="").replace("kind: process", "kind: tool")
    write(root, "runbooks/base.yml", runbook.replace("title: t", 'title: "@cli.internal"'))
    for command in ("check", "audit", "show base", "rotation", "calendar"):
        code, _, err = cli(*command.split(), "--root", str(root), "--no-cache")
        assert code in (0, 1), command + err
    assert "title: '@cli.internal'" in cli("show", "base", "--root", str(root))[1]


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_dates_at_the_bounds_work_in_every_fact(
    day: str, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    extra = 'review_every: 99 years\nschedule:\n  - from: "12-31"\n    label: 年末\n'
    write(
        root,
        "runbooks/base.yml",
        RUNBOOK.format(id="base", extra=extra)
        .replace("2026-04-01", day)
        .replace("kind: process", "kind: tool"),
    )
    roster = (root / "roster.yml").read_text(encoding="utf-8").replace("2025-04-01", day)
    write(root, "roster.yml", roster + "        until: 2200-12-31\n")
    out_file = tmp_path / "out.html"
    for command in (
        "check",
        "audit",
        f"audit --as-of {day}",
        f"rotation --as-of {day}",
        f"calendar --as-of {day}",
        f"handover --person sato-hanako -o {out_file}",
        f"onboarding --role tanto -o {out_file}",
    ):
        code, out, err = cli(*command.split(), "--root", str(root), "--no-cache")
        assert code in (0, 1), f"{command}: {out}{err}"


def test_a_problem_is_one_line_whatever_the_value_holds() -> None:
    assert one_line("a\nb\r\nc\rd\u2028e") == r"a\nb\nc\rd\u2028e"
    problem = Problem("f\n.yml", 1, 1, "a\rb", "schema.id", {"value": "x\ny"})
    assert problem.format("ja").startswith(r"f\n.yml:1:1: a\rb: 'x\ny' ")


def test_an_audit_finding_is_one_line_when_a_title_holds_a_line_break(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    root = make_kb("_base", tmp_path / "kb")
    runbook = RUNBOOK.format(id="base", extra="").replace("kind: process", "kind: tool")
    write(root, "runbooks/base.yml", runbook.replace("title: t", 'title: "一行目\\n二行目"'))
    code, out, _ = cli("audit", "--root", str(root), "--no-cache", "--as-of", "2026-05-01")
    assert code == 0  # a warning only
    assert (
        r"  runbooks/base.yml:1: [警告 no-deputy] 一行目\n二行目 (base): 副担当ポストがありません。"
        "deputies に、代わりに対応できるポストを加えてください"
    ) in out.splitlines()
