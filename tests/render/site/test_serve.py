"""`hikitsugi serve`: a rebuild after an edit makes the same site as a full build, writing less."""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import hikitsugi
from conftest import FIXTURES, CliResult
from hikitsugi.commands.serve import address
from hikitsugi.errors import UsageError
from hikitsugi.render.site.serve import Builder, config_file_of

KB = FIXTURES / "site" / "kb"
DAY = datetime.date(2026, 11, 27)
PAGE = "runbooks/intake.html"
UNRELATED = "runbooks/hostile.html"  # neither uses nor is used by intake


@pytest.fixture(params=["mkdocs.yml", "embedded"])
def kb(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    if request.param == "embedded":
        (root / "mkdocs.yml").unlink()
    return root


@contextmanager
def builder_of(root: Path, site: Path, lines: list[str]) -> Iterator[Builder]:
    """A Builder of *root*'s site into *site*, as `hikitsugi serve` makes it."""
    with config_file_of(root, lines.append) as (config_file, lang):
        yield Builder(root, config_file, site, DAY, lines.append, lang)


def full_build(root: Path, site: Path) -> dict[str, bytes]:
    with builder_of(root, site, []) as builder:
        assert builder()
    return files_of(site)


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "runbooks" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("intake.yml", "窓口で申請書を受け取る", "窓口で申請書と添付書類を受け取る"),  # one page
        ("gakudo-system.yml", "title: 学童クラブ管理システム", "title: 学童システム"),  # the nav
    ],
)
def test_a_rebuild_after_an_edit_is_the_full_build_byte_for_byte(
    kb: Path, tmp_path: Path, name: str, old: str, new: str
) -> None:
    lines: list[str] = []
    with builder_of(kb, tmp_path / "served", lines) as builder:
        assert builder()
        unrelated = (tmp_path / "served" / UNRELATED).stat().st_mtime_ns
        edit(kb, name, old, new)
        assert builder()
    served = files_of(tmp_path / "served")
    expected = full_build(kb, tmp_path / "full")
    assert served.keys() == expected.keys()
    assert [path for path in expected if served[path] != expected[path]] == []
    assert (
        new.removeprefix("title: ").encode()
        in served[PAGE if name == "intake.yml" else "runbooks/gakudo-system.html"]
    )
    if name == "intake.yml":  # one step changed: the unrelated page is not written again
        assert (tmp_path / "served" / UNRELATED).stat().st_mtime_ns == unrelated
    assert not [line for line in lines if "dirty" in line], lines


@pytest.mark.slow
def test_a_bad_edit_keeps_the_last_good_site_and_says_why(kb: Path, tmp_path: Path) -> None:
    lines: list[str] = []
    with builder_of(kb, tmp_path / "served", lines) as builder:
        assert builder()
        good = files_of(tmp_path / "served")
        edit(kb, "intake.yml", "zone: paper", "zone: lgwam")
        assert not builder()
        assert files_of(tmp_path / "served") == good
        assert any("lgwam" in line and "intake.yml" in line for line in lines), lines
        assert "直すまで前のサイトを表示します" in lines[-1]
        edit(kb, "intake.yml", "zone: lgwam", "zone: paper")
        assert builder()
    assert files_of(tmp_path / "served") == full_build(kb, tmp_path / "full")


def test_the_address_is_host_and_port() -> None:
    assert address("127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert address("[::1]:8080") == ("::1", 8080)
    for wrong in ("8000", "localhost:", "localhost:http", "127.0.0.1:70000"):
        with pytest.raises(UsageError):
            address(wrong)


def test_serve_refuses_to_start_on_a_kb_with_errors(
    kb: Path, cli: Callable[..., CliResult]
) -> None:
    edit(kb, "intake.yml", "zone: paper", "zone: lgwam")
    code, out, _ = cli("serve", "--root", str(kb), "-a", "127.0.0.1:1")
    assert code == 1
    assert "lgwam" in out
    assert "もう一度 hikitsugi serve を実行してください" in out


def test_a_port_in_use_is_said_in_japanese(kb: Path, cli: Callable[..., CliResult]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = cli("serve", "--root", str(kb), "-a", f"127.0.0.1:{port}")
    assert code == 2
    assert f"127.0.0.1:{port} でサイトを見せられません" in err
    assert "-a 127.0.0.1:8001" in err


@pytest.mark.slow
def test_hikitsugi_serve_shows_an_edit_in_the_served_page(kb: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "hikitsugi", "serve", "--root", str(kb), "-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/{PAGE}"
    try:
        assert wait_for(url, "窓口で申請書を受け取る", process), read(tmp_path / "serve.log")
        edit(kb, "intake.yml", "窓口で申請書を受け取る", "窓口で申請書と添付書類を受け取る")
        assert wait_for(url, "添付書類", process), read(tmp_path / "serve.log")
        output = read(tmp_path / "serve.log")
        assert f"サイトを http://127.0.0.1:{port}/ で見られます" in output
        assert "サイトを作り直しました" in output
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
        log.close()


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")[-3000:]


def wait_for(url: str, text: str, process: subprocess.Popen[bytes]) -> bool:
    """Fetch *url* until it contains *text* (a deadline, not a timing: False if it never does)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_a_template_or_mkdocs_setting_edit_builds_everything_again(
    kb: Path, tmp_path: Path
) -> None:
    with builder_of(kb, tmp_path / "served", []) as builder:
        assert builder()
        override = kb / "templates" / "site" / "runbook.html.j2"
        override.parent.mkdir(parents=True)
        builtin = Path(hikitsugi.__file__).parent / "templates" / "site" / "runbook.html.j2"
        override.write_text(
            builtin.read_text(encoding="utf-8") + "<p>市の追記</p>\n", encoding="utf-8"
        )
        assert builder()
    served = files_of(tmp_path / "served")
    assert "市の追記".encode() in served[UNRELATED]
    assert served == full_build(kb, tmp_path / "full")
