"""Build the site with MkDocs into a temporary folder, and swap it in only on success."""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hikitsugi.errors import HikitsugiError, WriteError
from hikitsugi.i18n import ref, register
from hikitsugi.io import make_folder, new_folder_mode

CONFIG_FILE = "mkdocs.yml"

register(
    {
        "build.no-mkdocs-yml": (
            "{root} に mkdocs.yml がありません (サイトの設定。サンプル市の mkdocs.yml を写して使えます)",
            "{root} has no mkdocs.yml (the site's settings; copy the sample city's)",
        ),
        "build.no-plugin": (
            "{config} の plugins に hikitsugi がありません (plugins: [hikitsugi] を書いてください)",
            "{config} does not list the hikitsugi plugin (add plugins: [hikitsugi])",
        ),
        "build.unsafe-site-dir": (
            "{site} は出力先にできません: {reason}。--site-dir で空のフォルダか前に作ったサイトを指定してください",
            "{site} cannot be the output folder: {reason}; point --site-dir at an empty folder or a previous site",
        ),
        "build.reason-kb": (
            "ナレッジベースそのもの、またはそれを含むフォルダです",
            "it is or contains the knowledge base",
        ),
        "build.reason-docs": (
            "サイトの元になる docs/ の中です",
            "it is inside docs/, the site's source",
        ),
        "build.reason-not-folder": (
            "フォルダではなくファイルです",
            "it is a file, not a folder",
        ),
        "build.reason-not-site": (
            "空ではなく、hikitsugi が作ったサイトでもありません (丸ごと置き換えるため)",
            "it is not empty and not a site that hikitsugi built (it would be replaced as a whole)",
        ),
        "build.failed": (
            "サイトを作れませんでした。前のサイト ({site}) はそのまま残っています:\n{reason}",
            "the site could not be built; the previous site ({site}) is left as it was:\n{reason}",
        ),
    }
)


class SiteBuildError(HikitsugiError):
    """MkDocs could not build the site (the old site is untouched)."""


@contextmanager
def _quiet_mkdocs(report: Callable[[str], None], errors: list[str]) -> Iterator[None]:
    """Send MkDocs warnings to *report*, collect its errors, hide its INFO chatter."""
    logger = logging.getLogger("mkdocs")

    class Forward(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())
            else:
                report(f"mkdocs: {record.getMessage()}")

    handler = Forward(logging.WARNING)
    previous = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]


def mkdocs_build(
    root: Path, target: Path, day: datetime.date, report: Callable[[str], None]
) -> None:
    """Run the MkDocs build of the KB at *root* into *target* (raises SiteBuildError)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        raise SiteBuildError("build.no-mkdocs-yml", root=str(root))
    errors: list[str] = []
    with _quiet_mkdocs(report, errors):
        try:
            config = load_config(config_file=str(config_file), site_dir=str(target))
            if "hikitsugi" not in config.plugins:
                raise SiteBuildError("build.no-plugin", config=str(config_file))
            config.plugins["hikitsugi"].config.as_of = day.isoformat()
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:
            reason = "\n".join(errors) or str(error)
            raise SiteBuildError("build.failed", site=str(target), reason=reason) from None


def build_site(
    root: Path, site_dir: Path, day: datetime.date, report: Callable[[str], None] = lambda _: None
) -> Path:
    """Build into a temporary folder next to *site_dir*, then replace *site_dir* with it."""
    site_dir = site_dir.resolve()
    refuse_unsafe(root.resolve(), site_dir)
    make_folder(site_dir.parent, site_dir)
    staging = _temporary_folder(site_dir, "building")
    try:
        mkdocs_build(root.resolve(), staging, day, report)
    except SiteBuildError as error:
        shutil.rmtree(staging, ignore_errors=True)
        error.params["site"] = str(site_dir)
        raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        os.chmod(staging, new_folder_mode())  # mkdtemp makes it private; a site is read
        _swap(staging, site_dir)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(site_dir, "write", error) from None
    return site_dir


def _temporary_folder(site_dir: Path, purpose: str) -> Path:
    """Make a private folder next to *site_dir* (same file system, so renames are atomic)."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.{purpose}-", dir=site_dir.parent))
    except OSError as error:
        raise WriteError(site_dir, "write", error) from None


def refuse_unsafe(root: Path, site_dir: Path) -> None:
    """Refuse a site folder whose replacement would destroy the KB or anything not a site."""
    reason = None
    if site_dir == root or site_dir in root.parents:
        reason = ref("build.reason-kb")
    elif site_dir == root / "docs" or (root / "docs") in site_dir.parents:
        reason = ref("build.reason-docs")
    elif site_dir.exists() and not site_dir.is_dir():
        reason = ref("build.reason-not-folder")
    elif site_dir.is_dir() and _has_files(site_dir) and not (site_dir / "sitemap.xml").is_file():
        reason = ref("build.reason-not-site")
    if reason:
        raise SiteBuildError("build.unsafe-site-dir", site=str(site_dir), reason=reason)


def _has_files(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError as error:
        raise WriteError(folder, "write", error) from None


def _swap(staging: Path, site_dir: Path) -> None:
    """Put *staging* in place of *site_dir*: two renames, the old site removed last."""
    if not site_dir.exists():
        os.replace(staging, site_dir)
        return
    retired = _temporary_folder(site_dir, "old")
    os.replace(site_dir, retired / site_dir.name)
    try:
        os.replace(staging, site_dir)
    except OSError:
        os.replace(retired / site_dir.name, site_dir)  # put the old site back before reporting
        shutil.rmtree(retired, ignore_errors=True)
        raise
    shutil.rmtree(retired, ignore_errors=True)
