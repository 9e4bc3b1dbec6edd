"""The site folder is never destroyed: what a build may replace, the swap, and the leftovers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from hikitsugi.render.site.site_folder import (
    MARKER,
    MARKER_TEXT,
    clean_leftovers,
    held,
    refuse_unsafe,
)

KB = FIXTURES / "site" / "kb"
Cli = Callable[..., tuple[int, str, str]]


def snapshot(folder: Path) -> list[tuple[str, bytes | None]]:
    """Every path under *folder* with the bytes of its files."""
    return sorted(
        (str(p.relative_to(folder)), p.read_bytes() if p.is_file() else None)
        for p in folder.rglob("*")
    )


def make_site(folder: Path, version: str) -> None:
    """A small stand-in for a built site, every file saying which build made it."""
    (folder / "runbooks").mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    for name in ("index.html", "sitemap.xml", "runbooks/a.html", "runbooks/b.html"):
        (folder / name).write_text(version, encoding="utf-8")


def site_version(folder: Path) -> str | None:
    """The build a complete, marked site at *folder* comes from, or None if it is not one."""
    names = ("index.html", "sitemap.xml", "runbooks/a.html", "runbooks/b.html")
    if not (folder / MARKER).is_file() or not all((folder / n).is_file() for n in names):
        return None
    versions = {(folder / name).read_text(encoding="utf-8") for name in names}
    return versions.pop() if len(versions) == 1 else None


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    import shutil

    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    return root


@pytest.mark.parametrize(
    "case", ["file", "hikitsugi.yml", "sitemap-only", "kb", "docs", "parent", "fifo-marker"]
)
def test_refuses_anything_but_an_empty_folder_or_a_marked_site(
    kb: Path, tmp_path: Path, cli: Cli, case: str
) -> None:
    target = {
        "file": tmp_path / "site.txt",
        "hikitsugi.yml": kb / "hikitsugi.yml",
        "sitemap-only": tmp_path / "notes",
        "kb": kb,
        "docs": kb / "docs",
        "parent": tmp_path,
        "fifo-marker": tmp_path / "fake-site",
    }[case]
    (tmp_path / "site.txt").write_text("大事なファイル", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (tmp_path / "notes" / "memo.txt").write_text("大事なメモ", encoding="utf-8")
    (tmp_path / "fake-site").mkdir()
    os.mkfifo(tmp_path / "fake-site" / MARKER)  # named like the marker, and would block a read
    before = snapshot(tmp_path)
    code, out, err = cli(
        "build", "--root", str(kb), "--site-dir", str(target), "--as-of", "2026-11-27"
    )
    assert code == 2, out + err
    assert out == ""  # refused before any work: not even the check ran
    assert err.startswith(f"hikitsugi: {target.resolve()} は出力先にできません: ")
    assert err.endswith("何も変更していません\n")
    assert snapshot(tmp_path) == before


def test_an_unmarked_folder_is_refused_with_the_way_forward(tmp_path: Path) -> None:
    old = tmp_path / "site"
    old.mkdir()
    (old / "index.html").write_text("前の版のサイト", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        refuse_unsafe(tmp_path / "kb", old)
    message = caught.value.render("ja")  # type: ignore[attr-defined]
    assert f"hikitsugi が作ったサイトの印 ({MARKER}) もありません" in message
    assert "そのフォルダを消してから作り直すか" in message
    assert "delete the folder" in caught.value.render("en")  # type: ignore[attr-defined]


@pytest.mark.parametrize("state", ["missing", "empty", "marked"])
def test_accepts_a_missing_or_empty_folder_or_a_marked_site(tmp_path: Path, state: str) -> None:
    site = tmp_path / "site"
    if state != "missing":
        site.mkdir()
    if state == "marked":
        make_site(site, "old")
    refuse_unsafe(tmp_path / "kb", site)  # no exception


def test_cleans_only_its_own_leftovers(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_site(site, "current")
    ours = [".site.building-0123abcd", ".site.old-89abcdef", ".site.building-00000000"]
    for name in ours[:2]:
        make_site(tmp_path / name, "killed")
    (tmp_path / ours[2]).mkdir()  # made, then killed before the marker: empty
    strangers = {
        ".site.building-notours": "a name hikitsugi never makes",
        ".site.old-1234abcd": "right name, but no marker",
        ".other.building-0123abcd": "another site's name",
    }
    for name, why in strangers.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "memo.txt").write_text(why, encoding="utf-8")
    (tmp_path / ".site.building-feedface").symlink_to(tmp_path / ".other.building-0123abcd")
    clean_leftovers(site)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*strangers, ".site.building-feedface", "site"])
    assert site_version(site) == "current"


# Runs one build in a child process that stops dead (os._exit) at its k-th change on disk.
# MkDocs is replaced by a stand-in that writes a small site: the swap is what is under test.
CHILD = """
import datetime, os, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from render.site.test_site_folder import make_site
from hikitsugi.render.site import publish, site_folder

root, site, version, kill_at, exchange = sys.argv[1:6]
publish.mkdocs_build = lambda root, target, day, report, strict=False: make_site(target, version)
if exchange == "0":
    site_folder._exchange = lambda first, second: False
steps = []

def step(name):
    steps.append(name)
    if len(steps) - 1 == int(kill_at):
        os._exit(9)

publish.build_site(Path(root), Path(site), datetime.date(2026, 11, 27), step=step)
print(" ".join(steps))
"""


def build_in_child(tmp_path: Path, version: str, kill_at: int, exchange: bool) -> str:
    tests = str(Path(__file__).resolve().parents[2])
    script = CHILD.format(tests=tests)
    args = [str(tmp_path / "kb"), str(tmp_path / "out" / "site"), version, str(kill_at)]
    done = subprocess.run(
        [sys.executable, "-c", script, *args, "1" if exchange else "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (0, 9), done.stderr
    return done.stdout.strip() if done.returncode == 0 else ""


@pytest.mark.slow  # about 30 child processes per variant
@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_a_build_killed_at_any_step_leaves_a_site_and_the_next_build_cleans_up(
    tmp_path: Path, exchange: bool
) -> None:
    (tmp_path / "kb").mkdir()
    site = tmp_path / "out" / "site"
    steps = build_in_child(tmp_path, "v0", -1, exchange).split()
    assert site_version(site) == "v0"
    steps = build_in_child(tmp_path, "v1", -1, exchange).split()  # the full list, a site there
    assert ("exchanged" in steps) == exchange and "remove-entry" in steps
    for kill_at in range(len(steps)):
        version = f"k{kill_at}"
        build_in_child(tmp_path, version, kill_at, exchange)
        survivor = site_version(site)
        if exchange or steps[kill_at] != "retired":
            assert survivor is not None, (kill_at, steps[kill_at])  # old or new, complete
        else:
            assert survivor is None  # the gap of two renames: the next build puts it back
        build_in_child(tmp_path, f"after-{version}", -1, exchange)
        assert site_version(site) == f"after-{version}", (kill_at, steps[kill_at])
        assert sorted(p.name for p in site.parent.iterdir()) == ["site"], steps[kill_at]


def test_a_build_still_running_keeps_its_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    running = tmp_path / ".site.building-0123abcd"
    make_site(running, "half-built")
    with held(running):
        clean_leftovers(site)  # another build starting now
        assert running.is_dir()
    clean_leftovers(site)
    assert not running.exists()


def test_a_kill_in_the_gap_of_two_renames_is_repaired_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / ".site.old-0123abcd").mkdir()
    make_site(tmp_path / ".site.old-0123abcd", "previous")
    clean_leftovers(site)
    assert site_version(site) == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.slow  # builds the site with MkDocs
def test_a_built_site_carries_the_marker_and_can_be_rebuilt(
    kb: Path, tmp_path: Path, cli: Cli
) -> None:
    site = tmp_path / "site"
    for _ in range(2):
        code, out, err = cli(
            "build", "--root", str(kb), "--site-dir", str(site), "--as-of", "2026-11-27"
        )
        assert (code, err) == (0, ""), out
        assert (site / MARKER).read_text(encoding="utf-8") == MARKER_TEXT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb", "site"]
